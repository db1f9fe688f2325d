import { isClosedStatus } from '@actiemonitor/domain';
import { ActionView } from './views/action-view';

/** A deadline exists, its last day lies before `today`, and the action is neither COMPLETED nor STOPPED. */
export function isOverdue(action: Pick<ActionView, 'deadline' | 'status'>, today: string): boolean {
  return action.deadline !== null && action.deadline.end < today && !isClosedStatus(action.status);
}

/**
 * The calendar date in the Netherlands at an instant: a deadline of 31 December is still met
 * at 23:30 Amsterdam time, which is already 1 January in some time zones and not yet in UTC.
 */
export function dutchCalendarDate(instant: Date): string {
  // Every request asks for today: the answer for the same second is remembered (time-zone offsets are
  // whole seconds, so a date cannot change within one).
  const second = Math.floor(instant.getTime() / 1000);
  if (second !== lastSecond) {
    lastDate = DUTCH_DATE.format(instant);
    lastSecond = second;
  }
  return lastDate;
}

let lastSecond = Number.NaN;
let lastDate = '';

// Building a formatter costs fifty times more than using one: build it once.
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
