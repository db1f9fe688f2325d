import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ActionCommand, actionDecider, ActionContext, streamIds } from '@actiemonitor/domain';
import { Inject } from '@nestjs/common';
import { READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { CommandMeta, CommandOutcome } from './command-meta';
import { DomainContextService } from './domain-context.service';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecuteActionCommand, ExecuteTargetCommand } from './aggregate-commands';

/**
 * Action commands: the decider may need the known partners (owners), the plan's action lines (to
 * register an action or add it to a plan), and for an owner's progress update the action's targets
 * and the round it names; they come from the read models, which the write path keeps current.
 */
@CommandHandler(ExecuteActionCommand)
export class ActionCommandHandler implements ICommandHandler<ExecuteActionCommand, CommandOutcome> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly context: DomainContextService,
    private readonly commands: CommandBus,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
  ) {}

  async execute({ command: input, meta }: ExecuteActionCommand): Promise<CommandOutcome> {
    // An update speaks for the caller's organisation, whatever the input says.
    const command: ActionCommand = input.type === 'SubmitProgressUpdate' ? { ...input, partnerId: meta.actor.partnerId } : input;
    const outcome = await this.executor.execute(
      streamIds.action(command.actionId),
      actionDecider,
      command,
      await this.contextFor(command),
      meta,
    );
    if (command.type === 'ApproveProgressUpdate') await this.recordApprovedMeasurement(command.actionId, command.updateId, meta);
    return outcome;
  }

  private async contextFor(command: ActionCommand): Promise<ActionContext> {
    switch (command.type) {
      case 'RegisterAction':
      case 'AddActionToPlan':
        return { knownPartners: await this.context.knownPartners(), plan: await this.context.plan(command.planId) };
      case 'SubmitProgressUpdate':
        return {
          knownPartners: await this.context.knownPartners(),
          targetsOfAction: command.measurement ? await this.context.targetsOfAction(command.actionId) : new Set(),
          round: command.roundId ? await this.context.round(command.roundId) : null,
        };
      default:
        return { knownPartners: await this.context.knownPartners() };
    }
  }

  /**
   * An approved update's measurement becomes the target's, as its own event in the target's stream
   * naming the update. Two streams, so two appends: the second has a command id derived from the
   * update, so a retried approval records the measurement exactly once.
   */
  private async recordApprovedMeasurement(actionId: string, updateId: string, meta: CommandMeta): Promise<void> {
    const update = (await this.readModels.action(actionId))?.updates.find((u) => u.id === updateId);
    if (!update?.measurement || update.state !== 'APPROVED') return;
    const { targetId, value, measuredAt } = update.measurement;
    await this.commands.execute(
      new ExecuteTargetCommand(
        { type: 'RecordMeasurement', targetId, value, measuredAt, source: `voortgangsupdate ${updateId}` },
        { ...meta, commandId: `measurement-from-${updateId}`, expectedVersion: null },
      ),
    );
  }
}
