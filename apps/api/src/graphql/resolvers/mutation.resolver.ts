import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ActionReadout,
  CommandOutcome,
  ExecuteActionCommand,
  ExecutePartnerCommand,
  ExecutePlanCommand,
  ExecuteTargetCommand,
  GetAction,
  GetPartner,
  GetPlan,
  GetTarget,
  TargetReadout,
} from '@actiemonitor/application';
import { ActionCommand, TargetCommand, toPeriod } from '@actiemonitor/domain';
import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { Allow } from '../../auth/allow.decorator';
import { RequestContext } from '../../auth/request-context';
import { ChangeActionStatusInput, OwnerChangeInput, RegisterActionInput, RescheduleActionInput } from '../inputs/action.inputs';
import { RegisterActionLineInput, RegisterPartnerInput, RegisterPlanInput } from '../inputs/plan.inputs';
import { CorrectMeasurementInput, DefineTargetInput, RecordBaselineInput, RecordMeasurementInput } from '../inputs/target.inputs';
import { ActionType } from '../types/action.type';
import { PartnerType } from '../types/partner.type';
import { PlanType } from '../types/plan.type';
import { TargetType } from '../types/target.type';
import { commandMeta } from './command-meta';

/**
 * Coordinators' commands. Each maps its input to a domain command on the bus and answers with the
 * read model after its own write (read-your-writes).
 */
@Resolver()
export class MutationResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => ActionType, {
    description:
      'Zet de status van een actie. STOPPED vraagt een toelichting. Een regio-token alleen op regionale acties van de eigen regio.',
  })
  @Allow('report')
  changeActionStatus(@Args('input') input: ChangeActionStatusInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    return this.onAction(ctx, input, {
      type: 'ChangeActionStatus',
      actionId: input.actionId,
      status: input.status,
      note: input.note ?? null,
    });
  }

  @Mutation(() => ActionType, {
    description: 'Legt een nieuwe actie vast in een actielijn. Een regio-token alleen in de regionale plannen van de eigen regio.',
  })
  @Allow('report')
  registerAction(@Args('input') input: RegisterActionInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    return this.onAction(ctx, input, {
      type: 'RegisterAction',
      actionId: input.actionId,
      planId: input.planId,
      actionLineId: input.actionLineId,
      title: input.title,
      result: input.result ?? null,
      owners: input.owners,
      involved: input.involved ?? [],
      deadline: input.deadline ?? null,
      carriesOut: input.carriesOut ?? null,
    });
  }

  @Mutation(() => ActionType, { description: 'Voegt een eigenaar toe.' })
  @Allow('write')
  assignOwner(@Args('input') input: OwnerChangeInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    return this.onAction(ctx, input, {
      type: 'AssignOwner',
      actionId: input.actionId,
      partnerId: input.partnerId,
      reason: input.reason ?? null,
    });
  }

  @Mutation(() => ActionType, { description: 'Verwijdert een eigenaar, met reden; de laatste eigenaar blijft.' })
  @Allow('write')
  removeOwner(@Args('input') input: OwnerChangeInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    return this.onAction(ctx, input, {
      type: 'RemoveOwner',
      actionId: input.actionId,
      partnerId: input.partnerId,
      reason: input.reason ?? '',
    });
  }

  @Mutation(() => ActionType, { description: 'Verschuift de termijn van een actie, met reden.' })
  @Allow('write')
  rescheduleAction(@Args('input') input: RescheduleActionInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    return this.onAction(ctx, input, {
      type: 'RescheduleAction',
      actionId: input.actionId,
      deadline: input.deadline ?? null,
      reason: input.reason,
    });
  }

  @Mutation(() => TargetType, { description: 'Legt een meting vast bij een doel.' })
  @Allow('write')
  recordMeasurement(@Args('input') input: RecordMeasurementInput, @Context() ctx: RequestContext): Promise<TargetReadout> {
    return this.onTarget(ctx, input, {
      type: 'RecordMeasurement',
      targetId: input.targetId,
      value: input.value,
      measuredAt: input.measuredAt,
      source: input.source ?? null,
    });
  }

  @Mutation(() => TargetType)
  @Allow('write')
  correctMeasurement(@Args('input') input: CorrectMeasurementInput, @Context() ctx: RequestContext): Promise<TargetReadout> {
    return this.onTarget(ctx, input, {
      type: 'CorrectMeasurement',
      targetId: input.targetId,
      measurementId: input.measurementId,
      value: input.value,
      measuredAt: input.measuredAt,
      source: input.source ?? null,
      reason: input.reason,
    });
  }

  @Mutation(() => TargetType)
  @Allow('write')
  recordBaseline(@Args('input') input: RecordBaselineInput, @Context() ctx: RequestContext): Promise<TargetReadout> {
    return this.onTarget(ctx, input, {
      type: 'RecordBaseline',
      targetId: input.targetId,
      baseline: input.baseline,
      baselineDate: input.baselineDate,
      note: input.note ?? null,
    });
  }

  @Mutation(() => TargetType, { description: 'Legt een doel vast bij een actielijn en de acties die eraan bijdragen.' })
  @Allow('write')
  defineTarget(@Args('input') input: DefineTargetInput, @Context() ctx: RequestContext): Promise<TargetReadout> {
    return this.onTarget(ctx, input, {
      type: 'DefineTarget',
      targetId: input.targetId,
      planId: input.planId,
      actionLineId: input.actionLineId,
      actionIds: input.actionIds,
      owners: input.owners ?? [],
      description: input.description,
      unit: input.unit ?? null,
      baseline: input.baseline ?? null,
      baselineDate: input.baselineDate ?? null,
      targetValue: input.targetValue ?? null,
      dueDate: input.dueDate ?? null,
      direction: input.direction ?? 'INCREASE',
    });
  }

  @Mutation(() => PlanType, {
    description: 'Legt een plan vast; met regionId een regionaal plan, dat ook het token van die regio mag vastleggen.',
  })
  @Allow('report')
  async registerPlan(@Args('input') input: RegisterPlanInput, @Context() ctx: RequestContext): Promise<PlanView> {
    const period = toPeriod('period', input.period);
    await this.commandBus.execute(
      new ExecutePlanCommand(
        {
          type: 'RegisterPlan',
          planId: input.planId,
          title: input.title,
          period,
          sourceDocument: input.sourceDocument ?? null,
          regionId: input.regionId ?? null,
        },
        commandMeta(ctx, input),
      ),
    );
    return (await this.queryBus.execute<GetPlan, PlanView | null>(new GetPlan(input.planId)))!;
  }

  @Mutation(() => PlanType, { description: 'Legt een actielijn vast; in een regionaal plan mag ook het token van die regio dat.' })
  @Allow('report')
  async registerActionLine(@Args('input') input: RegisterActionLineInput, @Context() ctx: RequestContext): Promise<PlanView> {
    await this.commandBus.execute(
      new ExecutePlanCommand(
        { type: 'RegisterActionLine', planId: input.planId, actionLineId: input.actionLineId, code: input.code, title: input.title },
        commandMeta(ctx, input),
      ),
    );
    return (await this.queryBus.execute<GetPlan, PlanView | null>(new GetPlan(input.planId)))!;
  }

  @Mutation(() => PartnerType)
  @Allow('write')
  async registerPartner(@Args('input') input: RegisterPartnerInput, @Context() ctx: RequestContext): Promise<PartnerView> {
    await this.commandBus.execute(
      new ExecutePartnerCommand(
        {
          type: 'RegisterPartner',
          partnerId: input.partnerId,
          name: input.name,
          kind: input.kind ?? 'organisation',
          aliases: input.aliases ?? [],
        },
        commandMeta(ctx, input),
      ),
    );
    return (await this.queryBus.execute<GetPartner, PartnerView | null>(new GetPartner(input.partnerId)))!;
  }

  private async onAction(
    ctx: RequestContext,
    input: { actionId: string; commandId?: string | null; expectedVersion?: number | null },
    command: ActionCommand,
  ) {
    await this.commandBus.execute<ExecuteActionCommand, CommandOutcome>(new ExecuteActionCommand(command, commandMeta(ctx, input)));
    return (await this.queryBus.execute<GetAction, ActionReadout | null>(new GetAction(input.actionId)))!;
  }

  private async onTarget(ctx: RequestContext, input: { targetId: string; commandId?: string | null }, command: TargetCommand) {
    await this.commandBus.execute<ExecuteTargetCommand, CommandOutcome>(new ExecuteTargetCommand(command, commandMeta(ctx, input)));
    return (await this.queryBus.execute<GetTarget, TargetReadout | null>(new GetTarget(input.targetId)))!;
  }
}
