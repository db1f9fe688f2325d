import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { ActionReadout, GetActionHistory, GetPartner, GetPlan, GetTargetsOfAction, TargetReadout } from '@actiemonitor/application';
import type { RecordedEvent } from '@actiemonitor/event-store';
import { RecordedEventType, toRecordedEventType } from '../types/recorded-event.type';
import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { ActionType, InvolvementType } from '../types/action.type';
import { PartnerType } from '../types/partner.type';
import { ActionLineType, PlanType } from '../types/plan.type';
import { TargetType } from '../types/target.type';

@Resolver(() => ActionType)
export class ActionFieldsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => PlanType, { description: 'Het plan waarin de actie is vastgelegd.' })
  async plan(@Parent() action: ActionReadout): Promise<PlanView> {
    return (await this.queryBus.execute<GetPlan, PlanView | null>(new GetPlan(action.planId)))!;
  }

  @ResolveField(() => [PlanType], { description: 'Alle plannen waarin de actie staat (een actie kan in meer plannen staan).' })
  async plans(@Parent() action: ActionReadout): Promise<PlanView[]> {
    const plans = await Promise.all(action.memberships.map((m) => this.queryBus.execute<GetPlan, PlanView | null>(new GetPlan(m.planId))));
    return plans.filter((p): p is PlanView => p !== null);
  }

  @ResolveField(() => ActionLineType)
  async actionLine(@Parent() action: ActionReadout) {
    const plan = await this.plan(action);
    const line = plan.actionLines.find((l) => l.id === action.actionLineId)!;
    return { ...line, planId: plan.id };
  }

  @ResolveField(() => [PartnerType], { description: 'Elke organisatie die als verantwoordelijk is genoemd ("Verantwoordelijk").' })
  owners(@Parent() action: ActionReadout): Promise<PartnerView[]> {
    return this.partners(action.owners);
  }

  @ResolveField(() => [InvolvementType])
  involved(@Parent() action: ActionReadout) {
    return action.involved;
  }

  @ResolveField(() => [TargetType], {
    description: 'De doelen van de actie; bij asOf zoals ze toen waren (met de metingen die toen bekend waren).',
  })
  targets(@Parent() action: ActionReadout): Promise<TargetReadout[]> {
    return this.queryBus.execute(new GetTargetsOfAction(action.id, action.asOf ?? null));
  }

  @ResolveField(() => [RecordedEventType], {
    description:
      'Wat er met deze actie gebeurde, oudste eerst: statusmeldingen, correcties, termijnen, eigenaren, met wie en wanneer (bij asOf tot dat moment).',
  })
  async history(@Parent() action: ActionReadout): Promise<RecordedEventType[]> {
    const events = await this.queryBus.execute<GetActionHistory, RecordedEvent[]>(new GetActionHistory(action.id, action.asOf ?? null));
    return events.map(toRecordedEventType);
  }

  private async partners(ids: string[]): Promise<PartnerView[]> {
    const found = await Promise.all(ids.map((id) => this.queryBus.execute<GetPartner, PartnerView | null>(new GetPartner(id))));
    return found.filter((p): p is PartnerView => p !== null);
  }
}

@Resolver(() => InvolvementType)
export class InvolvementFieldsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => PartnerType, { nullable: true })
  partner(@Parent() involvement: { partnerId: string }): Promise<PartnerView | null> {
    return this.queryBus.execute(new GetPartner(involvement.partnerId));
  }
}
