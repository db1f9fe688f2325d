import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { reportingRoundDecider, streamIds } from '@actiemonitor/domain';
import { CommandOutcome } from './command-meta';
import { DomainContextService } from './domain-context.service';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecuteRoundCommand } from './aggregate-commands';

/** Reporting rounds: opening one checks its plan and actions; naming no actions means all of the plan's. */
@CommandHandler(ExecuteRoundCommand)
export class RoundCommandHandler implements ICommandHandler<ExecuteRoundCommand, CommandOutcome> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly context: DomainContextService,
  ) {}

  async execute({ command, meta }: ExecuteRoundCommand): Promise<CommandOutcome> {
    const planActionIds = await this.context.planActionIds(command.planId);
    const actionIds = command.actionIds.length > 0 ? command.actionIds : [...(planActionIds ?? [])];
    return this.executor.execute(
      streamIds.round(command.roundId),
      reportingRoundDecider,
      { ...command, actionIds },
      { planActionIds },
      meta,
    );
  }
}
