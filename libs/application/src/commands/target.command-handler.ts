import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { streamIds, TargetCommand, TargetContext, targetDecider } from '@actiemonitor/domain';
import { assertPartnerMay, assertRegionMayWrite } from '../auth/region-scope';
import { CommandMeta, CommandOutcome } from './command-meta';
import { DomainContextService } from './domain-context.service';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecuteTargetCommand } from './aggregate-commands';

/** Target commands: defining one checks its partners, plan and actions; a region's figures check the region. */
@CommandHandler(ExecuteTargetCommand)
export class TargetCommandHandler implements ICommandHandler<ExecuteTargetCommand, CommandOutcome> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly context: DomainContextService,
  ) {}

  async execute({ command, meta }: ExecuteTargetCommand): Promise<CommandOutcome> {
    return this.executor.execute(streamIds.target(command.targetId), targetDecider, command, await this.contextFor(command, meta), meta);
  }

  private async contextFor(command: TargetCommand, meta: CommandMeta): Promise<TargetContext> {
    switch (command.type) {
      case 'DefineTarget':
        assertPartnerMay(meta.actor, false);
        return {
          knownPartners: await this.context.knownPartners(),
          plan: await this.context.plan(command.planId),
          existingActionIds: await this.context.existingActions(command.actionIds),
        };
      // A region records its own startfoto and measurements; coordinators any region's.
      case 'RecordRegionalBaseline':
      case 'RecordRegionalMeasurement':
        assertRegionMayWrite(meta.actor, command.regionId);
        return { knownPartners: new Set<string>(), knownRegions: await this.context.knownRegions() };
      default:
        assertPartnerMay(meta.actor, false);
        return { knownPartners: new Set<string>() };
    }
  }
}
