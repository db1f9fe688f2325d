import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { ActionReadout, GetActions, GetTargetsOfActionLine, TargetReadout } from '@actiemonitor/application';
import type { PlanView } from '@actiemonitor/read-models';
import { ActionType } from '../types/action.type';
import { ActionLineType, PlanType } from '../types/plan.type';
import { TargetType } from '../types/target.type';

type ActionLineParent = { id: string; planId: string; code: string; title: string };

@Resolver(() => PlanType)
export class PlanFieldsResolver {
  @ResolveField(() => [ActionLineType])
  actionLines(@Parent() plan: PlanView): ActionLineParent[] {
    return plan.actionLines.map((line) => ({ ...line, planId: plan.id }));
  }
}

@Resolver(() => ActionLineType)
export class ActionLineFieldsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => [ActionType], { description: 'De acties van deze actielijn, ook acties die uit een ander plan zijn overgenomen.' })
  actions(@Parent() line: ActionLineParent): Promise<ActionReadout[]> {
    return this.queryBus.execute(new GetActions({ planId: line.planId, actionLineId: line.id }));
  }

  @ResolveField(() => [TargetType], { description: 'De doelen die het plan bij deze actielijn stelt.' })
  targets(@Parent() line: ActionLineParent): Promise<TargetReadout[]> {
    return this.queryBus.execute(new GetTargetsOfActionLine(line.planId, line.id));
  }
}
