/**
 * Dutch wording of numbers and dates for chart text. Month names are spelled out here rather than taken
 * from Intl so the output is identical whatever ICU data the Node build carries (tests compare strings).
 */

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** 3.25 → "3,25", 1234 → "1.234". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A value with its unit: "5%", "€ 12,50", "12 gezinshuizen", or just the number when there is no unit. */
export function formatValue(value: number, unit: string | null): string {
  const number = formatNumber(value);
  const trimmed = unit?.trim() ?? '';
  if (trimmed === '') return number;
  if (trimmed === '%') return `${number}%`;
  if (trimmed === '€') return `€ ${number}`;
  return `${number} ${trimmed}`;
}

/** A calendar date as "YYYY-MM-DD" → a Date at midnight UTC, or null when it is not a real date. */
export function parseIsoDate(value: string | null): Date | null {
  if (value === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2017-02-30 over into March; reject instead of charting the wrong day.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** "31-12-2017", the way Dutch readers write a date. */
export function formatDate(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${day}-${month}-${date.getUTCFullYear()}`;
}

/** "jan 2018", for time-axis ticks. */
export function formatMonthYear(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Cuts text to at most `max` characters, ending in an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  const characters = Array.from(text.trim()); // code points, so an emoji or accent is never split
  return characters.length <= max
    ? characters.join('')
    : `${characters
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
