import { Inject } from '@nestjs/common';
import { DateTimeScalar } from '../scalars';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import {
  ActionReadout,
  GetAction,
  GetActions,
  GetEvents,
  GetPartner,
  GetPartners,
  GetPartnerStatuses,
  GetPlan,
  GetPlans,
  GetTarget,
  EventPageResult,
  TargetReadout,
  CLOCK,
  Clock,
  ReadModelCache,
} from '@actiemonitor/application';
import type { ActionStatus } from '@actiemonitor/domain';
import { dutchCalendarDate } from '@actiemonitor/read-models';
import type { PartnerStatusRow, PartnerView, PlanView } from '@actiemonitor/read-models';
import { Allow } from '../../auth/allow.decorator';
import { LookupId, PositionArgument, StreamId } from '../inputs/validation';
import { ActionType } from '../types/action.type';
import { ActionStatusEnum } from '../types/enums';
import { PartnerStatusType } from '../types/partner-status.type';
import { PartnerType } from '../types/partner.type';
import { PlanType } from '../types/plan.type';
import { EventPageType, toRecordedEventType } from '../types/recorded-event.type';
import { TargetType } from '../types/target.type';
import { AsOfReader } from '@actiemonitor/application';

@Resolver()
export class QueryResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly asOf: AsOfReader,
    private readonly cache: ReadModelCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [PlanType])
  @Allow('read')
  plans(): Promise<PlanView[]> {
    return this.queryBus.execute(new GetPlans());
  }

  @Query(() => PlanType, { nullable: true })
  @Allow('read')
  plan(@Args('id', { type: () => ID }, LookupId('id')) id: string): Promise<PlanView | null> {
    return this.queryBus.execute(new GetPlan(id));
  }

  @Query(() => [PartnerType])
  @Allow('read')
  partners(): Promise<PartnerView[]> {
    return this.queryBus.execute(new GetPartners());
  }

  @Query(() => PartnerType, { nullable: true, description: 'Een partner op id of op een schrijfwijze uit de plannen (NJi, gemeentes).' })
  @Allow('read')
  partner(@Args('id', { type: () => ID }, LookupId('id')) id: string): Promise<PartnerView | null> {
    return this.queryBus.execute(new GetPartner(id));
  }

  @Query(() => [ActionType], {
    description: 'Acties, te filteren op plan, partner (eigenaar) en status; asOf toont de stand op dat moment.',
  })
  @Allow('read')
  actions(
    @Args('planId', { type: () => ID, nullable: true }, LookupId('planId')) planId: string | null,
    @Args('partnerId', { type: () => ID, nullable: true }, LookupId('partnerId')) partnerId: string | null,
    @Args('status', { type: () => ActionStatusEnum, nullable: true }) status: ActionStatus | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<ActionReadout[]> {
    const query = new GetActions({ planId, partnerId, status });
    return asOf ? this.asOf.execute(asOf, query) : this.queryBus.execute(query);
  }

  @Query(() => ActionType, { nullable: true })
  @Allow('read')
  action(
    @Args('id', { type: () => ID }, LookupId('id')) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<ActionReadout | null> {
    const query = new GetAction(id);
    return asOf ? this.asOf.execute(asOf, query) : this.queryBus.execute(query);
  }

  @Query(() => [PartnerStatusType])
  @Allow('read')
  async partnerStatuses(
    @Args('planId', { type: () => ID, nullable: true }, LookupId('planId')) planId: string | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<PartnerStatusRow[]> {
    planId = planId ?? null;
    if (asOf) return this.withPartners(await this.asOf.execute(asOf, new GetPartnerStatuses(planId)), planId, asOf);
    // Dashboards ask this over and over: the rows joined with their partners are kept, as the counts
    // are, until the read models move on (one checkpoint read per request instead of two lookups, a
    // partner map and a copy of every row).
    const today = dutchCalendarDate(this.clock.now());
    return this.cache.get(`partnerStatusesAnswer\u0000${planId ?? ''}\u0000${today}`, async () =>
      this.withPartners(await this.queryBus.execute<GetPartnerStatuses, PartnerStatusRow[]>(new GetPartnerStatuses(planId)), planId, null),
    );
  }

  /**
   * The rows with their partner, and the plan filter and instant that `actions` needs. Each row's partner
   * comes from one list of partners, not from a lookup per row.
   */
  private async withPartners(rows: PartnerStatusRow[], planId: string | null, asOf: Date | null): Promise<PartnerStatusRow[]> {
    const partners = new Map((await this.queryBus.execute<GetPartners, PartnerView[]>(new GetPartners())).map((p) => [p.id, p]));
    const answer = [];
    for (const row of rows)
      answer.push({ ...row, planId, asOf, partner: partners.get(row.partnerId) ?? (await this.partnerOf(row.partnerId)) });
    return answer;
  }

  /** As `partner(id)` finds it (aliases too); an owner the partner list does not know still gets a name. */
  private async partnerOf(partnerId: string): Promise<PartnerView> {
    const partner = await this.queryBus.execute<GetPartner, PartnerView | null>(new GetPartner(partnerId));
    return partner ?? { id: partnerId, name: partnerId, kind: 'organisation', aliases: [] };
  }

  @Query(() => TargetType, { nullable: true })
  @Allow('read')
  target(@Args('id', { type: () => ID }, LookupId('id')) id: string): Promise<TargetReadout | null> {
    return this.queryBus.execute(new GetTarget(id));
  }

  @Query(() => EventPageType, { description: 'Het logboek in volgorde van positie, per stroom of geheel (alleen AUDITOR en COORDINATOR).' })
  @Allow('readEventLog')
  async events(
    @Args('streamId', { type: () => ID, nullable: true }, StreamId('streamId')) streamId: string | null,
    @Args('after', { type: () => String, nullable: true }, new PositionArgument('after')) after: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
  ) {
    const page = await this.queryBus.execute<GetEvents, EventPageResult>(new GetEvents(streamId ?? null, after ?? null, first ?? null));
    return {
      nextAfter: page.nextAfter,
      events: page.events.map(toRecordedEventType),
    };
  }
}
