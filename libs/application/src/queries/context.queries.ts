import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInput } from '@actiemonitor/domain';
import { ContextSeriesView, contextSeriesAsOf, ReferenceView, referenceAsOf, ThemeView, themeAsOf } from '@actiemonitor/read-models';
import { APPLICATION_MESSAGES } from '../application.messages';
import { CLOCK, Clock, READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { assertPlanExists } from './action.queries';

/**
 * Parliamentary references, themes and context figures, now or as they stood at `asOf`. These
 * aggregates only add (a reference, a link, a figure), each stamped with when it was recorded, so the
 * answer at `asOf` is today's answer without what was recorded after it.
 */
export class GetParliamentaryReferences {
  constructor(readonly asOf: Date | null = null) {}
}
export class GetParliamentaryReference {
  constructor(
    readonly referenceId: string,
    readonly asOf: Date | null = null,
  ) {}
}
/** The references a plan or an action answers to. */
export class GetReferencesOf {
  constructor(
    readonly subject: 'PLAN' | 'ACTION',
    readonly subjectId: string,
    readonly asOf: Date | null = null,
  ) {}
}
export class GetThemes {
  constructor(
    readonly planId: string,
    readonly asOf: Date | null = null,
  ) {}
}
export class GetTheme {
  constructor(
    readonly themeId: string,
    readonly asOf: Date | null = null,
  ) {}
}
export class GetThemesOfAction {
  constructor(
    readonly actionId: string,
    readonly asOf: Date | null = null,
  ) {}
}
/** A plan's context-figure series, or only those that give context to one target. */
export class GetContextSeries {
  constructor(
    readonly filter: { planId: string; targetId?: string | null },
    readonly asOf: Date | null = null,
  ) {}
}

export class GetContextSeriesById {
  constructor(
    readonly seriesId: string,
    readonly asOf: Date | null = null,
  ) {}
}

/** The instant to answer at as ISO text (null: now); refuses what is not an instant, or lies ahead. */
export function asOfInstant(asOf: Date | null, clock: Clock): string | null {
  if (asOf === null) return null;
  if (Number.isNaN(asOf.getTime())) throw new InvalidInput('asOf', APPLICATION_MESSAGES.asOfInvalid);
  if (asOf.getTime() > clock.now().getTime()) throw new InvalidInput('asOf', APPLICATION_MESSAGES.asOfInFuture);
  return asOf.toISOString();
}

function present<V>(views: readonly V[], at: (view: V) => V | null): V[] {
  return views.map(at).filter((v): v is V => v !== null);
}

@QueryHandler(GetParliamentaryReferences)
export class GetParliamentaryReferencesHandler implements IQueryHandler<GetParliamentaryReferences, ReferenceView[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ asOf }: GetParliamentaryReferences): Promise<ReferenceView[]> {
    const instant = asOfInstant(asOf, this.clock);
    return present(await this.readModels.references(), (v) => referenceAsOf(v, instant));
  }
}

@QueryHandler(GetParliamentaryReference)
export class GetParliamentaryReferenceHandler implements IQueryHandler<GetParliamentaryReference, ReferenceView | null> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ referenceId, asOf }: GetParliamentaryReference): Promise<ReferenceView | null> {
    const instant = asOfInstant(asOf, this.clock);
    const view = await this.readModels.reference(referenceId);
    return view && referenceAsOf(view, instant);
  }
}

@QueryHandler(GetReferencesOf)
export class GetReferencesOfHandler implements IQueryHandler<GetReferencesOf, ReferenceView[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ subject, subjectId, asOf }: GetReferencesOf): Promise<ReferenceView[]> {
    const instant = asOfInstant(asOf, this.clock);
    const linkedThen = (view: ReferenceView) => {
      const then = referenceAsOf(view, instant);
      return then && then.links.some((l) => l.subject === subject && l.subjectId === subjectId) ? then : null;
    };
    return present(await this.readModels.referencesOf(subject, subjectId), linkedThen);
  }
}

@QueryHandler(GetThemes)
export class GetThemesHandler implements IQueryHandler<GetThemes, ThemeView[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ planId, asOf }: GetThemes): Promise<ThemeView[]> {
    const instant = asOfInstant(asOf, this.clock);
    await assertPlanExists(this.readModels, planId);
    return present(await this.readModels.themes(planId), (v) => themeAsOf(v, instant));
  }
}

@QueryHandler(GetTheme)
export class GetThemeHandler implements IQueryHandler<GetTheme, ThemeView | null> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ themeId, asOf }: GetTheme): Promise<ThemeView | null> {
    const instant = asOfInstant(asOf, this.clock);
    const view = await this.readModels.theme(themeId);
    return view && themeAsOf(view, instant);
  }
}

@QueryHandler(GetThemesOfAction)
export class GetThemesOfActionHandler implements IQueryHandler<GetThemesOfAction, ThemeView[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ actionId, asOf }: GetThemesOfAction): Promise<ThemeView[]> {
    const instant = asOfInstant(asOf, this.clock);
    const linkedThen = (view: ThemeView) => {
      const then = themeAsOf(view, instant);
      return then && then.actions.some((a) => a.actionId === actionId) ? then : null;
    };
    return present(await this.readModels.themesOfAction(actionId), linkedThen);
  }
}

@QueryHandler(GetContextSeries)
export class GetContextSeriesHandler implements IQueryHandler<GetContextSeries, ContextSeriesView[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ filter, asOf }: GetContextSeries): Promise<ContextSeriesView[]> {
    const instant = asOfInstant(asOf, this.clock);
    await assertPlanExists(this.readModels, filter.planId);
    const all = present(await this.readModels.contextSeries(filter.planId), (v) => contextSeriesAsOf(v, instant));
    return filter.targetId ? all.filter((s) => s.targetIds.includes(filter.targetId as string)) : all;
  }
}

@QueryHandler(GetContextSeriesById)
export class GetContextSeriesByIdHandler implements IQueryHandler<GetContextSeriesById, ContextSeriesView | null> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ seriesId, asOf }: GetContextSeriesById): Promise<ContextSeriesView | null> {
    const instant = asOfInstant(asOf, this.clock);
    const view = await this.readModels.contextSeriesById(seriesId);
    return view && contextSeriesAsOf(view, instant);
  }
}
