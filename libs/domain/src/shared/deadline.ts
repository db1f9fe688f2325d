import { InvalidInput } from './errors';
import { parsePeriod, Period, validatePeriod } from './period';

/** What a coordinator (or a data file) gives: the text as written, and optionally the dates read by hand. */
export interface DeadlineInput {
  text: string;
  start?: string | null;
  end?: string | null;
  readingNote?: string | null;
}

/**
 * Turns a deadline as written into a Period. When dates are given they win (a person read the text);
 * otherwise the text is read by the parser. Either way the original text is kept.
 */
export function toPeriod(field: string, input: DeadlineInput): Period {
  const result =
    input.end != null
      ? validatePeriod({ text: input.text, start: input.start ?? null, end: input.end, readingNote: input.readingNote ?? null })
      : parsePeriod(input.text);
  if (!result.ok) throw new InvalidInput(field, result.message);
  const period = result.period;
  if (input.readingNote && !period.readingNote) return { ...period, readingNote: input.readingNote };
  return period;
}
