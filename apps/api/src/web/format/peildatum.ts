import type { Message } from '@actiemonitor/domain';
import { dutchCalendarDate } from '@actiemonitor/read-models';
import { WEB_MESSAGES } from '../web.messages';
import { amsterdamWallTimeToInstant, formatCalendarDate, formatInstant } from './dutch-dates';

/** The moment a page shows: `?peildatum=` parsed once and handed to every query of the page as `asOf`. */
export interface Peildatum {
  /** What the user typed, to put back in the date picker. */
  input: string;
  asOf: Date;
  /** How the page names the moment, e.g. "30 juni 2018 (einde van de dag)". */
  label: string;
}

/** A refusal's `reason` is the Dutch text the page shows. */
export type PeildatumResult = { ok: true; peildatum: Peildatum | null } | { ok: false; input: string; reason: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

function existingDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * A date (`2018-06-30`) means the end of that day in the Netherlands: the page as it stood when the day
 * was over. A date-time without an offset (what `<input type="datetime-local">` sends) is Dutch time.
 * Today (or a moment still to come today) shows the present; later dates are refused.
 */
export function parsePeildatum(raw: unknown, now: Date): PeildatumResult {
  if (raw === undefined || raw === null || raw === '') return { ok: true, peildatum: null };
  const input = typeof raw === 'string' ? raw.trim().slice(0, 40) : String(raw).slice(0, 40);
  const fail = (message: Message): PeildatumResult => ({ ok: false, input, reason: message.nl });
  let asOf: Date;
  let label: string;
  const date = DATE.exec(input);
  const dateTime = DATE_TIME.exec(input);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (!existingDate(y, m, d)) return fail(WEB_MESSAGES.noSuchDate);
    if (y < 1900) return fail(WEB_MESSAGES.before1900);
    if (input > dutchCalendarDate(now)) return fail(WEB_MESSAGES.inFuture);
    const endOfDay = new Date(amsterdamWallTimeToInstant(y, m, d + 1).getTime() - 1);
    asOf = endOfDay > now ? now : endOfDay;
    label = `${formatCalendarDate(input)} (einde van de dag)`;
  } else if (dateTime) {
    const [y, m, d, h, min, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(dateTime[i] ?? 0));
    if (!existingDate(y, m, d) || h > 23 || min > 59 || s > 59) return fail(WEB_MESSAGES.noSuchMoment);
    if (y < 1900) return fail(WEB_MESSAGES.before1900);
    asOf = dateTime[7] ? new Date(input.replace(' ', 'T')) : amsterdamWallTimeToInstant(y, m, d, h, min, s);
    if (Number.isNaN(asOf.getTime())) return fail(WEB_MESSAGES.noSuchMoment);
    if (asOf.getTime() > now.getTime()) return fail(WEB_MESSAGES.inFuture);
    label = formatInstant(asOf);
  } else {
    return fail(WEB_MESSAGES.peildatumForm);
  }
  return { ok: true, peildatum: { input, asOf, label } };
}
