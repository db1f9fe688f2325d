import { ACTION_STATUSES, ActionStatus, attainment, isClosedStatus, Period, TargetEvent, upcast } from '@actiemonitor/domain';
import type { RecordedEvent } from '@actiemonitor/event-store';
import { isOverdue } from '../overdue';
import type { ActionView } from '../views/action-view';
import type { PlanView } from '../views/plan-view';
import { evolveTargetView, TargetView } from '../views/target-view';
import { ActionChange, actionChanges, inPeriod, LogPeriod } from './changes';
import { dutchDay } from './dutch-dates';
import { describeActor, describeEvent } from './event-description';

export interface ReportAction {
  id: string;
  title: string;
  owners: string[];
  /** The deadline as the plan wrote it (when the action was registered). */
  deadlineAsWritten: Period | null;
  /** The deadline at the end of the period: different from the written one after a reschedule. */
  deadline: Period | null;
  statusAtFrom: ActionStatus | null;
  statusAtTo: ActionStatus;
  noteAtTo: string | null;
  overdue: boolean;
  changes: Array<ActionChange & { who: string; what: string; why: string | null }>;
}

export interface ReportLine {
  id: string;
  code: string;
  title: string;
  actions: ReportAction[];
}

export interface ReportTarget {
  id: string;
  description: string;
  unit: string | null;
  baseline: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  dueDate: string | null;
  direction: string;
  actionIds: string[];
  /** Measurements known at the end of the period (corrections applied), by date. */
  measurements: Array<{ measuredAt: string; value: number; source: string | null; corrected: boolean }>;
  attainment: number | null;
}

export interface AnnexEntry {
  position: string;
  recordedAt: string;
  who: string;
  streamId: string;
  type: string;
  what: string;
  why: string | null;
}

export interface ReportModel {
  plan: { id: string; title: string; periodText: string };
  partnerId: string | null;
  period: LogPeriod & { fromDay: string; toDay: string };
  madeOn: string;
  /** The last event recorded up to the end of the period: the log the report was made from. */
  head: { position: string; hash: string };
  summary: {
    atFrom: Record<ActionStatus, number>;
    atTo: Record<ActionStatus, number>;
    overdue: Array<{ id: string; title: string }>;
    completed: Array<{ id: string; title: string }>;
    stopped: Array<{ id: string; title: string }>;
  };
  lines: ReportLine[];
  targets: ReportTarget[];
  annex: AnnexEntry[];
}

export interface ReportInput {
  plan: PlanView;
  partnerId: string | null;
  period: LogPeriod;
  madeOn: string;
  head: { position: string; hash: string };
  /** The plan's actions (for this partner) as they were at `from` and at `to`. */
  actionsAtFrom: ActionView[];
  actionsAtTo: ActionView[];
  /** Every event of each action's stream, by action id. */
  actionEvents: ReadonlyMap<string, readonly RecordedEvent[]>;
  /** Every event of each of the plan's target streams, by target id. */
  targetEvents: ReadonlyMap<string, readonly RecordedEvent[]>;
  planEvents: readonly RecordedEvent[];
}

const byPosition = (a: RecordedEvent, b: RecordedEvent) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

function countByStatus(views: readonly ActionView[]): Record<ActionStatus, number> {
  const counts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const view of views) counts[view.status] += 1;
  return counts;
}

/** A target folded from its events up to the end of the period; null when it was not defined by then. */
function targetAt(events: readonly RecordedEvent[], to: string): TargetView | null {
  let view: TargetView | null = null;
  for (const e of events) {
    if (e.metadata.recordedAt > to) break;
    view = evolveTargetView(view, upcast(e) as TargetEvent, e.metadata.recordedAt);
  }
  return view;
}

function reportTarget(view: TargetView): ReportTarget {
  const measurements = [...view.measurements]
    .sort((a, b) => (a.measuredAt < b.measuredAt ? -1 : a.measuredAt > b.measuredAt ? 1 : 0))
    .map((m) => ({ measuredAt: m.measuredAt, value: m.value, source: m.source, corrected: m.correction !== null }));
  return {
    id: view.id,
    description: view.description,
    unit: view.unit,
    baseline: view.baseline,
    baselineDate: view.baselineDate,
    targetValue: view.targetValue,
    dueDate: view.dueDate,
    direction: view.direction,
    actionIds: view.actionIds,
    measurements,
    attainment: attainment(view.baseline, view.targetValue, view.measurements),
  };
}

/**
 * The whole report as data, from what the log held at the end of the period: pure, so the same input
 * gives the same report, whichever renderer writes it.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const { plan, period } = input;
  const toDay = dutchDay(period.to);
  const atFrom = new Map(input.actionsAtFrom.map((v) => [v.id, v]));
  const targets = [...input.targetEvents.entries()]
    .map(([, events]) => targetAt(events, period.to))
    .filter((t): t is TargetView => t !== null)
    .filter(
      (t) =>
        input.partnerId === null ||
        t.owners.includes(input.partnerId) ||
        t.actionIds.some((id) => atFrom.has(id) || input.actionsAtTo.some((a) => a.id === id)),
    );

  const changes = actionChanges(
    input.actionsAtTo.map((view) => ({
      id: view.id,
      title: view.title,
      actionLineId: view.actionLineId,
      statusAtFrom: atFrom.get(view.id)?.status ?? null,
      statusAtTo: view.status,
      noteAtTo: view.statusNote,
      events: input.actionEvents.get(view.id) ?? [],
    })),
    targets.map((t) => ({ actionIds: t.actionIds, events: input.targetEvents.get(t.id) ?? [] })),
    period,
  );
  const changesOf = new Map(changes.map((c) => [c.actionId, c.changes]));
  const eventAt = new Map<string, RecordedEvent>();
  for (const events of [...input.actionEvents.values(), ...input.targetEvents.values(), input.planEvents]) {
    for (const e of events) eventAt.set(e.position.toString(), e);
  }

  const reportAction = (view: ActionView): ReportAction => {
    const registered = (input.actionEvents.get(view.id) ?? []).find((e) => e.type === 'ActionRegistered');
    return {
      id: view.id,
      title: view.title,
      owners: view.owners,
      deadlineAsWritten: ((registered?.data as { deadline?: Period | null } | undefined)?.deadline ?? view.deadline) || null,
      deadline: view.deadline,
      statusAtFrom: atFrom.get(view.id)?.status ?? null,
      statusAtTo: view.status,
      noteAtTo: view.statusNote,
      overdue: isOverdue(view, toDay),
      changes: (changesOf.get(view.id) ?? []).map((c) => ({
        ...c,
        who: describeActor(c.actor),
        ...describeEvent(eventAt.get(c.position)!),
      })),
    };
  };

  // An action serves its plan under the line its membership names (an adopted action under the adopting plan's line).
  const lineOf = (view: ActionView) => view.memberships.find((m) => m.planId === plan.id)?.actionLineId ?? view.actionLineId;
  const lines = plan.actionLines
    .map((line) => ({
      id: line.id,
      code: line.code,
      title: line.title,
      actions: input.actionsAtTo.filter((v) => lineOf(v) === line.id).map(reportAction),
    }))
    .filter((line) => line.actions.length > 0);

  const streamsOfReport = new Set([
    `plan-${plan.id}`,
    ...input.actionsAtTo.map((v) => `action-${v.id}`),
    ...targets.map((t) => `target-${t.id}`),
  ]);
  const annex = [...eventAt.values()]
    .filter((e) => streamsOfReport.has(e.streamId) && inPeriod(e, period))
    .sort(byPosition)
    .map((e) => ({
      position: e.position.toString(),
      recordedAt: e.metadata.recordedAt,
      who: describeActor(e.metadata.actor),
      streamId: e.streamId,
      type: e.type,
      ...describeEvent(e),
    }));

  const pick = (view: ActionView) => ({ id: view.id, title: view.title });
  const endedIn = (status: ActionStatus) =>
    input.actionsAtTo.filter((v) => v.status === status && atFrom.get(v.id)?.status !== status).map(pick);
  return {
    plan: { id: plan.id, title: plan.title, periodText: plan.period.text },
    partnerId: input.partnerId,
    period: { ...period, fromDay: dutchDay(period.from), toDay },
    madeOn: input.madeOn,
    head: input.head,
    summary: {
      atFrom: countByStatus(input.actionsAtFrom),
      atTo: countByStatus(input.actionsAtTo),
      overdue: input.actionsAtTo.filter((v) => !isClosedStatus(v.status) && isOverdue(v, toDay)).map(pick),
      completed: endedIn('COMPLETED'),
      stopped: endedIn('STOPPED'),
    },
    lines,
    targets: targets.map(reportTarget),
    annex,
  };
}
