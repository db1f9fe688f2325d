import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actionDecider, partnerDecider, planDecider, streamIds, targetDecider } from '@actiemonitor/domain';
import { CommandOutcome } from './command-meta';
import { DomainContextService } from './domain-context.service';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecuteActionCommand, ExecutePartnerCommand, ExecutePlanCommand, ExecuteTargetCommand } from './aggregate-commands';

@CommandHandler(ExecutePartnerCommand)
export class PartnerCommandHandler implements ICommandHandler<ExecutePartnerCommand, CommandOutcome> {
  constructor(private readonly executor: StreamCommandExecutor) {}

  execute({ command, meta }: ExecutePartnerCommand): Promise<CommandOutcome> {
    return this.executor.execute(streamIds.partner(command.partnerId), partnerDecider, command, undefined, meta);
  }
}

@CommandHandler(ExecutePlanCommand)
export class PlanCommandHandler implements ICommandHandler<ExecutePlanCommand, CommandOutcome> {
  constructor(private readonly executor: StreamCommandExecutor) {}

  execute({ command, meta }: ExecutePlanCommand): Promise<CommandOutcome> {
    return this.executor.execute(streamIds.plan(command.planId), planDecider, command, undefined, meta);
  }
}

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
