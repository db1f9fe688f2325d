/** Dates as Dutch readers write them, in the Netherlands' time zone whatever the server's. */
const TIME_ZONE = 'Europe/Amsterdam';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/** `2018-03-12` → `12 maart 2018`. */
export function formatCalendarDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant → `12 maart 2018 14:05` (Dutch time). */
export function formatInstant(instant: string | Date): string {
  return instantFormat.format(typeof instant === 'string' ? new Date(instant) : instant).replace(' om ', ' ');
}

/** Minutes east of UTC in the Netherlands at this instant (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The instant at which the Dutch wall clock shows this date and time. */
export function amsterdamWallTimeToInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Two passes: the offset at the guess, then at the corrected instant (right across a DST change).
  let instant = new Date(asIfUtc - amsterdamOffsetMinutes(new Date(asIfUtc)) * 60_000);
  instant = new Date(asIfUtc - amsterdamOffsetMinutes(instant) * 60_000);
  return instant;
}

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day (31 januari + 1 maand = 28/29 februari). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
