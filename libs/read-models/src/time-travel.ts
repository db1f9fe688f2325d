import type { ActionFilter } from './ports/read-model-reader';
import type { ActionView } from './views/action-view';
import { addContributionChange, cellFromKey, cellKey, StatusCell } from './views/status-contributions';

export type CountedCell = StatusCell & { count: number };

/** Whether an action, as it was at some moment, passes a filter on its plans, owners and status then. */
export function matchesActionFilter(view: ActionView, filter: ActionFilter): boolean {
  if (filter.planId && !view.memberships.some((m) => m.planId === filter.planId && (!filter.actionLineId || m.actionLineId === filter.actionLineId))) {
    return false;
  }
  if (filter.partnerId && !view.owners.includes(filter.partnerId)) return false;
  if (filter.status && view.status !== filter.status) return false;
  return true;
}

/**
 * The status aggregate of one plan key at a moment: a snapshot's cells plus the action versions
 * recorded between the snapshot and that moment, in log order. `previous` holds each changed action's
 * last version at or before the snapshot (absent: it did not exist yet).
 */
export function statusCellsAsOf(
  planKey: string,
  snapshot: Iterable<CountedCell>,
  versions: Iterable<{ actionId: string; view: ActionView }>,
  previous: ReadonlyMap<string, ActionView>,
): CountedCell[] {
  const counts = new Map<string, number>();
  for (const cell of snapshot) counts.set(cellKey(cell), cell.count);
  const latest = new Map<string, ActionView | null>(previous);
  for (const { actionId, view } of versions) {
    const deltas = new Map<string, number>();
    addContributionChange(deltas, latest.get(actionId) ?? null, view);
    for (const [key, delta] of deltas) if (cellFromKey(key).planId === planKey) counts.set(key, (counts.get(key) ?? 0) + delta);
    latest.set(actionId, view);
  }
  return [...counts].map(([key, count]) => ({ ...cellFromKey(key), count }));
}
