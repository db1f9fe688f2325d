import type { ActionStatus } from '@actiemonitor/domain';
import { STATUS_LABELS } from '../status-labels';

/** A status as text with a coloured marker; the text carries the meaning, the colour only helps. */
export function StatusLabel({ status }: { status: ActionStatus }) {
  return <span className={`am-status am-status--${status.toLowerCase().replace('_', '-')}`}>{STATUS_LABELS[status]}</span>;
}

export function OverdueMarker({ overdue }: { overdue: boolean }) {
  return overdue ? <strong className="am-overdue">Termijn verstreken</strong> : null;
}
