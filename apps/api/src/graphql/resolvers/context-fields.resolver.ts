import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import {
  ActionReadout,
  AsOfReader,
  GetAction,
  GetContextSeries,
  GetPlan,
  GetReferencesOf,
  GetThemes,
  GetThemesOfAction,
  TargetReadout,
} from '@actiemonitor/application';
import type { ContextSeriesView, PlanView, ReferenceView, ThemeView } from '@actiemonitor/read-models';
import { DateTimeScalar } from '../scalars';
import { ActionType } from '../types/action.type';
import { ContextSeriesType, ParliamentaryReferenceType, ThemeLinkType, ThemeType } from '../types/context.type';
import { PlanType } from '../types/plan.type';
import { TargetType } from '../types/target.type';
import type { AtMoment } from './context.resolver';

const asOfArg = () => Args('asOf', { type: () => DateTimeScalar, nullable: true });

/** The parent's moment (an action read with asOf) wins; otherwise the field's own asOf. */
const momentOf = (parent: { asOf?: Date | string | null }, asOf: Date | null): Date | null =>
  parent.asOf ? new Date(parent.asOf) : (asOf ?? null);

/** Reads actions now or, at a moment, as they were then. */
async function actionsAt(queryBus: QueryBus, reader: AsOfReader, ids: readonly string[], asOf: Date | null): Promise<ActionReadout[]> {
  const found = await Promise.all(
    ids.map((id) =>
      asOf ? reader.execute(asOf, new GetAction(id)) : queryBus.execute<GetAction, ActionReadout | null>(new GetAction(id)),
    ),
  );
  return found.filter((a): a is ActionReadout => a !== null);
}

@Resolver(() => ActionType)
export class ActionContextFieldsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => [ParliamentaryReferenceType], { description: 'De kamerstukken waarop deze actie antwoordt.' })
  references(@Parent() action: ActionReadout, @asOfArg() asOf: Date | null): Promise<ReferenceView[]> {
    return this.queryBus.execute(new GetReferencesOf('ACTION', action.id, momentOf(action, asOf)));
  }

  @ResolveField(() => [ThemeType], { description: 'De thema’s (opgaven) die deze actie dient.' })
  themes(@Parent() action: ActionReadout, @asOfArg() asOf: Date | null): Promise<ThemeView[]> {
    return this.queryBus.execute(new GetThemesOfAction(action.id, momentOf(action, asOf)));
  }
}

@Resolver(() => PlanType)
export class PlanContextFieldsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => [ParliamentaryReferenceType], { description: 'De kamerstukken waarop het plan als geheel antwoordt.' })
  references(@Parent() plan: PlanView, @asOfArg() asOf: Date | null): Promise<ReferenceView[]> {
    return this.queryBus.execute(new GetReferencesOf('PLAN', plan.id, asOf));
  }

  @ResolveField(() => [ThemeType], { description: 'De thema’s (opgaven) van het plan.' })
  themes(@Parent() plan: PlanView, @asOfArg() asOf: Date | null): Promise<ThemeView[]> {
    return this.queryBus.execute(new GetThemes(plan.id, asOf));
  }

  @ResolveField(() => [ContextSeriesType], { description: 'De contextcijfers die het plan geeft (geen doelen).' })
  contextFigures(@Parent() plan: PlanView, @asOfArg() asOf: Date | null): Promise<ContextSeriesView[]> {
    return this.queryBus.execute(new GetContextSeries({ planId: plan.id }, asOf));
  }
}

@Resolver(() => TargetType)
export class TargetContextFieldsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => [ContextSeriesType], {
    description: 'Contextcijfers die het plan bij dit doel geeft; ze zijn geen meting van het doel.',
  })
  contextFigures(@Parent() target: TargetReadout & { asOf?: string | null }, @asOfArg() asOf: Date | null): Promise<ContextSeriesView[]> {
    return this.queryBus.execute(new GetContextSeries({ planId: target.planId, targetId: target.id }, momentOf(target, asOf)));
  }
}

@Resolver(() => ParliamentaryReferenceType)
export class ReferenceFieldsResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reader: AsOfReader,
  ) {}

  @ResolveField(() => [PlanType], { description: 'De plannen die op dit kamerstuk antwoorden.' })
  async plans(@Parent() reference: AtMoment<ReferenceView>): Promise<PlanView[]> {
    const ids = reference.links.filter((l) => l.subject === 'PLAN').map((l) => l.subjectId);
    const plans = await Promise.all(ids.map((id) => this.queryBus.execute<GetPlan, PlanView | null>(new GetPlan(id))));
    return plans.filter((p): p is PlanView => p !== null);
  }

  @ResolveField(() => [ActionType], { description: 'De acties die op dit kamerstuk antwoorden (bij asOf zoals ze toen waren).' })
  actions(@Parent() reference: AtMoment<ReferenceView>): Promise<ActionReadout[]> {
    const ids = reference.links.filter((l) => l.subject === 'ACTION').map((l) => l.subjectId);
    return actionsAt(this.queryBus, this.reader, ids, reference.asOf ?? null);
  }
}

@Resolver(() => ThemeType)
export class ThemeFieldsResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reader: AsOfReader,
  ) {}

  @ResolveField(() => [ThemeLinkType], { description: 'De koppelingen met acties, met waar het plan ze legt.' })
  links(@Parent() theme: ThemeView): ThemeView['actions'] {
    return theme.actions;
  }

  @ResolveField(() => [ActionType], { description: 'De acties die dit thema dienen (bij asOf zoals ze toen waren).' })
  actions(@Parent() theme: AtMoment<ThemeView>): Promise<ActionReadout[]> {
    return actionsAt(
      this.queryBus,
      this.reader,
      theme.actions.map((a) => a.actionId),
      theme.asOf ?? null,
    );
  }
}
