import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { contextSeriesDecider, parliamentaryReferenceDecider, streamIds, themeDecider } from '@actiemonitor/domain';
import { CommandOutcome } from './command-meta';
import { DomainContextService } from './domain-context.service';
import { StreamCommandExecutor } from './stream-command-executor';
import { ExecuteContextSeriesCommand, ExecuteReferenceCommand, ExecuteThemeCommand } from './aggregate-commands';

/**
 * Parliamentary references, themes and context series: three small aggregates with their own streams.
 * Each handler reads what its decision needs about plans and actions (does it exist, which action lines
 * and targets does the plan have) and leaves the rest to the decider.
 */
@CommandHandler(ExecuteReferenceCommand)
export class ReferenceCommandHandler implements ICommandHandler<ExecuteReferenceCommand, CommandOutcome> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly context: DomainContextService,
  ) {}

  async execute({ command, meta }: ExecuteReferenceCommand): Promise<CommandOutcome> {
    let subjectExists = false;
    if (command.type === 'LinkParliamentaryReference') {
      subjectExists =
        command.subject === 'PLAN'
          ? (await this.context.plan(command.subjectId)).registered
          : (await this.context.existingActions([command.subjectId])).size === 1;
    }
    return this.executor.execute(streamIds.reference(command.referenceId), parliamentaryReferenceDecider, command, { subjectExists }, meta);
  }
}

@CommandHandler(ExecuteThemeCommand)
export class ThemeCommandHandler implements ICommandHandler<ExecuteThemeCommand, CommandOutcome> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly context: DomainContextService,
  ) {}

  async execute({ command, meta }: ExecuteThemeCommand): Promise<CommandOutcome> {
    const context =
      command.type === 'DefineTheme'
        ? { planActionLines: await this.planActionLines(command.planId) }
        : { actionExists: (await this.context.existingActions([command.actionId])).size === 1 };
    return this.executor.execute(streamIds.theme(command.themeId), themeDecider, command, context, meta);
  }

  private async planActionLines(planId: string): Promise<ReadonlySet<string> | null> {
    const plan = await this.context.plan(planId);
    return plan.registered ? new Set(plan.actionLines.keys()) : null;
  }
}

@CommandHandler(ExecuteContextSeriesCommand)
export class ContextSeriesCommandHandler implements ICommandHandler<ExecuteContextSeriesCommand, CommandOutcome> {
  constructor(
    private readonly executor: StreamCommandExecutor,
    private readonly context: DomainContextService,
  ) {}

  async execute({ command, meta }: ExecuteContextSeriesCommand): Promise<CommandOutcome> {
    const context = command.type === 'DefineContextSeries' ? { plan: await this.context.planContents(command.planId) } : {};
    return this.executor.execute(streamIds.contextSeries(command.seriesId), contextSeriesDecider, command, context, meta);
  }
}
