import { event, DomainEvent } from '../shared/domain-event';
import { Forbidden, InvalidInput, NotFound } from '../shared/errors';
import { isCalendarDate } from '../shared/period';
import { optionalText, requireText, TEXT_LIMITS } from '../shared/text';
import { ActionStatus } from './action-status';
import { PROGRESS_UPDATE_MESSAGES as M } from './progress-update.messages';
import { SHARED_MESSAGES } from '../shared/shared.messages';

/**
 * Owners report, coordinators approve. An owning partner proposes a status (and optionally a
 * measurement and a link to evidence); nothing about the action changes until a coordinator approves
 * it, which records the status as an ActionStatusChanged that names the update. A returned update
 * keeps the coordinator's comment; the owner may submit a new one.
 */
export type ProgressUpdateState = 'PENDING' | 'APPROVED' | 'RETURNED';

export interface ProposedMeasurement {
  targetId: string;
  value: number;
  /** The date the value was measured (JJJJ-MM-DD). */
  measuredAt: string;
}

export interface SubmitProgressUpdate {
  type: 'SubmitProgressUpdate';
  actionId: string;
  /** The partner the caller speaks for (from the credential, never from the input). */
  partnerId: string | null;
  roundId: string | null;
  status: ActionStatus;
  note: string | null;
  measurement: ProposedMeasurement | null;
  evidenceUrl: string | null;
}

export interface ApproveProgressUpdate {
  type: 'ApproveProgressUpdate';
  actionId: string;
  updateId: string;
}

export interface ReturnProgressUpdate {
  type: 'ReturnProgressUpdate';
  actionId: string;
  updateId: string;
  comment: string;
}

export type ProgressUpdateCommand = SubmitProgressUpdate | ApproveProgressUpdate | ReturnProgressUpdate;

export type ProgressUpdateSubmitted = DomainEvent<
  'ProgressUpdateSubmitted',
  {
    actionId: string;
    updateId: string;
    partnerId: string;
    roundId: string | null;
    status: ActionStatus;
    note: string | null;
    measurement: ProposedMeasurement | null;
    evidenceUrl: string | null;
  }
>;
export type ProgressUpdateApproved = DomainEvent<'ProgressUpdateApproved', { actionId: string; updateId: string }>;
export type ProgressUpdateReturned = DomainEvent<'ProgressUpdateReturned', { actionId: string; updateId: string; comment: string }>;

export type ProgressUpdateEvent = ProgressUpdateSubmitted | ProgressUpdateApproved | ProgressUpdateReturned;

/** What the action's state keeps of each update: enough to decide on approval and return. */
export interface ProgressUpdateRecord {
  partnerId: string;
  state: ProgressUpdateState;
  status: ActionStatus;
  note: string | null;
  measurement: ProposedMeasurement | null;
}

/** Facts from other aggregates an update depends on, read by the application layer. */
export interface ProgressUpdateContext {
  /** Targets this action serves: a proposed measurement must be for one of them. */
  targetsOfAction?: ReadonlySet<string>;
  /** The round named by the update, or null when it does not exist. */
  round?: { planId: string; actionIds: readonly string[] } | null;
}

/** The facts of the action's state a progress-update decision reads. */
export interface ProgressUpdateSubject {
  owners: readonly string[];
  updates: Readonly<Record<string, ProgressUpdateRecord>>;
}

const MAX_URL_LENGTH = 2000;

/** Update ids are `<actionId>-u<n>` in submission order: stable across replays, and what review names. */
export function nextUpdateId(actionId: string, updates: Readonly<Record<string, unknown>>): string {
  return `${actionId}-u${Object.keys(updates).length + 1}`;
}

export function submitProgressUpdate(
  command: SubmitProgressUpdate,
  subject: ProgressUpdateSubject,
  context: ProgressUpdateContext,
  checkStatus: (status: ActionStatus, note: string | null) => { status: ActionStatus; note: string | null },
): ProgressUpdateSubmitted {
  if (command.partnerId === null || !subject.owners.includes(command.partnerId)) {
    throw new Forbidden(M.notAnOwner(subject.owners.join(', ')));
  }
  const { status, note } = checkStatus(command.status, command.note);
  if (command.roundId !== null) {
    if (!context.round) throw new NotFound(M.roundNotFound(command.roundId));
    if (!context.round.actionIds.includes(command.actionId)) {
      throw new InvalidInput('roundId', M.notInRound(command.roundId));
    }
  }
  return event('ProgressUpdateSubmitted', {
    actionId: command.actionId,
    updateId: nextUpdateId(command.actionId, subject.updates),
    partnerId: command.partnerId,
    roundId: command.roundId,
    status,
    note,
    measurement: command.measurement === null ? null : checkMeasurement(command.measurement, context),
    evidenceUrl: checkEvidenceUrl(command.evidenceUrl),
  });
}

/** The update a review names, when it still waits for one. */
export function pendingUpdate(subject: ProgressUpdateSubject, updateId: string): ProgressUpdateRecord {
  const update = subject.updates[updateId];
  if (!update) throw new NotFound(M.updateNotFound(updateId));
  if (update.state !== 'PENDING') {
    throw new InvalidInput('updateId', M.alreadyReviewed(updateId, update.state === 'APPROVED'));
  }
  return update;
}

export function returnProgressUpdate(command: ReturnProgressUpdate, subject: ProgressUpdateSubject): ProgressUpdateReturned {
  pendingUpdate(subject, command.updateId);
  const comment = requireText('comment', command.comment, TEXT_LIMITS.note);
  return event('ProgressUpdateReturned', { actionId: command.actionId, updateId: command.updateId, comment });
}

/** Folds an update event into the action's record of updates. */
export function evolveUpdates(
  updates: Readonly<Record<string, ProgressUpdateRecord>>,
  e: ProgressUpdateEvent,
): Record<string, ProgressUpdateRecord> {
  switch (e.type) {
    case 'ProgressUpdateSubmitted': {
      const { updateId, partnerId, status, note, measurement } = e.data;
      return { ...updates, [updateId]: { partnerId, state: 'PENDING', status, note, measurement } };
    }
    case 'ProgressUpdateApproved':
      return { ...updates, [e.data.updateId]: { ...updates[e.data.updateId], state: 'APPROVED' } };
    case 'ProgressUpdateReturned':
      return { ...updates, [e.data.updateId]: { ...updates[e.data.updateId], state: 'RETURNED' } };
  }
}

function checkMeasurement(measurement: ProposedMeasurement, context: ProgressUpdateContext): ProposedMeasurement {
  if (!context.targetsOfAction?.has(measurement.targetId)) {
    throw new InvalidInput('measurement.targetId', M.targetNotOfAction(measurement.targetId));
  }
  if (typeof measurement.value !== 'number' || !Number.isFinite(measurement.value)) {
    throw new InvalidInput('measurement.value', SHARED_MESSAGES.notFinite);
  }
  if (!isCalendarDate(measurement.measuredAt)) {
    throw new InvalidInput('measurement.measuredAt', SHARED_MESSAGES.notCalendarDate(measurement.measuredAt));
  }
  return { targetId: measurement.targetId, value: measurement.value, measuredAt: measurement.measuredAt };
}

function checkEvidenceUrl(raw: string | null): string | null {
  const text = optionalText('evidenceUrl', raw, MAX_URL_LENGTH);
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInput('evidenceUrl', M.invalidUrl);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidInput('evidenceUrl', M.urlScheme);
  }
  return url.toString();
}
