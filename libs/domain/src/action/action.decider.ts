import { Decider } from '../shared/decider';
import { toPeriod } from '../shared/deadline';
import { event } from '../shared/domain-event';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { assertSlugId } from '../shared/ids';
import { optionalText, requireText, TEXT_LIMITS } from '../shared/text';
import { PARTNER_MESSAGES } from '../partner/partner.messages';
import { PlanState } from '../plan/plan';
import { PLAN_MESSAGES } from '../plan/plan.messages';
import { ACTION_STATUSES, ActionStatus } from './action-status';
import { ActionCommand, RegisterAction } from './action.commands';
import { ACTION_LEVELS, ActionEvent } from './action.events';
import { ACTION_MESSAGES } from './action.messages';
import { INVOLVEMENT_ROLES, Involvement } from './involvement';
import { Period } from '../shared/period';
import {
  evolveUpdates,
  pendingUpdate,
  ProgressUpdateContext,
  ProgressUpdateRecord,
  returnProgressUpdate,
  submitProgressUpdate,
} from './progress-update';

// State: what decisions read, folded from the events.

export interface ActionState {
  registered: boolean;
  /** Number of events in the stream: what clients send back as expectedVersion. */
  version: number;
  planIds: string[];
  /** The jeugdzorgregio of a regional action; null for a national one. */
  regionId: string | null;
  owners: string[];
  deadline: Period | null;
  status: ActionStatus;
  statusNote: string | null;
  /** Version of the latest status report (change or correction); 0 when none. */
  lastStatusReportVersion: number;
  /** Owners' progress updates by id, with their review state. */
  updates: Record<string, ProgressUpdateRecord>;
}

export const initialActionState = (): ActionState => ({
  registered: false,
  version: 0,
  planIds: [],
  regionId: null,
  owners: [],
  deadline: null,
  status: 'NOT_REPORTED',
  statusNote: null,
  lastStatusReportVersion: 0,
  updates: {},
});

export function evolveAction(state: ActionState, e: ActionEvent): ActionState {
  const next = { ...state, version: state.version + 1 };
  switch (e.type) {
    case 'ActionRegistered':
      return {
        ...next,
        registered: true,
        planIds: [e.data.planId],
        regionId: e.data.regionId ?? null,
        owners: e.data.owners,
        deadline: e.data.deadline,
      };
    case 'ActionAddedToPlan':
      return { ...next, planIds: [...state.planIds, e.data.planId] };
    case 'OwnerAssigned':
      return { ...next, owners: [...state.owners, e.data.partnerId] };
    case 'OwnerRemoved':
      return { ...next, owners: state.owners.filter((o) => o !== e.data.partnerId) };
    case 'ActionRescheduled':
      return { ...next, deadline: e.data.deadline };
    case 'ActionStatusChanged':
    case 'ActionStatusCorrected':
      return { ...next, status: e.data.status, statusNote: e.data.note, lastStatusReportVersion: next.version };
    case 'ProgressUpdateSubmitted':
    case 'ProgressUpdateApproved':
    case 'ProgressUpdateReturned':
      return { ...next, updates: evolveUpdates(state.updates, e) };
    default:
      return next;
  }
}

/** Facts from other aggregates that action decisions depend on, read by the application layer. */
export interface ActionContext extends ProgressUpdateContext {
  knownPartners: ReadonlySet<string>;
  /** The plan named by RegisterAction / AddActionToPlan, or null when it does not exist. */
  plan?: PlanState | null;
  /** The action a regional one says it carries out (RegisterAction's `carriesOut`), or null when it does not exist. */
  nationalAction?: { regionId: string | null } | null;
}

const MAX_OWNERS = 30;

export const actionDecider: Decider<ActionCommand, ActionEvent, ActionState, ActionContext> = {
  initialState: initialActionState,
  evolve: evolveAction,
  decide: (command, state, context) => {
    if (command.type === 'RegisterAction') return registerAction(command, state, context);
    if (!state.registered) throw new NotFound(ACTION_MESSAGES.notFound(command.actionId));
    switch (command.type) {
      case 'AddActionToPlan': {
        requireActionLine(context, command.planId, command.actionLineId);
        if (state.planIds.includes(command.planId)) {
          throw new InvalidInput('planId', ACTION_MESSAGES.alreadyInPlan(command.planId));
        }
        const note = optionalText('note', command.note, TEXT_LIMITS.note);
        return [
          event('ActionAddedToPlan', { actionId: command.actionId, planId: command.planId, actionLineId: command.actionLineId, note }),
        ];
      }
      case 'AssignOwner': {
        requireKnownPartner(context, 'partnerId', command.partnerId);
        if (state.owners.includes(command.partnerId)) {
          throw new InvalidInput('partnerId', ACTION_MESSAGES.alreadyOwner(command.partnerId));
        }
        if (state.owners.length >= MAX_OWNERS) throw new InvalidInput('partnerId', ACTION_MESSAGES.tooManyOwners(MAX_OWNERS));
        const reason = optionalText('reason', command.reason, TEXT_LIMITS.reason);
        return [event('OwnerAssigned', { actionId: command.actionId, partnerId: command.partnerId, reason })];
      }
      case 'RemoveOwner': {
        if (!state.owners.includes(command.partnerId)) {
          throw new InvalidInput('partnerId', ACTION_MESSAGES.notAnOwner(command.partnerId));
        }
        if (state.owners.length === 1) throw new InvalidInput('partnerId', ACTION_MESSAGES.keepsOneOwner);
        const reason = requireText('reason', command.reason, TEXT_LIMITS.reason);
        return [event('OwnerRemoved', { actionId: command.actionId, partnerId: command.partnerId, reason })];
      }
      case 'RescheduleAction': {
        const reason = requireText('reason', command.reason, TEXT_LIMITS.reason);
        const deadline = command.deadline === null ? null : toPeriod('deadline', command.deadline);
        if (JSON.stringify(deadline) === JSON.stringify(state.deadline)) {
          throw new InvalidInput('deadline', ACTION_MESSAGES.deadlineUnchanged);
        }
        return [event('ActionRescheduled', { actionId: command.actionId, deadline, previousDeadline: state.deadline, reason })];
      }
      case 'ChangeActionStatus': {
        const { status, note } = checkStatusReport(command.status, command.note);
        if (status === state.status && note === state.statusNote) return [];
        return [event('ActionStatusChanged', { actionId: command.actionId, status, previousStatus: state.status, note })];
      }
      case 'SetActionLevel': {
        if (!ACTION_LEVELS.includes(command.level)) throw new InvalidInput('level', ACTION_MESSAGES.unknownLevel(command.level));
        const source = optionalText('source', command.source, TEXT_LIMITS.source);
        return [event('ActionLevelSet', { actionId: command.actionId, level: command.level, source })];
      }
      case 'SubmitProgressUpdate':
        return [submitProgressUpdate(command, state, context, checkStatusReport)];
      case 'ApproveProgressUpdate': {
        const update = pendingUpdate(state, command.updateId);
        const approved = event('ProgressUpdateApproved', { actionId: command.actionId, updateId: command.updateId });
        if (update.status === state.status && update.note === state.statusNote) return [approved];
        const { status, note } = update;
        return [
          approved,
          event('ActionStatusChanged', {
            actionId: command.actionId,
            status,
            previousStatus: state.status,
            note,
            updateId: command.updateId,
          }),
        ];
      }
      case 'ReturnProgressUpdate':
        return [returnProgressUpdate(command, state)];
      case 'CorrectActionStatus': {
        if (state.lastStatusReportVersion === 0) {
          throw new InvalidInput('correctsVersion', ACTION_MESSAGES.noStatusReportYet);
        }
        if (command.correctsVersion !== state.lastStatusReportVersion) {
          throw new InvalidInput('correctsVersion', ACTION_MESSAGES.onlyLatestReport(state.lastStatusReportVersion));
        }
        const { status, note } = checkStatusReport(command.status, command.note);
        const reason = requireText('reason', command.reason, TEXT_LIMITS.reason);
        return [
          event('ActionStatusCorrected', {
            actionId: command.actionId,
            correctsVersion: command.correctsVersion,
            status,
            previousStatus: state.status,
            note,
            reason,
          }),
        ];
      }
    }
  },
};

function registerAction(command: RegisterAction, state: ActionState, context: ActionContext): ActionEvent[] {
  if (state.registered) throw new Conflict(ACTION_MESSAGES.alreadyRegistered(command.actionId), state.version);
  assertSlugId('actionId', command.actionId);
  requireActionLine(context, command.planId, command.actionLineId);
  const owners = uniqueOwners(command.owners, context);
  const involved = (command.involved ?? []).map((inv, i) => checkInvolvement(inv, i, context, owners));
  const regionId = context.plan?.regionId ?? null;
  const carriesOut = command.carriesOut ? checkCarriesOut(command.carriesOut, regionId, context) : null;
  return [
    event('ActionRegistered', {
      actionId: command.actionId,
      planId: command.planId,
      actionLineId: command.actionLineId,
      title: requireText('title', command.title, TEXT_LIMITS.title),
      result: optionalText('result', command.result, TEXT_LIMITS.result),
      owners,
      ownerScope: optionalText('ownerScope', command.ownerScope, TEXT_LIMITS.reason),
      involved,
      deadline: command.deadline === null ? null : toPeriod('deadline', command.deadline),
      provenance: command.provenance ?? { origin: null, sourceText: null, note: null },
      ...(regionId ? { regionId } : {}),
      ...(carriesOut ? { carriesOut } : {}),
    }),
  ];
}

/** A regional instance points to a national action, from a regional plan: never to another region's action. */
function checkCarriesOut(nationalActionId: string, regionId: string | null, context: ActionContext): string {
  if (regionId === null) throw new InvalidInput('carriesOut', ACTION_MESSAGES.carriesOutNeedsRegionalPlan);
  if (!context.nationalAction) throw new InvalidInput('carriesOut', ACTION_MESSAGES.notFound(nationalActionId));
  if (context.nationalAction.regionId !== null) throw new InvalidInput('carriesOut', ACTION_MESSAGES.carriesOutRegional(nationalActionId));
  return nationalActionId;
}

/** The rules every status report follows, whether a change or a correction. */
function checkStatusReport(status: ActionStatus, rawNote: string | null): { status: ActionStatus; note: string | null } {
  if (!ACTION_STATUSES.includes(status)) throw new InvalidInput('status', ACTION_MESSAGES.unknownStatus(status));
  if (status === 'NOT_REPORTED') throw new InvalidInput('status', ACTION_MESSAGES.notReportedCannotBeSet);
  const note = optionalText('note', rawNote, TEXT_LIMITS.note);
  if (status === 'STOPPED' && note === null) throw new InvalidInput('note', ACTION_MESSAGES.noteRequiredWhenStopped);
  return { status, note };
}

function uniqueOwners(owners: string[], context: ActionContext): string[] {
  if (owners.length === 0) throw new InvalidInput('owners', ACTION_MESSAGES.ownersRequired);
  if (owners.length > MAX_OWNERS) throw new InvalidInput('owners', ACTION_MESSAGES.tooManyOwners(MAX_OWNERS));
  owners.forEach((o, i) => requireKnownPartner(context, `owners[${i}]`, o));
  const unique = [...new Set(owners)];
  if (unique.length !== owners.length) throw new InvalidInput('owners', ACTION_MESSAGES.duplicateOwner);
  return unique;
}

function checkInvolvement(inv: Involvement, index: number, context: ActionContext, owners: string[]): Involvement {
  const field = `involved[${index}]`;
  requireKnownPartner(context, `${field}.partnerId`, inv.partnerId);
  if (!INVOLVEMENT_ROLES.includes(inv.role)) throw new InvalidInput(`${field}.role`, ACTION_MESSAGES.unknownRole(inv.role));
  if (owners.includes(inv.partnerId)) throw new InvalidInput(`${field}.partnerId`, ACTION_MESSAGES.ownerOrInvolved(inv.partnerId));
  return { partnerId: inv.partnerId, role: inv.role };
}

function requireKnownPartner(context: ActionContext, field: string, partnerId: string): void {
  if (!context.knownPartners.has(partnerId)) throw new InvalidInput(field, PARTNER_MESSAGES.unknown(partnerId));
}

function requireActionLine(context: ActionContext, planId: string, actionLineId: string): void {
  if (!context.plan?.registered) throw new NotFound(PLAN_MESSAGES.notFound(planId));
  if (!context.plan.actionLines.has(actionLineId)) {
    throw new InvalidInput('actionLineId', PLAN_MESSAGES.actionLineNotInPlan(actionLineId, planId));
  }
}
