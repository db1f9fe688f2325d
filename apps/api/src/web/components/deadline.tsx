import type { Period } from '@actiemonitor/domain';
import { formatCalendarDate } from '../format/dutch-dates';

/** The dates a deadline text was read as: "1 juni 2019 t/m 1 maart 2020", or "uiterlijk 30 juni 2017". */
export function derivedDates(deadline: Period): string {
  return deadline.start
    ? `${formatCalendarDate(deadline.start)} t/m ${formatCalendarDate(deadline.end)}`
    : `uiterlijk ${formatCalendarDate(deadline.end)}`;
}

/** The deadline as policy wrote it, with the dates we derived from it below. */
export function Deadline({ deadline }: { deadline: Period | null }) {
  if (!deadline) return <span className="am-muted">geen termijn</span>;
  return (
    <>
      {deadline.text}
      <br />
      <small className="am-muted">{derivedDates(deadline)}</small>
    </>
  );
}
