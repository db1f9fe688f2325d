import type { ActionFilter } from './ports/read-model-reader';
import type { ActionView } from './views/action-view';
import { cellFromKey, cellKeyPrefix, cellKeysOf, Contribution, StatusCell } from './views/status-contributions';

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
 * The status aggregate of one plan key at a moment, from what each action added to it then (its
 * contribution at that moment; null for an action that did not exist yet). An action outside the plan
 * then adds no cell of the plan.
 */
export function statusCellsAsOf(planKey: string, contributions: Iterable<Contribution | null>): CountedCell[] {
  const counts = new Map<string, number>();
  const prefix = cellKeyPrefix(planKey);
  for (const contribution of contributions) {
    if (contribution === null) continue;
    for (const key of cellKeysOf(contribution)) if (key.startsWith(prefix)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ ...cellFromKey(key), count }));
}

/**
 * A contribution as contributionsAsOfSql selects it: [status, deadlineEnd, owners, planIds], owners
 * and plans as JSON text (SQLite returns the whole array as text, PostgreSQL as parsed JSON).
 */
export function contributionFromRow(value: unknown): Contribution | null {
  if (value === null || value === undefined) return null;
  const [status, deadlineEnd, owners, planIds] = (typeof value === 'string' ? JSON.parse(value) : value) as string[];
  return {
    status: status as Contribution['status'],
    deadlineEnd,
    owners: JSON.parse(owners) as string[],
    planIds: JSON.parse(planIds) as string[],
  };
}
