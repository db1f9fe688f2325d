import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { Forbidden, MeetingCommand, MeetingContext, meetingDecider, NotFound, streamIds } from '@actiemonitor/domain';
import type { Actor } from '@actiemonitor/event-store';
import { READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { APPLICATION_MESSAGES } from '../application.messages';
import { mayRecordMeeting } from '../auth/meeting-access';
import { CommandOutcome } from './command-meta';
import { DomainContextService } from './domain-context.service';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecuteActionCommand, ExecuteMeetingCommand, RecordMeetingAgreementCommand } from './aggregate-commands';

/** Meetings: recording one checks its plan, region and participants; an agreement names an action of its plan. */
@CommandHandler(ExecuteMeetingCommand)
export class MeetingCommandHandler implements ICommandHandler<ExecuteMeetingCommand, CommandOutcome> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly context: DomainContextService,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
  ) {}

  async execute({ command, meta }: ExecuteMeetingCommand): Promise<CommandOutcome> {
    const regionId =
      command.type === 'RecordMeeting' ? command.regionId : ((await this.readModels.meeting(command.meetingId))?.regionId ?? null);
    assertMayRecord(meta.actor, regionId);
    return this.executor.execute(streamIds.meeting(command.meetingId), meetingDecider, command, await this.contextFor(command), meta);
  }

  private async contextFor(command: MeetingCommand): Promise<MeetingContext> {
    if (command.type === 'RecordAgreement') {
      const action = await this.readModels.action(command.actionId);
      return { actionPlanIds: action ? action.memberships.map((m) => m.planId) : null };
    }
    const partners = await this.readModels.partners();
    return {
      planExists: (await this.readModels.plan(command.planId)) !== null,
      knownPartners: await this.context.knownPartners(),
      regions: new Set(partners.filter((p) => p.kind === 'region').map((p) => p.id)),
    };
  }
}

/**
 * An agreement becomes a real action (owners, deadline, status, history like any other) in the meeting's
 * plan, and then the meeting records it. Two streams, so two appends: the first carries the caller's
 * command id, the second one derived from the action (an action is registered once), so a retried
 * request records the agreement exactly once. Everything is checked before the first append: an
 * unknown meeting here, owners, action line, title and deadline by the action's decider.
 */
@CommandHandler(RecordMeetingAgreementCommand)
export class MeetingAgreementHandler implements ICommandHandler<RecordMeetingAgreementCommand, CommandOutcome> {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
  ) {}

  async execute({ agreement, meta }: RecordMeetingAgreementCommand): Promise<CommandOutcome> {
    const meeting = await this.readModels.meeting(agreement.meetingId);
    if (!meeting) throw new NotFound(APPLICATION_MESSAGES.meetingNotFound(agreement.meetingId));
    assertMayRecord(meta.actor, meeting.regionId);
    await this.commands.execute(
      new ExecuteActionCommand(
        {
          type: 'RegisterAction',
          actionId: agreement.actionId,
          planId: meeting.planId,
          actionLineId: agreement.actionLineId,
          title: agreement.title,
          result: agreement.result,
          owners: agreement.owners,
          deadline: agreement.deadline,
        },
        { ...meta, expectedVersion: null },
      ),
    );
    return this.commands.execute(
      new ExecuteMeetingCommand(
        { type: 'RecordAgreement', meetingId: meeting.id, actionId: agreement.actionId },
        { ...meta, commandId: agreementCommandId(agreement.actionId), expectedVersion: null },
      ),
    );
  }
}

/** The idempotency key of the meeting's half of an agreement: the action it became is registered only once. */
export const agreementCommandId = (actionId: string): string => `agreement-of-${actionId}`;

function assertMayRecord(actor: Actor, regionId: string | null): void {
  if (!mayRecordMeeting(actor, { regionId })) throw new Forbidden(APPLICATION_MESSAGES.forbidden(actor.role, 'recordMeeting'));
}
