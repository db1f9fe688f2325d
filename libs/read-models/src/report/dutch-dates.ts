/**
 * Dates as Dutch reports write them ("30 juni 2018") and the Dutch calendar day of an instant. Assembled
 * from numbers, not from Intl's long format, so the text does not depend on the ICU version (reports
 * must be byte for byte the same wherever they are made).
 */
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const AMSTERDAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: Date): LocalParts {
  const parts = Object.fromEntries(AMSTERDAM.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2018-06-30" → "30 juni 2018"; anything else is returned as it is. */
export function dutchLongDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** The calendar day (YYYY-MM-DD) in the Netherlands at an instant. */
export function dutchDay(instant: string | Date): string {
  const p = localParts(typeof instant === 'string' ? new Date(instant) : instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** An instant as Dutch text in Dutch time: "30 juni 2018 14:05". */
export function dutchDateTime(instant: string): string {
  const p = localParts(new Date(instant));
  return `${dutchLongDate(`${p.year}-${pad(p.month)}-${pad(p.day)}`)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The first instant of a Dutch calendar day (midnight in Amsterdam, whatever the daylight-saving offset). */
export function startOfDutchDay(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  const utcMidnight = Date.UTC(year, month - 1, day);
  let guess = utcMidnight;
  // Two rounds settle it: the offset at the guess may differ from the one at the true local midnight only across a switch.
  for (let round = 0; round < 2; round += 1) {
    const p = localParts(new Date(guess));
    const shownAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess = utcMidnight - (shownAsUtc - guess);
  }
  return new Date(guess);
}

/** The last millisecond of a Dutch calendar day. */
export function endOfDutchDay(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return new Date(startOfDutchDay(next).getTime() - 1);
}
