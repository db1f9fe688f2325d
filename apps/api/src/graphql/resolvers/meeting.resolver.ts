import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ActionReadout,
  AgreementReadout,
  CommandOutcome,
  ExecuteMeetingCommand,
  GetMeeting,
  GetMeetingOfAction,
  GetMeetings,
  MeetingReadout,
  RecordMeetingAgreementCommand,
} from '@actiemonitor/application';
import type { MeetingView } from '@actiemonitor/read-models';
import { Allow } from '../../auth/allow.decorator';
import { RequestContext } from '../../auth/request-context';
import { LookupId } from '../inputs/validation';
import { RecordAgreementInput, RecordMeetingInput } from '../inputs/meeting.inputs';
import { DateTimeScalar } from '../scalars';
import { ActionType } from '../types/action.type';
import { AgreementType, MeetingType } from '../types/meeting.type';
import { commandMeta } from './command-meta';

/** A meeting as resolvers pass it on: the moment it was read at travels with it to its agreements. */
type MeetingParent = MeetingView & { asOf?: string };

/**
 * Meetings and the agreements made there (seed 003). Coordinators record any meeting; a region's token
 * its own region's (the application's mayRecordMeeting decides, behind the `report` permission).
 */
@Resolver(() => MeetingType)
export class MeetingResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => MeetingType, { description: 'Legt een overleg vast: datum, deelnemers en onderwerp.' })
  @Allow('report')
  async recordMeeting(@Args('input') input: RecordMeetingInput, @Context() ctx: RequestContext): Promise<MeetingReadout> {
    await this.commandBus.execute<ExecuteMeetingCommand, CommandOutcome>(
      new ExecuteMeetingCommand(
        {
          type: 'RecordMeeting',
          meetingId: input.meetingId,
          planId: input.planId,
          regionId: input.regionId ?? null,
          heldOn: input.heldOn,
          participants: input.participants,
          otherParticipants: input.otherParticipants ?? [],
          subject: input.subject,
          notes: input.notes ?? null,
        },
        commandMeta(ctx, input),
      ),
    );
    return this.queryBus.execute(new GetMeeting(input.meetingId));
  }

  @Mutation(() => MeetingType, {
    description: 'Legt een afspraak uit een overleg vast: ze wordt een actie (eigenaren, termijn) in het plan van het overleg.',
  })
  @Allow('report')
  async recordAgreement(@Args('input') input: RecordAgreementInput, @Context() ctx: RequestContext): Promise<MeetingReadout> {
    await this.commandBus.execute<RecordMeetingAgreementCommand, CommandOutcome>(
      new RecordMeetingAgreementCommand(
        {
          meetingId: input.meetingId,
          actionId: input.actionId,
          actionLineId: input.actionLineId,
          title: input.title,
          result: input.result ?? null,
          owners: input.owners,
          deadline: input.deadline ?? null,
        },
        commandMeta(ctx, input),
      ),
    );
    return this.queryBus.execute(new GetMeeting(input.meetingId));
  }

  @Query(() => [MeetingType], { description: 'De overleggen van een plan, het laatst gehouden eerst; asOf toont een eerder moment.' })
  @Allow('read')
  async meetings(
    @Args('planId', { type: () => ID }, LookupId('planId')) planId: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<MeetingParent[]> {
    const meetings = await this.queryBus.execute<GetMeetings, MeetingView[]>(new GetMeetings(planId, asOf));
    return meetings.map((m) => (asOf ? { ...m, asOf: asOf.toISOString() } : m));
  }

  @Query(() => MeetingType, { description: 'Een overleg met wat er van elke afspraak is geworden; asOf toont een eerder moment.' })
  @Allow('read')
  meeting(
    @Args('id', { type: () => ID }, LookupId('id')) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<MeetingReadout> {
    return this.queryBus.execute(new GetMeeting(id, asOf));
  }

  @ResolveField(() => [AgreementType], { description: 'De afspraken, in de volgorde waarin ze zijn vastgelegd, met hun actie.' })
  async agreements(@Parent() meeting: MeetingParent | MeetingReadout): Promise<AgreementReadout[]> {
    if (meeting.agreements.every((a) => 'action' in a)) return meeting.agreements as AgreementReadout[];
    const asOf = meeting.asOf ? new Date(meeting.asOf) : null;
    return (await this.queryBus.execute<GetMeeting, MeetingReadout>(new GetMeeting(meeting.id, asOf))).agreements;
  }
}

/** The way back from an action to the meeting where it was agreed. */
@Resolver(() => ActionType)
export class ActionMeetingResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => MeetingType, {
    nullable: true,
    description: 'Het overleg waarin de actie is afgesproken, als dat zo is (bij asOf: als dat toen al zo was).',
  })
  async meeting(@Parent() action: ActionReadout): Promise<MeetingParent | null> {
    const meeting = await this.queryBus.execute<GetMeetingOfAction, MeetingView | null>(
      new GetMeetingOfAction(action.id, action.asOf ? new Date(action.asOf) : null),
    );
    return meeting && (action.asOf ? { ...meeting, asOf: action.asOf } : meeting);
  }
}
