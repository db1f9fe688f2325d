import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { partnerDecider, streamIds } from '@actiemonitor/domain';
import { CommandOutcome } from './command-meta';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecutePartnerCommand } from './aggregate-commands';

/** Partner commands (register): the partner's stream, no context from other aggregates. */
@CommandHandler(ExecutePartnerCommand)
export class PartnerCommandHandler implements ICommandHandler<ExecutePartnerCommand, CommandOutcome> {
  constructor(private readonly executor: StreamCommandExecutor) {}

  execute({ command, meta }: ExecutePartnerCommand): Promise<CommandOutcome> {
    return this.executor.execute(streamIds.partner(command.partnerId), partnerDecider, command, undefined, meta);
  }
}
