import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { planDecider, streamIds } from '@actiemonitor/domain';
import { assertRegionMayWrite } from '../auth/region-scope';
import { CommandOutcome } from './command-meta';
import { DomainContextService } from './domain-context.service';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecutePlanCommand } from './aggregate-commands';

/**
 * Plan commands (register a plan, its action lines). A regional plan names its jeugdzorgregio, which
 * must be one; that region's own token may register the plan and its lines (a region's "actieplan").
 */
@CommandHandler(ExecutePlanCommand)
export class PlanCommandHandler implements ICommandHandler<ExecutePlanCommand, CommandOutcome> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly context: DomainContextService,
  ) {}

  async execute({ command, meta }: ExecutePlanCommand): Promise<CommandOutcome> {
    const regionId = command.type === 'RegisterPlan' ? (command.regionId ?? null) : (await this.context.plan(command.planId)).regionId;
    assertRegionMayWrite(meta.actor, regionId);
    const context = command.type === 'RegisterPlan' && regionId ? { knownRegions: await this.context.knownRegions() } : undefined;
    return this.executor.execute(streamIds.plan(command.planId), planDecider, command, context, meta);
  }
}
