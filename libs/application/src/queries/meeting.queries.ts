import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInput, NotFound } from '@actiemonitor/domain';
import { AgreementView, dutchCalendarDate, isOverdue, meetingAsOf, MeetingView } from '@actiemonitor/read-models';
import { CLOCK, Clock, READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { APPLICATION_MESSAGES } from '../application.messages';
import { ActionReadout, assertPlanExists } from './action.queries';

/** A meeting with, per agreement, the action it became as it stands (or stood at `asOf`). */
export class GetMeeting {
  constructor(
    readonly meetingId: string,
    readonly asOf: Date | null = null,
  ) {}
}
/** A plan's meetings, the most recently held first; at `asOf`, those recorded by then. */
export class GetMeetings {
  constructor(
    readonly planId: string,
    readonly asOf: Date | null = null,
  ) {}
}
/** The meeting where an action was agreed, if any (at `asOf`: if it had been agreed by then). */
export class GetMeetingOfAction {
  constructor(
    readonly actionId: string,
    readonly asOf: Date | null = null,
  ) {}
}

export interface AgreementReadout extends AgreementView {
  /** What became of the agreement; null only if the action is not readable at that moment. */
  action: ActionReadout | null;
}
export interface MeetingReadout extends Omit<MeetingView, 'agreements'> {
  agreements: AgreementReadout[];
  asOf?: string;
}

/** An instant in the past or now, or null for "now"; refused when it is not a moment or lies ahead. */
function checkedInstant(asOf: Date | null, clock: Clock): string | null {
  if (asOf === null) return null;
  if (Number.isNaN(asOf.getTime())) throw new InvalidInput('asOf', APPLICATION_MESSAGES.asOfInvalid);
  if (asOf.getTime() > clock.now().getTime()) throw new InvalidInput('asOf', APPLICATION_MESSAGES.asOfInFuture);
  return asOf.toISOString();
}

@QueryHandler(GetMeeting)
export class GetMeetingHandler implements IQueryHandler<GetMeeting, MeetingReadout> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ meetingId, asOf }: GetMeeting): Promise<MeetingReadout> {
    const instant = checkedInstant(asOf, this.clock);
    const meeting = meetingAsOf(await this.readModels.meeting(meetingId), instant);
    if (!meeting) throw new NotFound(APPLICATION_MESSAGES.meetingNotFound(meetingId));
    const today = dutchCalendarDate(instant ? new Date(instant) : this.clock.now());
    const agreements: AgreementReadout[] = [];
    for (const agreement of meeting.agreements) {
      const view = instant
        ? await this.readModels.actionAsOf(agreement.actionId, instant)
        : await this.readModels.action(agreement.actionId);
      const action = view && { ...view, overdue: isOverdue(view, today), ...(instant ? { asOf: instant } : {}) };
      agreements.push({ ...agreement, action });
    }
    return { ...meeting, agreements, ...(instant ? { asOf: instant } : {}) };
  }
}

@QueryHandler(GetMeetings)
export class GetMeetingsHandler implements IQueryHandler<GetMeetings, MeetingView[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ planId, asOf }: GetMeetings): Promise<MeetingView[]> {
    const instant = checkedInstant(asOf, this.clock);
    await assertPlanExists(this.readModels, planId);
    return (await this.readModels.meetings(planId)).flatMap((m) => meetingAsOf(m, instant) ?? []);
  }
}

@QueryHandler(GetMeetingOfAction)
export class GetMeetingOfActionHandler implements IQueryHandler<GetMeetingOfAction, MeetingView | null> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ actionId, asOf }: GetMeetingOfAction): Promise<MeetingView | null> {
    const instant = checkedInstant(asOf, this.clock);
    const meeting = meetingAsOf(await this.readModels.meetingOfAction(actionId), instant);
    return meeting && meeting.agreements.some((a) => a.actionId === actionId) ? meeting : null;
  }
}
