import { Decider } from '../shared/decider';
import { toPeriod } from '../shared/deadline';
import { event } from '../shared/domain-event';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { assertSlugId } from '../shared/ids';
import { optionalText, requireText, TEXT_LIMITS } from '../shared/text';
import { PlanState } from '../plan/plan';
import { ACTION_STATUSES, ActionStatus } from './action-status';
import { ActionCommand, RegisterAction } from './action.commands';
import { ActionEvent } from './action.events';
import { ActionState, evolveAction, initialActionState } from './action.state';
import { INVOLVEMENT_ROLES, Involvement } from './involvement';
import { pendingUpdate, ProgressUpdateContext, returnProgressUpdate, submitProgressUpdate } from './progress-update';

/** Facts from other aggregates that action decisions depend on, read by the application layer. */
export interface ActionContext extends ProgressUpdateContext {
  knownPartners: ReadonlySet<string>;
  /** The plan named by RegisterAction / AddActionToPlan, or null when it does not exist. */
  plan?: PlanState | null;
}

const MAX_OWNERS = 30;

export const actionDecider: Decider<ActionCommand, ActionEvent, ActionState, ActionContext> = {
  initialState: initialActionState,
  evolve: evolveAction,
  decide: (command, state, context) => {
    if (command.type === 'RegisterAction') return registerAction(command, state, context);
    if (!state.registered) throw new NotFound('Actie', command.actionId);
    switch (command.type) {
      case 'AddActionToPlan': {
        requireActionLine(context, command.planId, command.actionLineId);
        if (state.planIds.includes(command.planId)) {
          throw new InvalidInput('planId', `actie hoort al bij plan '${command.planId}' (already in this plan)`);
        }
        const note = optionalText('note', command.note, TEXT_LIMITS.note);
        return [
          event('ActionAddedToPlan', { actionId: command.actionId, planId: command.planId, actionLineId: command.actionLineId, note }),
        ];
      }
      case 'AssignOwner': {
        requireKnownPartner(context, 'partnerId', command.partnerId);
        if (state.owners.includes(command.partnerId)) {
          throw new InvalidInput('partnerId', `${command.partnerId} is al eigenaar van deze actie (already an owner)`);
        }
        if (state.owners.length >= MAX_OWNERS) throw new InvalidInput('partnerId', `hoogstens ${MAX_OWNERS} eigenaren (too many owners)`);
        const reason = optionalText('reason', command.reason, TEXT_LIMITS.reason);
        return [event('OwnerAssigned', { actionId: command.actionId, partnerId: command.partnerId, reason })];
      }
      case 'RemoveOwner': {
        if (!state.owners.includes(command.partnerId)) {
          throw new InvalidInput('partnerId', `${command.partnerId} is geen eigenaar van deze actie (not an owner)`);
        }
        if (state.owners.length === 1) {
          throw new InvalidInput(
            'partnerId',
            'een actie houdt minstens één eigenaar; wijs eerst een andere eigenaar toe (an action keeps at least one owner)',
          );
        }
        const reason = requireText('reason', command.reason, TEXT_LIMITS.reason);
        return [event('OwnerRemoved', { actionId: command.actionId, partnerId: command.partnerId, reason })];
      }
      case 'RescheduleAction': {
        const reason = requireText('reason', command.reason, TEXT_LIMITS.reason);
        const deadline = command.deadline === null ? null : toPeriod('deadline', command.deadline);
        if (JSON.stringify(deadline) === JSON.stringify(state.deadline)) {
          throw new InvalidInput('deadline', 'de nieuwe deadline is gelijk aan de huidige (unchanged deadline)');
        }
        return [event('ActionRescheduled', { actionId: command.actionId, deadline, previousDeadline: state.deadline, reason })];
      }
      case 'ChangeActionStatus': {
        const { status, note } = checkStatusReport(command.status, command.note);
        if (status === state.status && note === state.statusNote) return [];
        return [event('ActionStatusChanged', { actionId: command.actionId, status, previousStatus: state.status, note })];
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
          throw new InvalidInput('correctsVersion', 'er is nog geen statusmelding om te corrigeren (no status report yet)');
        }
        if (command.correctsVersion !== state.lastStatusReportVersion) {
          throw new InvalidInput(
            'correctsVersion',
            `alleen de laatste statusmelding (versie ${state.lastStatusReportVersion}) kan worden gecorrigeerd (only the latest report)`,
          );
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
  if (state.registered) throw new Conflict(`Actie ${command.actionId} bestaat al (already registered)`, state.version);
  assertSlugId('actionId', command.actionId);
  requireActionLine(context, command.planId, command.actionLineId);
  const owners = uniqueOwners(command.owners, context);
  const involved = (command.involved ?? []).map((inv, i) => checkInvolvement(inv, i, context, owners));
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
    }),
  ];
}

/** The rules every status report follows, whether a change or a correction. */
function checkStatusReport(status: ActionStatus, rawNote: string | null): { status: ActionStatus; note: string | null } {
  if (!ACTION_STATUSES.includes(status)) throw new InvalidInput('status', `onbekende status '${status}'`);
  if (status === 'NOT_REPORTED') {
    throw new InvalidInput(
      'status',
      'NOT_REPORTED betekent dat nog niemand rapporteerde; die status kan niet worden gezet (cannot be set)',
    );
  }
  const note = optionalText('note', rawNote, TEXT_LIMITS.note);
  if (status === 'STOPPED' && note === null) {
    throw new InvalidInput(
      'note',
      'een toelichting is verplicht bij STOPPED: waarom is de actie gestopt? (a note is required when stopping)',
    );
  }
  return { status, note };
}

function uniqueOwners(owners: string[], context: ActionContext): string[] {
  if (owners.length === 0) throw new InvalidInput('owners', 'minstens één eigenaar is verplicht (at least one owner)');
  if (owners.length > MAX_OWNERS) throw new InvalidInput('owners', `hoogstens ${MAX_OWNERS} eigenaren (too many owners)`);
  owners.forEach((o, i) => requireKnownPartner(context, `owners[${i}]`, o));
  const unique = [...new Set(owners)];
  if (unique.length !== owners.length) throw new InvalidInput('owners', 'een eigenaar staat er dubbel in (duplicate owner)');
  return unique;
}

function checkInvolvement(inv: Involvement, index: number, context: ActionContext, owners: string[]): Involvement {
  const field = `involved[${index}]`;
  requireKnownPartner(context, `${field}.partnerId`, inv.partnerId);
  if (!INVOLVEMENT_ROLES.includes(inv.role)) throw new InvalidInput(`${field}.role`, `onbekende rol '${inv.role}'`);
  if (owners.includes(inv.partnerId)) {
    throw new InvalidInput(
      `${field}.partnerId`,
      `${inv.partnerId} is al eigenaar; een partij is eigenaar óf betrokken (owner or involved, not both)`,
    );
  }
  return { partnerId: inv.partnerId, role: inv.role };
}

function requireKnownPartner(context: ActionContext, field: string, partnerId: string): void {
  if (!context.knownPartners.has(partnerId)) {
    throw new InvalidInput(field, `onbekende partner '${partnerId}'; registreer de partner eerst (unknown partner)`);
  }
}

function requireActionLine(context: ActionContext, planId: string, actionLineId: string): void {
  if (!context.plan?.registered) throw new NotFound('Plan', planId);
  if (!context.plan.actionLines.has(actionLineId)) {
    throw new InvalidInput('actionLineId', `actielijn '${actionLineId}' hoort niet bij plan '${planId}' (unknown action line)`);
  }
}
