import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { targetDecider, streamIds } from '@actiemonitor/domain';
import { CommandOutcome } from './command-meta';
import { DomainContextService } from './domain-context.service';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecuteTargetCommand } from './aggregate-commands';

/** Target commands: defining one checks its partners, plan and actions; measurements need no context. */
@CommandHandler(ExecuteTargetCommand)
export class TargetCommandHandler implements ICommandHandler<ExecuteTargetCommand, CommandOutcome> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly context: DomainContextService,
  ) {}

  async execute({ command, meta }: ExecuteTargetCommand): Promise<CommandOutcome> {
    const context =
      command.type === 'DefineTarget'
        ? {
            knownPartners: await this.context.knownPartners(),
            plan: await this.context.plan(command.planId),
            existingActionIds: await this.context.existingActions(command.actionIds),
          }
        : { knownPartners: new Set<string>() };
    return this.executor.execute(streamIds.target(command.targetId), targetDecider, command, context, meta);
  }
}
