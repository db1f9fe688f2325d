import { ActionStatus } from '@actiemonitor/domain';
import { ActionView } from './action-view';

/** The plan key that counts every action once, whatever plans it is in. */
export const ALL_PLANS = '*';

/** One cell of the status-per-partner aggregate. `deadlineEnd` is '' when the action has no deadline. */
export interface StatusCell {
  planId: string;
  partnerId: string;
  status: ActionStatus;
  deadlineEnd: string;
}

const SEPARATOR = '\u0000';

export function cellKey(cell: StatusCell): string {
  return [cell.planId, cell.partnerId, cell.status, cell.deadlineEnd].join(SEPARATOR);
}

/** What every key of a plan's cells starts with (a cheap test of `cellFromKey(key).planId === planId`). */
export function cellKeyPrefix(planId: string): string {
  return planId + SEPARATOR;
}

export function cellFromKey(key: string): StatusCell {
  const [planId, partnerId, status, deadlineEnd] = key.split(SEPARATOR);
  return { planId, partnerId, status: status as ActionStatus, deadlineEnd };
}

/** What of an action counts in the aggregate: its status, deadline end ('' for none), owners and plans. */
export interface Contribution {
  status: ActionStatus;
  deadlineEnd: string;
  owners: readonly string[];
  planIds: readonly string[];
}

export function contributionOf(view: Pick<ActionView, 'owners' | 'memberships' | 'status' | 'deadline'>): Contribution {
  const { memberships } = view;
  return {
    status: view.status,
    deadlineEnd: view.deadline?.end ?? '',
    owners: view.owners,
    // Most actions are in one plan: no set to build for them.
    planIds: memberships.length === 1 ? [memberships[0].planId] : [...new Set(memberships.map((m) => m.planId))],
  };
}

/** Whether two versions of an action add the same to the aggregate (then time travel needs no new row). */
export function sameContribution(a: Contribution | null, b: Contribution | null): boolean {
  if (a === null || b === null) return a === b;
  return a.status === b.status && a.deadlineEnd === b.deadlineEnd && sameList(a.owners, b.owners) && sameList(a.planIds, b.planIds);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * The cells one action adds to: +1 per owner in each of its plans and in ALL_PLANS. Keeping the
 * deadline's end in the key lets `overdue` be judged at any date from counts alone.
 */
export function cellKeysOf({ status, deadlineEnd, owners, planIds }: Contribution): string[] {
  return [ALL_PLANS, ...planIds].flatMap((planId) => owners.map((partnerId) => cellKey({ planId, partnerId, status, deadlineEnd })));
}

/** Adds the change from `before` to `after` into `deltas` (key → net change). */
export function addContributionChange(deltas: Map<string, number>, before: Contribution | null, after: Contribution | null): void {
  if (before) for (const key of cellKeysOf(before)) deltas.set(key, (deltas.get(key) ?? 0) - 1);
  if (after) for (const key of cellKeysOf(after)) deltas.set(key, (deltas.get(key) ?? 0) + 1);
}
