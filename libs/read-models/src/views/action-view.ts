import {
  ActionEvent,
  ActionLevel,
  ActionProvenance,
  ActionStatus,
  Involvement,
  Period,
  ProgressUpdateState,
  ProposedMeasurement,
} from '@actiemonitor/domain';

/** An owner's progress update on the action, with its review. */
export interface ProgressUpdateView {
  id: string;
  partnerId: string;
  roundId: string | null;
  status: ActionStatus;
  note: string | null;
  measurement: ProposedMeasurement | null;
  evidenceUrl: string | null;
  state: ProgressUpdateState;
  submittedAt: string;
  reviewedAt: string | null;
  /** Why a coordinator returned it. */
  returnComment: string | null;
}

export interface PlanMembership {
  planId: string;
  actionLineId: string;
}

/** The current state of one action as partners read it. Pure data, built only from the action's events. */
export interface ActionView {
  id: string;
  /** The plan that registered the action; memberships also lists plans that adopted it later. */
  planId: string;
  actionLineId: string;
  memberships: PlanMembership[];
  title: string;
  result: string | null;
  owners: string[];
  ownerScope: string | null;
  involved: Involvement[];
  deadline: Period | null;
  status: ActionStatus;
  statusNote: string | null;
  /** When the current status was reported (changed, corrected or approved from an update): staleness counts from here. */
  statusChangedAt: string | null;
  /** Set when the current status is a correction of an earlier report; cleared by the next change. */
  statusCorrection: { correctsVersion: number; reason: string } | null;
  /** Owners' progress updates, in submission order. */
  updates: ProgressUpdateView[];
  version: number;
  provenance: ActionProvenance;
  registeredAt: string;
  updatedAt: string;
  // Set only where they apply, so national actions' documents keep their shape:
  /** The jeugdzorgregio of an action in a regional plan. */
  regionId?: string;
  /** The national action a regional one carries out. */
  carriesOut?: string;
  /** Landelijk, regionaal or aanbieder, where the plan says it. */
  level?: ActionLevel;
}

/** Folds one action event into the view; `recordedAt` is the event's time in the log. */
export function evolveActionView(view: ActionView | null, e: ActionEvent, recordedAt: string): ActionView | null {
  if (e.type === 'ActionRegistered') {
    const d = e.data;
    return {
      id: d.actionId,
      planId: d.planId,
      actionLineId: d.actionLineId,
      memberships: [{ planId: d.planId, actionLineId: d.actionLineId }],
      title: d.title,
      result: d.result,
      owners: d.owners,
      ownerScope: d.ownerScope,
      involved: d.involved,
      deadline: d.deadline,
      status: 'NOT_REPORTED',
      statusNote: null,
      statusChangedAt: null,
      statusCorrection: null,
      updates: [],
      version: 1,
      provenance: d.provenance,
      registeredAt: recordedAt,
      updatedAt: recordedAt,
      ...(d.regionId ? { regionId: d.regionId } : {}),
      ...(d.carriesOut ? { carriesOut: d.carriesOut } : {}),
    };
  }
  if (view === null) return null;
  // One copy of the view per event (a replay evolves a million of them), with the event's changes.
  const next = (changes: Partial<ActionView>): ActionView => ({ ...view, version: view.version + 1, updatedAt: recordedAt, ...changes });
  switch (e.type) {
    case 'ActionAddedToPlan':
      return next({ memberships: [...view.memberships, { planId: e.data.planId, actionLineId: e.data.actionLineId }] });
    case 'OwnerAssigned':
      return next({ owners: [...view.owners, e.data.partnerId] });
    case 'OwnerRemoved':
      return next({ owners: view.owners.filter((o) => o !== e.data.partnerId) });
    case 'ActionRescheduled':
      return next({ deadline: e.data.deadline });
    case 'ActionLevelSet':
      return next({ level: e.data.level });
    case 'ActionStatusChanged':
      return next({ status: e.data.status, statusNote: e.data.note, statusChangedAt: recordedAt, statusCorrection: null });
    case 'ActionStatusCorrected':
      return next({
        status: e.data.status,
        statusNote: e.data.note,
        statusChangedAt: recordedAt,
        statusCorrection: { correctsVersion: e.data.correctsVersion, reason: e.data.reason },
      });
    case 'ProgressUpdateSubmitted': {
      const { updateId, partnerId, roundId, status, note, measurement, evidenceUrl } = e.data;
      const update: ProgressUpdateView = {
        id: updateId,
        partnerId,
        roundId,
        status,
        note,
        measurement,
        evidenceUrl,
        state: 'PENDING',
        submittedAt: recordedAt,
        reviewedAt: null,
        returnComment: null,
      };
      return next({ updates: [...view.updates, update] });
    }
    case 'ProgressUpdateApproved':
      return next({ updates: reviewed(view.updates, e.data.updateId, { state: 'APPROVED', reviewedAt: recordedAt }) });
    case 'ProgressUpdateReturned':
      return next({
        updates: reviewed(view.updates, e.data.updateId, { state: 'RETURNED', reviewedAt: recordedAt, returnComment: e.data.comment }),
      });
    default:
      return next({});
  }
}

function reviewed(updates: ProgressUpdateView[], id: string, change: Partial<ProgressUpdateView>): ProgressUpdateView[] {
  return updates.map((u) => (u.id === id ? { ...u, ...change } : u));
}
