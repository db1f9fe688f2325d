import type { ActionFilter } from './ports/read-model-reader';
import type { ActionView } from './views/action-view';
import { addContributionChange, ALL_PLANS, cellFromKey, cellKey, cellKeyPrefix, StatusCell } from './views/status-contributions';

export type CountedCell = StatusCell & { count: number };

/** Whether an action, as it was at some moment, passes a filter on its plans, owners and status then. */
export function matchesActionFilter(view: ActionView, filter: ActionFilter): boolean {
  if (
    filter.planId &&
    !view.memberships.some((m) => m.planId === filter.planId && (!filter.actionLineId || m.actionLineId === filter.actionLineId))
  ) {
    return false;
  }
  if (filter.partnerId && !view.owners.includes(filter.partnerId)) return false;
  if (filter.status && view.status !== filter.status) return false;
  if (filter.carriesOut && view.carriesOut !== filter.carriesOut) return false;
  return true;
}

/**
 * The view when it counts for `planKey`, else null. An action never leaves a plan (memberships only
 * grow), so a version outside the plan, and every version before it, adds nothing to the plan's cells.
 */
export function countsForPlan(view: ActionView, planKey: string): ActionView | null {
  return planKey === ALL_PLANS || view.memberships.some((m) => m.planId === planKey) ? view : null;
}

/**
 * The actions whose version before their first change here partnerStatusesAsOf must look up, with the
 * position of that first change: only those whose first change counts for the plan (before a change
 * outside the plan, the action was outside it too, and adds nothing).
 */
export function firstChangesCountingForPlan(
  versions: Iterable<{ actionId: string; position: bigint; view: ActionView | null }>,
): Map<string, bigint> {
  const first = new Map<string, bigint | null>();
  for (const { actionId, position, view } of versions) if (!first.has(actionId)) first.set(actionId, view === null ? null : position);
  return new Map([...first].filter((entry): entry is [string, bigint] => entry[1] !== null));
}

/**
 * The status aggregate of one plan key at a moment: a snapshot's cells plus the action versions
 * recorded between the snapshot and that moment, in log order. `previous` holds each changed action's
 * last version at or before the snapshot (absent: it did not exist yet). A null view is one that does
 * not count for the plan (see countsForPlan), so callers may skip parsing it.
 */
export function statusCellsAsOf(
  planKey: string,
  snapshot: Iterable<CountedCell>,
  versions: Iterable<{ actionId: string; view: ActionView | null }>,
  previous: ReadonlyMap<string, ActionView | null>,
): CountedCell[] {
  const counts = new Map<string, number>();
  for (const cell of snapshot) counts.set(cellKey(cell), cell.count);
  const latest = new Map<string, ActionView | null>(previous);
  const prefix = cellKeyPrefix(planKey);
  for (const { actionId, view } of versions) {
    const before = latest.get(actionId) ?? null;
    latest.set(actionId, view);
    if (before === null && view === null) continue;
    const deltas = new Map<string, number>();
    addContributionChange(deltas, before, view);
    for (const [key, delta] of deltas) if (key.startsWith(prefix)) counts.set(key, (counts.get(key) ?? 0) + delta);
  }
  return [...counts].map(([key, count]) => ({ ...cellFromKey(key), count }));
}
