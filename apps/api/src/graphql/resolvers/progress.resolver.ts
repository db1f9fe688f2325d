import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ActionReadout,
  CommandOutcome,
  DEFAULT_STALE_DAYS,
  ExecuteActionCommand,
  ExecuteRoundCommand,
  GetAction,
  GetActionsNeedingUpdate,
  GetPendingUpdates,
  GetReportingRound,
  GetReportingRounds,
  GetStaleActions,
  NeededUpdate,
  PendingUpdate,
} from '@actiemonitor/application';
import type { ActionCommand } from '@actiemonitor/domain';
import type { ActionView, ProgressUpdateView, RoundOverview, RoundView } from '@actiemonitor/read-models';
import { Allow } from '../../auth/allow.decorator';
import { RequestContext } from '../../auth/request-context';
import { LookupId } from '../inputs/validation';
import { OpenReportingRoundInput, ReviewProgressUpdateInput, SubmitProgressUpdateInput } from '../inputs/progress.inputs';
import { DateTimeScalar } from '../scalars';
import { ActionType } from '../types/action.type';
import { NeededUpdateType, PendingUpdateType, ProgressUpdateType, ReportingRoundType, RoundOverviewType } from '../types/progress.type';
import { commandMeta } from './command-meta';

/**
 * Owners report, coordinators approve: progress updates, their review, reporting rounds and what is
 * stale. Submitting needs `report` (owners' partners and coordinators; the action decider refuses a
 * partner that does not own the action); reviewing and opening rounds need `write`.
 */
@Resolver()
export class ProgressResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => ActionType, {
    description:
      'Een eigenaar stelt een status voor (met toelichting, eventueel een meting en een link); de status verandert pas na goedkeuring.',
  })
  @Allow('report')
  submitProgressUpdate(@Args('input') input: SubmitProgressUpdateInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    return this.onAction(ctx, input, {
      type: 'SubmitProgressUpdate',
      actionId: input.actionId,
      partnerId: null,
      roundId: input.roundId ?? null,
      status: input.status,
      note: input.note ?? null,
      measurement: input.measurement ?? null,
      evidenceUrl: input.evidenceUrl ?? null,
    });
  }

  @Mutation(() => ActionType, { description: 'Keurt een update goed: de voorgestelde status (en meting) wordt die van de actie.' })
  @Allow('write')
  approveProgressUpdate(@Args('input') input: ReviewProgressUpdateInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    return this.onAction(ctx, input, { type: 'ApproveProgressUpdate', actionId: input.actionId, updateId: input.updateId });
  }

  @Mutation(() => ActionType, { description: 'Stuurt een update terug met commentaar; de eigenaar kan opnieuw indienen.' })
  @Allow('write')
  returnProgressUpdate(@Args('input') input: ReviewProgressUpdateInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    return this.onAction(ctx, input, {
      type: 'ReturnProgressUpdate',
      actionId: input.actionId,
      updateId: input.updateId,
      comment: input.comment ?? '',
    });
  }

  @Mutation(() => ReportingRoundType, { description: 'Opent een rapportageronde voor een plan.' })
  @Allow('write')
  async openReportingRound(@Args('input') input: OpenReportingRoundInput, @Context() ctx: RequestContext): Promise<RoundView> {
    await this.commandBus.execute<ExecuteRoundCommand, CommandOutcome>(
      new ExecuteRoundCommand(
        {
          type: 'OpenReportingRound',
          roundId: input.roundId,
          planId: input.planId,
          title: input.title,
          opensOn: input.opensOn,
          closesOn: input.closesOn,
          actionIds: input.actionIds ?? [],
        },
        commandMeta(ctx, input),
      ),
    );
    return (await this.queryBus.execute<GetReportingRound, RoundOverview>(new GetReportingRound(input.roundId))).round;
  }

  @Query(() => [PendingUpdateType], { description: 'Updates die op een coördinator wachten, oudste eerst.' })
  @Allow('read')
  async pendingUpdates(
    @Args('planId', { type: () => ID, nullable: true }, LookupId('planId')) planId: string | null,
  ): Promise<PendingUpdate[]> {
    return this.queryBus.execute(new GetPendingUpdates(planId));
  }

  @Query(() => RoundOverviewType, {
    description: 'Een ronde met per eigenaar en actie de stand van de update; asOf toont een eerder moment.',
  })
  @Allow('read')
  async reportingRound(
    @Args('id', { type: () => ID }, LookupId('id')) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<RoundOverviewType> {
    const overview = await this.queryBus.execute<GetReportingRound, RoundOverview>(new GetReportingRound(id, asOf));
    return { ...overview, items: overview.items.map((item) => ({ ...item, late: item.update?.late ?? false })) };
  }

  @Query(() => [ReportingRoundType], { description: 'De rapportagerondes van een plan, nieuwste eerst.' })
  @Allow('read')
  reportingRounds(@Args('planId', { type: () => ID }, LookupId('planId')) planId: string): Promise<RoundView[]> {
    return this.queryBus.execute(new GetReportingRounds(planId));
  }

  @Query(() => [ActionType], {
    description: `Acties zonder statusmelding in de laatste \`days\` dagen (standaard ${DEFAULT_STALE_DAYS}); niet voor afgeronde of gestopte acties.`,
  })
  @Allow('read')
  staleActions(
    @Args('planId', { type: () => ID, nullable: true }, LookupId('planId')) planId: string | null,
    @Args('partnerId', { type: () => ID, nullable: true }, LookupId('partnerId')) partnerId: string | null,
    @Args('days', { type: () => Int, nullable: true }) days: number | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<ActionReadout[]> {
    return this.queryBus.execute(new GetStaleActions({ planId, partnerId }, days ?? DEFAULT_STALE_DAYS, asOf));
  }

  @Query(() => [NeededUpdateType], {
    description: 'Acties van een partner die in een open ronde nog een update nodig hebben ("Bij te werken").',
  })
  @Allow('read')
  actionsNeedingUpdate(@Args('partnerId', { type: () => ID }, LookupId('partnerId')) partnerId: string): Promise<NeededUpdate[]> {
    return this.queryBus.execute(new GetActionsNeedingUpdate(partnerId));
  }

  private async onAction(
    ctx: RequestContext,
    input: { actionId: string; commandId?: string | null; expectedVersion?: number | null },
    command: ActionCommand,
  ): Promise<ActionReadout> {
    await this.commandBus.execute<ExecuteActionCommand, CommandOutcome>(new ExecuteActionCommand(command, commandMeta(ctx, input)));
    return (await this.queryBus.execute<GetAction, ActionReadout | null>(new GetAction(input.actionId)))!;
  }
}

/** The updates on an action, in submission order. */
@Resolver(() => ActionType)
export class ActionUpdatesResolver {
  @ResolveField(() => [ProgressUpdateType], { description: 'De voortgangsupdates van de eigenaren, met hun beoordeling.' })
  updates(@Parent() action: ActionView): ProgressUpdateView[] {
    return action.updates ?? [];
  }
}
