import type { ActionStatus, Period } from '@actiemonitor/domain';
import type { Actor, RecordedEvent } from '@actiemonitor/event-store';

/** What kind of change a report names in an action's account of a period. */
export const CHANGE_KINDS = [
  'STATUS_REPORTED',
  'STATUS_CORRECTED',
  'RESCHEDULED',
  'OWNER_ADDED',
  'OWNER_REMOVED',
  'TARGET_DEFINED',
  'BASELINE_RECORDED',
  'MEASUREMENT_RECORDED',
  'MEASUREMENT_CORRECTED',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change to an action (or to a target it serves), with when, who and where in the log. */
export interface ActionChange {
  kind: ChangeKind;
  position: string;
  recordedAt: string;
  actor: Actor;
  streamId: string;
  actionId: string | null;
  targetId: string | null;
  status: ActionStatus | null;
  previousStatus: ActionStatus | null;
  note: string | null;
  reason: string | null;
  /** The stream version of the status report a correction corrects. */
  correctsVersion: number | null;
  deadline: Period | null;
  previousDeadline: Period | null;
  ownerId: string | null;
  measurementId: string | null;
  value: number | null;
  measuredAt: string | null;
  description: string | null;
}

const EMPTY: Omit<ActionChange, 'kind' | 'position' | 'recordedAt' | 'actor' | 'streamId'> = {
  actionId: null,
  targetId: null,
  status: null,
  previousStatus: null,
  note: null,
  reason: null,
  correctsVersion: null,
  deadline: null,
  previousDeadline: null,
  ownerId: null,
  measurementId: null,
  value: null,
  measuredAt: null,
  description: null,
};

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The event as a change, or null when the event is not one a report lists per action (registrations, updates under review). */
export function changeOf(event: RecordedEvent): ActionChange | null {
  const d = event.data as Data;
  const base = {
    ...EMPTY,
    position: event.position.toString(),
    recordedAt: event.metadata.recordedAt,
    actor: event.metadata.actor,
    streamId: event.streamId,
    actionId: typeof d.actionId === 'string' ? d.actionId : null,
    targetId: typeof d.targetId === 'string' ? d.targetId : null,
  };
  switch (event.type) {
    case 'ActionStatusChanged':
      return { ...base, kind: 'STATUS_REPORTED', status: d.status, previousStatus: d.previousStatus, note: d.note ?? null };
    case 'ActionStatusCorrected':
      return {
        ...base,
        kind: 'STATUS_CORRECTED',
        status: d.status,
        previousStatus: d.previousStatus,
        note: d.note ?? null,
        reason: d.reason,
        correctsVersion: d.correctsVersion,
      };
    case 'ActionRescheduled':
      return { ...base, kind: 'RESCHEDULED', deadline: d.deadline ?? null, previousDeadline: d.previousDeadline ?? null, reason: d.reason };
    case 'OwnerAssigned':
      return { ...base, kind: 'OWNER_ADDED', ownerId: d.partnerId, reason: d.reason ?? null };
    case 'OwnerRemoved':
      return { ...base, kind: 'OWNER_REMOVED', ownerId: d.partnerId, reason: d.reason };
    case 'TargetDefined':
      return { ...base, kind: 'TARGET_DEFINED', description: d.description, note: d.note ?? null };
    case 'BaselineRecorded':
      return { ...base, kind: 'BASELINE_RECORDED', value: d.baseline, measuredAt: d.baselineDate, note: d.note ?? null };
    case 'MeasurementRecorded':
      return {
        ...base,
        kind: 'MEASUREMENT_RECORDED',
        measurementId: d.measurementId,
        value: d.value,
        measuredAt: d.measuredAt,
        note: d.source ?? null,
      };
    case 'MeasurementCorrected':
      return {
        ...base,
        kind: 'MEASUREMENT_CORRECTED',
        measurementId: d.measurementId,
        value: d.value,
        measuredAt: d.measuredAt,
        note: d.source ?? null,
        reason: d.reason,
      };
    default:
      return null;
  }
}

/** A period of the log: events recorded after `from` and up to and including `to` (ISO instants). */
export interface LogPeriod {
  from: string;
  to: string;
}

/** Status "at" an instant counts every event recorded up to it, so the period's own events are those after `from`. */
export function inPeriod(event: RecordedEvent, period: LogPeriod): boolean {
  const at = event.metadata.recordedAt;
  return at > period.from && at <= period.to;
}

export interface ActionChanges {
  actionId: string;
  title: string;
  actionLineId: string;
  /** Null when the action did not exist yet at `from`. */
  statusAtFrom: ActionStatus | null;
  statusAtTo: ActionStatus;
  noteAtTo: string | null;
  changes: ActionChange[];
}

/**
 * Per action, its changes in the period in log order: the events of its own stream and of the streams of
 * the targets it serves. `targetEvents` holds each target's events with the actions it serves.
 */
export function actionChanges(
  actions: ReadonlyArray<{
    id: string;
    title: string;
    actionLineId: string;
    statusAtFrom: ActionStatus | null;
    statusAtTo: ActionStatus;
    noteAtTo: string | null;
    events: readonly RecordedEvent[];
  }>,
  targets: ReadonlyArray<{ actionIds: readonly string[]; events: readonly RecordedEvent[] }>,
  period: LogPeriod,
): ActionChanges[] {
  return actions.map((action) => {
    const own = action.events.filter((e) => inPeriod(e, period));
    const ofTargets = targets.filter((t) => t.actionIds.includes(action.id)).flatMap((t) => t.events.filter((e) => inPeriod(e, period)));
    const changes = [...own, ...ofTargets]
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
      .map(changeOf)
      .filter((c): c is ActionChange => c !== null);
    return {
      actionId: action.id,
      title: action.title,
      actionLineId: action.actionLineId,
      statusAtFrom: action.statusAtFrom,
      statusAtTo: action.statusAtTo,
      noteAtTo: action.noteAtTo,
      changes,
    };
  });
}
