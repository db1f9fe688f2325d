import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  CommandOutcome,
  ExecuteContextSeriesCommand,
  ExecuteReferenceCommand,
  ExecuteThemeCommand,
  GetContextSeries,
  GetContextSeriesById,
  GetParliamentaryReference,
  GetParliamentaryReferences,
  GetTheme,
  GetThemes,
} from '@actiemonitor/application';
import type { ContextSeriesView, ReferenceView, ThemeView } from '@actiemonitor/read-models';
import { Allow } from '../../auth/allow.decorator';
import { RequestContext } from '../../auth/request-context';
import { LookupId } from '../inputs/validation';
import {
  DefineContextSeriesInput,
  DefineThemeInput,
  LinkActionToThemeInput,
  LinkParliamentaryReferenceInput,
  RecordContextFigureInput,
  RegisterParliamentaryReferenceInput,
} from '../inputs/context.inputs';
import { DateTimeScalar } from '../scalars';
import { ContextSeriesType, ParliamentaryReferenceType, ThemeType } from '../types/context.type';
import { commandMeta } from './command-meta';

/** A view with the moment it was read at, so its fields (actions, plans) answer at the same moment. */
export type AtMoment<V> = V & { asOf?: Date | null };

/**
 * Parliamentary references, themes and context figures: read by everyone who reads, recorded by
 * coordinators (`write`). Every query takes `asOf`.
 */
@Resolver()
export class ContextResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Query(() => [ParliamentaryReferenceType], {
    description: 'Alle kamerstukken (moties, Kamervragen, ...) waarop plannen en acties antwoorden.',
  })
  @Allow('read')
  async parliamentaryReferences(
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<AtMoment<ReferenceView>[]> {
    const views = await this.queryBus.execute<GetParliamentaryReferences, ReferenceView[]>(new GetParliamentaryReferences(asOf));
    return views.map((v) => ({ ...v, asOf }));
  }

  @Query(() => ParliamentaryReferenceType, { nullable: true, description: 'Een kamerstuk met de plannen en acties die erop antwoorden.' })
  @Allow('read')
  async parliamentaryReference(
    @Args('id', { type: () => ID }, LookupId('id')) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<AtMoment<ReferenceView> | null> {
    const view = await this.queryBus.execute<GetParliamentaryReference, ReferenceView | null>(new GetParliamentaryReference(id, asOf));
    return view && { ...view, asOf };
  }

  @Query(() => [ThemeType], { description: 'De thema’s (opgaven) van een plan met hun acties.' })
  @Allow('read')
  async themes(
    @Args('planId', { type: () => ID }, LookupId('planId')) planId: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<AtMoment<ThemeView>[]> {
    const views = await this.queryBus.execute<GetThemes, ThemeView[]>(new GetThemes(planId, asOf));
    return views.map((v) => ({ ...v, asOf }));
  }

  @Query(() => ThemeType, { nullable: true })
  @Allow('read')
  async theme(
    @Args('id', { type: () => ID }, LookupId('id')) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<AtMoment<ThemeView> | null> {
    const view = await this.queryBus.execute<GetTheme, ThemeView | null>(new GetTheme(id, asOf));
    return view && { ...view, asOf };
  }

  @Query(() => [ContextSeriesType], { description: 'De contextcijfers van een plan (geen doelen), per reeks met bron en eenheid.' })
  @Allow('read')
  contextFigures(
    @Args('planId', { type: () => ID }, LookupId('planId')) planId: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<ContextSeriesView[]> {
    return this.queryBus.execute(new GetContextSeries({ planId }, asOf));
  }

  @Mutation(() => ParliamentaryReferenceType, {
    description: 'Legt een kamerstuk vast (motie, Kamervragen, Kamerbrief, toezegging, overleg).',
  })
  @Allow('write')
  async registerParliamentaryReference(
    @Args('input') input: RegisterParliamentaryReferenceInput,
    @Context() ctx: RequestContext,
  ): Promise<ReferenceView> {
    await this.commandBus.execute<ExecuteReferenceCommand, CommandOutcome>(
      new ExecuteReferenceCommand(
        {
          type: 'RegisterParliamentaryReference',
          referenceId: input.referenceId,
          kind: input.kind,
          chamber: input.chamber ?? null,
          dossier: input.dossier ?? null,
          number: input.number ?? null,
          title: input.title,
          members: input.members ?? [],
          date: input.date ?? null,
          dateText: input.dateText ?? null,
          source: input.source,
        },
        commandMeta(ctx, input),
      ),
    );
    return this.reference(input.referenceId);
  }

  @Mutation(() => ParliamentaryReferenceType, { description: 'Koppelt een kamerstuk aan een plan of actie dat erop antwoordt.' })
  @Allow('write')
  async linkParliamentaryReference(
    @Args('input') input: LinkParliamentaryReferenceInput,
    @Context() ctx: RequestContext,
  ): Promise<ReferenceView> {
    await this.commandBus.execute<ExecuteReferenceCommand, CommandOutcome>(
      new ExecuteReferenceCommand(
        {
          type: 'LinkParliamentaryReference',
          referenceId: input.referenceId,
          subject: input.subject,
          subjectId: input.subjectId,
          note: input.note ?? null,
        },
        commandMeta(ctx, input),
      ),
    );
    return this.reference(input.referenceId);
  }

  @Mutation(() => ThemeType, { description: 'Legt een thema (opgave) van een plan vast.' })
  @Allow('write')
  async defineTheme(@Args('input') input: DefineThemeInput, @Context() ctx: RequestContext): Promise<ThemeView> {
    await this.commandBus.execute<ExecuteThemeCommand, CommandOutcome>(
      new ExecuteThemeCommand(
        {
          type: 'DefineTheme',
          themeId: input.themeId,
          planId: input.planId,
          actionLineId: input.actionLineId ?? null,
          title: input.title,
          description: input.description ?? null,
          source: input.source ?? null,
        },
        commandMeta(ctx, input),
      ),
    );
    return this.themeNow(input.themeId);
  }

  @Mutation(() => ThemeType, { description: 'Koppelt een actie aan een thema dat ze dient.' })
  @Allow('write')
  async linkActionToTheme(@Args('input') input: LinkActionToThemeInput, @Context() ctx: RequestContext): Promise<ThemeView> {
    await this.commandBus.execute<ExecuteThemeCommand, CommandOutcome>(
      new ExecuteThemeCommand(
        { type: 'LinkActionToTheme', themeId: input.themeId, actionId: input.actionId, note: input.note ?? null },
        commandMeta(ctx, input),
      ),
    );
    return this.themeNow(input.themeId);
  }

  @Mutation(() => ContextSeriesType, { description: 'Legt een reeks contextcijfers vast (bron, eenheid, en waarbij ze context geven).' })
  @Allow('write')
  async defineContextSeries(@Args('input') input: DefineContextSeriesInput, @Context() ctx: RequestContext): Promise<ContextSeriesView> {
    await this.commandBus.execute<ExecuteContextSeriesCommand, CommandOutcome>(
      new ExecuteContextSeriesCommand(
        {
          type: 'DefineContextSeries',
          seriesId: input.seriesId,
          planId: input.planId,
          title: input.title,
          unit: input.unit,
          source: input.source,
          actionLineId: input.actionLineId ?? null,
          targetIds: input.targetIds ?? [],
          actionIds: input.actionIds ?? [],
          note: input.note ?? null,
        },
        commandMeta(ctx, input),
      ),
    );
    return this.series(input.seriesId);
  }

  @Mutation(() => ContextSeriesType, { description: 'Legt een contextcijfer vast in een reeks.' })
  @Allow('write')
  async recordContextFigure(@Args('input') input: RecordContextFigureInput, @Context() ctx: RequestContext): Promise<ContextSeriesView> {
    await this.commandBus.execute<ExecuteContextSeriesCommand, CommandOutcome>(
      new ExecuteContextSeriesCommand(
        {
          type: 'RecordContextFigure',
          seriesId: input.seriesId,
          period: input.period ?? null,
          date: input.date ?? null,
          category: input.category ?? null,
          value: input.value,
          note: input.note ?? null,
        },
        commandMeta(ctx, input),
      ),
    );
    return this.series(input.seriesId);
  }

  private async reference(id: string): Promise<ReferenceView> {
    return (await this.queryBus.execute<GetParliamentaryReference, ReferenceView | null>(new GetParliamentaryReference(id)))!;
  }

  private async themeNow(id: string): Promise<ThemeView> {
    return (await this.queryBus.execute<GetTheme, ThemeView | null>(new GetTheme(id)))!;
  }

  private async series(id: string): Promise<ContextSeriesView> {
    return (await this.queryBus.execute<GetContextSeriesById, ContextSeriesView | null>(new GetContextSeriesById(id)))!;
  }
}
