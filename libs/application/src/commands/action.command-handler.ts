import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ActionCommand, actionDecider, ActionContext, streamIds } from '@actiemonitor/domain';
import { Inject } from '@nestjs/common';
import { READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { CommandMeta, CommandOutcome } from './command-meta';
import { DomainContextService } from './domain-context.service';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecuteActionCommand, ExecuteTargetCommand } from './aggregate-commands';
import { assertPartnerMay, assertRegionMayWrite } from '../auth/region-scope';

/**
 * Only registering an action and assigning an owner check partners against the known ones; the other
 * commands are not made to read them (a status report is the busiest command there is).
 */
const NO_PARTNERS_NEEDED: ReadonlySet<string> = new Set();

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
    await this.assertActorMay(command, meta);
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

  /**
   * Partners submit updates on what they own (the decider's rule); a region's token also reports status
   * directly on its own regional actions and registers actions in its own regional plans. Nothing else.
   */
  private async assertActorMay(command: ActionCommand, meta: CommandMeta): Promise<void> {
    switch (command.type) {
      case 'SubmitProgressUpdate':
        return;
      case 'ChangeActionStatus':
      case 'CorrectActionStatus':
        return assertRegionMayWrite(meta.actor, (await this.context.regionOfAction(command.actionId)) ?? null);
      case 'RegisterAction':
        return assertRegionMayWrite(meta.actor, (await this.context.plan(command.planId)).regionId);
      default:
        return assertPartnerMay(meta.actor, false);
    }
  }

  private async contextFor(command: ActionCommand): Promise<ActionContext> {
    switch (command.type) {
      case 'RegisterAction':
        return {
          knownPartners: await this.context.knownPartners(),
          plan: await this.context.plan(command.planId),
          nationalAction: command.carriesOut ? await this.nationalAction(command.carriesOut) : undefined,
        };
      case 'AddActionToPlan':
        return { knownPartners: NO_PARTNERS_NEEDED, plan: await this.context.plan(command.planId) };
      case 'SubmitProgressUpdate':
        return {
          knownPartners: NO_PARTNERS_NEEDED,
          targetsOfAction: command.measurement ? await this.context.targetsOfAction(command.actionId) : new Set(),
          round: command.roundId ? await this.context.round(command.roundId) : null,
        };
      case 'AssignOwner':
        return { knownPartners: await this.context.knownPartners() };
      default:
        return { knownPartners: NO_PARTNERS_NEEDED };
    }
  }

  private async nationalAction(actionId: string): Promise<{ regionId: string | null } | null> {
    const regionId = await this.context.regionOfAction(actionId);
    return regionId === undefined ? null : { regionId };
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
