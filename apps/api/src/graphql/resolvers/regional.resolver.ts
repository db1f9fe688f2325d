import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ActionReadout,
  AsOfReader,
  ExecuteActionCommand,
  ExecuteTargetCommand,
  GetAction,
  GetActions,
  GetPartner,
  GetPartners,
  GetPlans,
  GetTarget,
  TakeUpNationalAction,
  TakeUpOutcome,
  TargetReadout,
} from '@actiemonitor/application';
import { regionalTotal, RegionalRollUp, RegionalTotal, rollUp } from '@actiemonitor/read-models';
import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { Allow } from '../../auth/allow.decorator';
import { RequestContext } from '../../auth/request-context';
import {
  RecordRegionalMeasurementInput,
  RecordRegionalStartfotoInput,
  SetActionLevelInput,
  TakeUpNationalActionInput,
} from '../inputs/regional.inputs';
import { DateTimeScalar } from '../scalars';
import { ActionType } from '../types/action.type';
import { PartnerType } from '../types/partner.type';
import { PlanType } from '../types/plan.type';
import { RegionalRollUpType, RegionalTotalType } from '../types/regional.type';
import { TargetType } from '../types/target.type';
import { commandMeta } from './command-meta';

/**
 * The regional level: a region takes up a national action (its own instance, in its follow-up plan),
 * reports on it, and records its startfoto and measurements for national targets. A region's token
 * may do that for its own region only (the application layer's rule); coordinators for every region.
 */
@Resolver()
export class RegionalMutationResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => ActionType, {
    description: 'Een regio pakt een landelijke actie op: de regionale uitvoering, met eigen eigenaren en termijn.',
  })
  @Allow('report')
  async takeUpNationalAction(@Args('input') input: TakeUpNationalActionInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    const outcome = await this.commandBus.execute<TakeUpNationalAction, TakeUpOutcome>(
      new TakeUpNationalAction(
        {
          nationalActionId: input.actionId,
          regionId: input.regionId,
          title: input.title ?? null,
          result: input.result ?? null,
          owners: input.owners ?? null,
          deadline: input.deadline ?? null,
        },
        commandMeta(ctx, input),
      ),
    );
    return (await this.queryBus.execute<GetAction, ActionReadout | null>(new GetAction(outcome.instanceId)))!;
  }

  @Mutation(() => TargetType, {
    description: 'Legt de startfoto van een regio vast bij een landelijk doel; een latere vervangt hem (het logboek houdt beide).',
  })
  @Allow('report')
  recordRegionalStartfoto(@Args('input') input: RecordRegionalStartfotoInput, @Context() ctx: RequestContext): Promise<TargetReadout> {
    const { targetId, regionId, value, measuredAt, unit } = input;
    const command = {
      type: 'RecordRegionalBaseline' as const,
      targetId,
      regionId,
      value,
      measuredAt,
      unit,
      source: input.source ?? null,
      goal: input.goal ?? null,
    };
    return this.onTarget(ctx, input, command);
  }

  @Mutation(() => TargetType, { description: 'Legt een meting van een regio vast bij een landelijk doel (na de startfoto).' })
  @Allow('report')
  recordRegionalMeasurement(@Args('input') input: RecordRegionalMeasurementInput, @Context() ctx: RequestContext): Promise<TargetReadout> {
    const { targetId, regionId, value, measuredAt } = input;
    return this.onTarget(ctx, input, {
      type: 'RecordRegionalMeasurement',
      targetId,
      regionId,
      value,
      measuredAt,
      source: input.source ?? null,
    });
  }

  @Mutation(() => ActionType, { description: 'Zet het niveau van een actie (landelijk, regionaal, aanbieder).' })
  @Allow('write')
  async setActionLevel(@Args('input') input: SetActionLevelInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    const command = { type: 'SetActionLevel' as const, actionId: input.actionId, level: input.level, source: input.source ?? null };
    await this.commandBus.execute(new ExecuteActionCommand(command, commandMeta(ctx, input)));
    return (await this.queryBus.execute<GetAction, ActionReadout | null>(new GetAction(input.actionId)))!;
  }

  private async onTarget(
    ctx: RequestContext,
    input: { targetId: string; commandId?: string | null },
    command: ConstructorParameters<typeof ExecuteTargetCommand>[0],
  ): Promise<TargetReadout> {
    await this.commandBus.execute(new ExecuteTargetCommand(command, commandMeta(ctx, input)));
    return (await this.queryBus.execute<GetTarget, TargetReadout | null>(new GetTarget(input.targetId)))!;
  }
}

@Resolver(() => ActionType)
export class RegionalActionFieldsResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly asOfReader: AsOfReader,
  ) {}

  @ResolveField(() => PartnerType, { nullable: true, description: 'De jeugdzorgregio van een regionale actie; null bij een landelijke.' })
  async region(@Parent() action: ActionReadout): Promise<PartnerView | null> {
    return action.regionId ? this.queryBus.execute<GetPartner, PartnerView | null>(new GetPartner(action.regionId)) : null;
  }

  @ResolveField(() => ActionType, {
    nullable: true,
    description: 'De landelijke actie die deze regionale actie uitvoert (bij asOf zoals ze toen was).',
  })
  async carriesOut(@Parent() action: ActionReadout): Promise<ActionReadout | null> {
    if (!action.carriesOut) return null;
    const query = new GetAction(action.carriesOut);
    return action.asOf ? this.asOfReader.execute(new Date(action.asOf), query) : this.queryBus.execute(query);
  }

  @ResolveField(() => [ActionType], { description: 'De regionale uitvoeringen van deze landelijke actie (bij asOf zoals ze toen waren).' })
  regionalInstances(@Parent() action: ActionReadout): Promise<ActionReadout[]> {
    const query = new GetActions({ carriesOut: action.id });
    return action.asOf ? this.asOfReader.execute(new Date(action.asOf), query) : this.queryBus.execute(query);
  }

  @ResolveField(() => RegionalRollUpType, { description: 'In hoeveel regio’s de actie is opgepakt, en de uitvoeringen per status.' })
  async regionalRollUp(@Parent() action: ActionReadout): Promise<RegionalRollUp> {
    return rollUp(await this.regionalInstances(action));
  }
}

@Resolver(() => TargetType)
export class RegionalTargetFieldsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => RegionalTotalType, {
    nullable: true,
    description: 'De som van de laatste metingen van de regio’s, met welke jeugdzorgregio’s niet meetelden; null zonder regionale cijfers.',
  })
  async regionalTotal(@Parent() target: TargetReadout): Promise<RegionalTotal | null> {
    if (target.regions.length === 0) return null;
    const partners = await this.queryBus.execute<GetPartners, PartnerView[]>(new GetPartners());
    return regionalTotal(
      { ...target, regions: target.regions },
      partners.filter((p) => p.kind === 'region').map((p) => p.id),
    );
  }
}

@Resolver(() => PartnerType)
export class RegionalPartnerFieldsResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly asOfReader: AsOfReader,
  ) {}

  @ResolveField(() => [PlanType], {
    description: 'De regionale plannen van een jeugdzorgregio (eigen actieplannen, opvolging van landelijke acties).',
  })
  async regionalPlans(@Parent() partner: PartnerView): Promise<PlanView[]> {
    const plans = await this.queryBus.execute<GetPlans, PlanView[]>(new GetPlans());
    return plans.filter((plan) => plan.regionId === partner.id);
  }

  @ResolveField(() => [ActionType], { description: 'De acties in de regionale plannen van deze regio; asOf toont de stand op dat moment.' })
  async regionalActions(
    @Parent() partner: PartnerView,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<ActionReadout[]> {
    const actions: ActionReadout[] = [];
    for (const plan of await this.regionalPlans(partner)) {
      const query = new GetActions({ planId: plan.id });
      actions.push(
        ...(asOf ? await this.asOfReader.execute(asOf, query) : await this.queryBus.execute<GetActions, ActionReadout[]>(query)),
      );
    }
    return actions;
  }
}
