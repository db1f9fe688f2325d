import { Decider } from '../shared/decider';
import { event, DomainEvent } from '../shared/domain-event';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { assertSlugId } from '../shared/ids';
import { isCalendarDate } from '../shared/period';
import { optionalText, requireText, TEXT_LIMITS } from '../shared/text';
import { SHARED_MESSAGES } from '../shared/shared.messages';
import { PARTNER_MESSAGES } from '../partner/partner.messages';
import { MEETING_MESSAGES as M } from './meeting.messages';

/**
 * A meeting (seed 003, "Overleg"): a coordinator records when it was held, who took part and what it was
 * about. Each agreement made there ("vervolgafspraken en ieders verantwoordelijkheid") is a real action
 * in the meeting's plan, registered by the application first; the meeting only records which actions
 * were agreed there, so what became of each agreement is read from the actions themselves.
 */
export interface RecordMeeting {
  type: 'RecordMeeting';
  meetingId: string;
  planId: string;
  /** The jeugdzorgregio whose meeting it was; null for a national meeting. */
  regionId: string | null;
  heldOn: string;
  /** Registered partners that took part. */
  participants: string[];
  /** People or parties not in the partner registry, by name as written. */
  otherParticipants: string[];
  subject: string;
  notes: string | null;
}

export interface RecordAgreement {
  type: 'RecordAgreement';
  meetingId: string;
  /** The action the agreement became (registered before this command). */
  actionId: string;
}

export type MeetingCommand = RecordMeeting | RecordAgreement;

export type MeetingRecorded = DomainEvent<
  'MeetingRecorded',
  {
    meetingId: string;
    planId: string;
    regionId: string | null;
    heldOn: string;
    participants: string[];
    otherParticipants: string[];
    subject: string;
    notes: string | null;
  }
>;
export type AgreementRecorded = DomainEvent<'AgreementRecorded', { meetingId: string; actionId: string }>;

export type MeetingEvent = MeetingRecorded | AgreementRecorded;

export interface MeetingState {
  version: number;
  recorded: boolean;
  planId: string | null;
  actionIds: string[];
}

export interface MeetingContext {
  /** RecordMeeting: whether the plan exists. */
  planExists?: boolean;
  /** RecordMeeting: every registered partner, and those of kind region. */
  knownPartners?: ReadonlySet<string>;
  regions?: ReadonlySet<string>;
  /** RecordAgreement: the plans the action belongs to; null when there is no such action. */
  actionPlanIds?: readonly string[] | null;
}

const MAX_PARTICIPANTS = 60;
const NAME_LIMIT = 200;

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState, MeetingContext> = {
  initialState: () => ({ version: 0, recorded: false, planId: null, actionIds: [] }),
  evolve: (state, e) => {
    if (e.type === 'MeetingRecorded') return { ...state, version: state.version + 1, recorded: true, planId: e.data.planId };
    return { ...state, version: state.version + 1, actionIds: [...state.actionIds, e.data.actionId] };
  },
  decide: (command, state, context) =>
    command.type === 'RecordMeeting' ? recordMeeting(command, state, context) : recordAgreement(command, state, context),
};

function recordMeeting(command: RecordMeeting, state: MeetingState, context: MeetingContext): MeetingEvent[] {
  if (state.recorded) throw new Conflict(M.alreadyRecorded(command.meetingId), state.version);
  assertSlugId('meetingId', command.meetingId);
  if (!context.planExists) throw new NotFound(M.planNotFound(command.planId));
  const known = context.knownPartners ?? new Set<string>();
  if (command.regionId !== null && !context.regions?.has(command.regionId)) {
    throw new InvalidInput('regionId', M.notARegion(command.regionId));
  }
  if (!isCalendarDate(command.heldOn)) throw new InvalidInput('heldOn', SHARED_MESSAGES.notCalendarDate(command.heldOn));
  const subject = requireText('subject', command.subject, TEXT_LIMITS.title);
  if (command.participants.length + command.otherParticipants.length > MAX_PARTICIPANTS) {
    throw new InvalidInput('participants', M.tooManyParticipants(MAX_PARTICIPANTS));
  }
  command.participants.forEach((id, i) => {
    if (!known.has(id)) throw new InvalidInput(`participants[${i}]`, PARTNER_MESSAGES.unknown(id));
    if (command.participants.indexOf(id) !== i) throw new InvalidInput(`participants[${i}]`, M.duplicateParticipant(id));
  });
  const otherParticipants = command.otherParticipants.map((name, i) => requireText(`otherParticipants[${i}]`, name, NAME_LIMIT));
  if (command.participants.length === 0 && otherParticipants.length === 0) throw new InvalidInput('participants', M.noParticipants);
  return [
    event('MeetingRecorded', {
      meetingId: command.meetingId,
      planId: command.planId,
      regionId: command.regionId,
      heldOn: command.heldOn,
      participants: [...command.participants],
      otherParticipants,
      subject,
      notes: optionalText('notes', command.notes, TEXT_LIMITS.note),
    }),
  ];
}

function recordAgreement(command: RecordAgreement, state: MeetingState, context: MeetingContext): MeetingEvent[] {
  if (!state.recorded) throw new NotFound(M.notFound(command.meetingId));
  const planIds = context.actionPlanIds ?? null;
  if (planIds === null) throw new InvalidInput('actionId', M.actionNotFound(command.actionId));
  if (!planIds.includes(state.planId!)) throw new InvalidInput('actionId', M.actionNotInPlan(command.actionId, state.planId!));
  if (state.actionIds.includes(command.actionId)) throw new InvalidInput('actionId', M.alreadyAgreed(command.actionId));
  return [event('AgreementRecorded', { meetingId: command.meetingId, actionId: command.actionId })];
}
