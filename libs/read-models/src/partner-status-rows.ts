import { ACTION_STATUSES, ActionStatus, isClosedStatus } from '@actiemonitor/domain';
import { StatusCell } from './views/status-contributions';

export interface PartnerStatusRow {
  partnerId: string;
  total: number;
  overdue: number;
  byStatus: Array<{ status: ActionStatus; count: number }>;
}

/**
 * Folds aggregate cells into one row per partner: total, overdue at `today`, and a count for every
 * status (zeros included, so the counts always add up to total). Partners with no actions are left out.
 */
export function toPartnerStatusRows(cells: Iterable<StatusCell & { count: number }>, today: string): PartnerStatusRow[] {
  const byPartner = new Map<string, PartnerStatusRow>();
  for (const cell of cells) {
    if (cell.count === 0) continue;
    let row = byPartner.get(cell.partnerId);
    if (!row) {
      row = { partnerId: cell.partnerId, total: 0, overdue: 0, byStatus: ACTION_STATUSES.map((status) => ({ status, count: 0 })) };
      byPartner.set(cell.partnerId, row);
    }
    row.total += cell.count;
    row.byStatus.find((s) => s.status === cell.status)!.count += cell.count;
    if (cell.deadlineEnd !== '' && cell.deadlineEnd < today && !isClosedStatus(cell.status)) row.overdue += cell.count;
  }
  return [...byPartner.values()].filter((r) => r.total > 0).sort((a, b) => (a.partnerId < b.partnerId ? -1 : 1));
}
