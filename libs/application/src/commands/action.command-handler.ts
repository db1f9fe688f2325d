import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actionDecider, streamIds } from '@actiemonitor/domain';
import { CommandOutcome } from './command-meta';
import { DomainContextService } from './domain-context.service';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecuteActionCommand } from './aggregate-commands';

/**
 * Action commands: the decider may need the known partners (owners) and, to register an action or add it
 * to a plan, that plan's action lines; they come from the read models, which the write path keeps current.
 */
@CommandHandler(ExecuteActionCommand)
export class ActionCommandHandler implements ICommandHandler<ExecuteActionCommand, CommandOutcome> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly context: DomainContextService,
  ) {}

  async execute({ command, meta }: ExecuteActionCommand): Promise<CommandOutcome> {
    const needsPlan = command.type === 'RegisterAction' || command.type === 'AddActionToPlan';
    const context = {
      knownPartners: await this.context.knownPartners(),
      plan: needsPlan ? await this.context.plan(command.planId) : null,
    };
    return this.executor.execute(streamIds.action(command.actionId), actionDecider, command, context, meta);
  }
}
