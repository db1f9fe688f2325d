import { ACTION_STATUSES, ActionStatus } from '@actiemonitor/domain';
import type { ActionLineView } from '@actiemonitor/read-models';

/** The fields of an action a summary needs (as read at the page's moment). */
export interface SummarisedAction {
  id: string;
  planId: string;
  actionLineId: string;
  memberships: Array<{ planId: string; actionLineId: string }>;
  status: ActionStatus;
  statusChangedAt: string | null;
  overdue: boolean;
}

export interface StatusCounts {
  total: number;
  byStatus: Record<ActionStatus, number>;
  overdue: number;
  /** Actions whose status someone has ever reported (imported actions start unreported). */
  reported: number;
}

export interface PlanSummary extends StatusCounts {
  lines: Array<{ line: ActionLineView } & StatusCounts>;
}

/** The action line an action sits in within this plan (an action adopted by a second plan has one there too). */
export function actionLineIn(action: SummarisedAction, planId: string): string {
  return action.memberships.find((m) => m.planId === planId)?.actionLineId ?? action.actionLineId;
}

export function countStatuses(actions: readonly SummarisedAction[]): StatusCounts {
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  let overdue = 0;
  let reported = 0;
  for (const action of actions) {
    byStatus[action.status] += 1;
    if (action.overdue) overdue += 1;
    if (action.statusChangedAt !== null) reported += 1;
  }
  return { total: actions.length, byStatus, overdue, reported };
}

export function summarisePlan(planId: string, lines: readonly ActionLineView[], actions: readonly SummarisedAction[]): PlanSummary {
  return {
    ...countStatuses(actions),
    lines: lines.map((line) => ({ line, ...countStatuses(actions.filter((a) => actionLineIn(a, planId) === line.id)) })),
  };
}

/** A share as a Dutch percentage, rounded: 0,25 → "25%". */
export function percentage(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}
