import { InvalidInput, isCalendarDate } from '@actiemonitor/domain';
import { APPLICATION_MESSAGES } from '../application.messages';
import { dutchDay, endOfDutchDay, startOfDutchDay } from '@actiemonitor/read-models';

/** A period as the report reads the log: events recorded after `from` up to and including `to` (ISO instants). */
export interface ReportPeriod {
  from: string;
  to: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date means the whole Dutch calendar day: `from` its first instant, `to` its last. An ISO instant is
 * taken as it is (tests and scripts that need a period shorter than a day).
 */
function readBound(field: 'from' | 'to', value: string): Date {
  const text = typeof value === 'string' ? value.trim() : '';
  if (isCalendarDate(text)) return field === 'from' ? startOfDutchDay(text) : endOfDutchDay(text);
  const instant = INSTANT.test(text) ? new Date(text) : null;
  if (instant === null || Number.isNaN(instant.getTime())) throw new InvalidInput(field, APPLICATION_MESSAGES.reportDateInvalid(text));
  return instant;
}

/** Reads and checks a report period; `now` is the clock's time: a period may not end in the future. */
export function readReportPeriod(from: string, to: string, now: Date): ReportPeriod {
  const start = readBound('from', from);
  const end = readBound('to', to);
  if (end.getTime() < start.getTime()) throw new InvalidInput('to', APPLICATION_MESSAGES.reportToBeforeFrom(from, to));
  // A date `to` of today is allowed (its end lies later today): the report then reads up to now and names its log position.
  const toIsDate = isCalendarDate(to.trim());
  if (toIsDate ? to.trim() > dutchDay(now) : end.getTime() > now.getTime()) {
    throw new InvalidInput('to', APPLICATION_MESSAGES.reportPeriodInFuture(to));
  }
  return { from: start.toISOString(), to: (end.getTime() > now.getTime() ? now : end).toISOString() };
}
