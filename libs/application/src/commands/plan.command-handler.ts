import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { planDecider, streamIds } from '@actiemonitor/domain';
import { CommandOutcome } from './command-meta';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecutePlanCommand } from './aggregate-commands';

/** Plan commands (register a plan, its action lines): the plan's stream, no context from other aggregates. */
@CommandHandler(ExecutePlanCommand)
export class PlanCommandHandler implements ICommandHandler<ExecutePlanCommand, CommandOutcome> {
  constructor(private readonly executor: StreamCommandExecutor) {}

  execute({ command, meta }: ExecutePlanCommand): Promise<CommandOutcome> {
    return this.executor.execute(streamIds.plan(command.planId), planDecider, command, undefined, meta);
  }
}
