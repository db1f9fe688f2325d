import { formatMonthYear } from './format';

/** Whole-number ticks from 0 to at least `max`, about six of them: counts of actions are never fractional. */
export function countTicks(max: number): number[] {
  const step = niceStep(Math.max(max, 1) / 6);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return ticks;
}

/** The smallest of 1, 2, 5, 10, 20, 50, … that is at least `raw` (and at least 1). */
function niceStep(raw: number): number {
  for (let power = 1; ; power *= 10) {
    for (const factor of [1, 2, 5]) if (factor * power >= raw) return factor * power;
  }
}

export interface TimeAxis {
  domain: [Date, Date];
  ticks: Date[];
  format: (date: Date) => string;
}

const DAY = 86_400_000;
const MIN_SPAN = 120 * DAY;
const MAX_TICKS = 7;
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120];

/**
 * A time axis over the given dates, in UTC so the server's time zone never shifts a day. Ticks fall on
 * month starts (quarters, half years, years…), chosen so at most seven fit; ticks a year or more apart
 * read "2018", closer ones "jan 2018". Returns null when there are no dates to place.
 */
export function timeAxis(dates: Date[]): TimeAxis | null {
  if (dates.length === 0) return null;
  const times = dates.map((date) => date.getTime());
  let lo = Math.min(...times);
  let hi = Math.max(...times);
  if (hi - lo < MIN_SPAN) {
    const middle = (lo + hi) / 2;
    [lo, hi] = [middle - MIN_SPAN / 2, middle + MIN_SPAN / 2];
  }
  // A little room either side, so the first and last dots are not cut in half by the frame edge.
  const pad = (hi - lo) * 0.04;
  const domain: [Date, Date] = [new Date(lo - pad), new Date(hi + pad)];

  for (const step of MONTH_STEPS) {
    const ticks = monthTicks(domain, step);
    if (ticks.length <= MAX_TICKS || step === MONTH_STEPS[MONTH_STEPS.length - 1]) {
      const format = step >= 12 ? (date: Date) => String(date.getUTCFullYear()) : formatMonthYear;
      return { domain, ticks, format };
    }
  }
  /* istanbul ignore next: the loop always returns on its last step */
  return null;
}

/** First days of months inside the domain whose month number (counted from year 0) is a multiple of `step`. */
function monthTicks([from, to]: [Date, Date], step: number): Date[] {
  let month = from.getUTCFullYear() * 12 + from.getUTCMonth();
  month = Math.ceil(month / step) * step;
  const ticks: Date[] = [];
  for (; ; month += step) {
    const tick = new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));
    if (tick > to) return ticks;
    if (tick >= from) ticks.push(tick);
  }
}
