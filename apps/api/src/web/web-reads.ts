import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ActionReadout,
  AsOfReader,
  CLOCK,
  Clock,
  GetAction,
  GetActionHistory,
  GetActions,
  GetActionsNeedingUpdate,
  GetMeeting,
  GetMeetingOfAction,
  GetMeetings,
  MeetingReadout,
  GetPartner,
  GetPartners,
  GetPartnerStatuses,
  GetPlan,
  GetPendingUpdates,
  GetPlans,
  GetReportingRound,
  GetReportingRounds,
  GetStaleActions,
  GetTargetsOfAction,
  GetTargetsOfActionLine,
  GetContextSeries,
  GetParliamentaryReferences,
  GetReferencesOf,
  GetThemes,
  GetThemesOfAction,
  NeededUpdate,
  PendingUpdate,
  ReadModelCache,
  TargetReadout,
} from '@actiemonitor/application';
import { Inject } from '@nestjs/common';
import { dutchCalendarDate } from '@actiemonitor/read-models';
import { PlanSummary, summarisePlan } from './format/plan-summary';
import type { ActionSurroundings } from './pages/action-surroundings';
import type { PlanSurroundings } from './pages/plan-surroundings';
import type { ActionStatus } from '@actiemonitor/domain';
import type { RecordedEvent } from '@actiemonitor/event-store';
import type {
  ActionView,
  ContextSeriesView,
  MeetingView,
  PartnerStatusRow,
  PartnerView,
  PlanView,
  ReferenceView,
  RoundOverview,
  RoundView,
  ThemeView,
} from '@actiemonitor/read-models';

/**
 * What pages read, through the same query bus (and the same `asOf` reader) as the GraphQL resolvers:
 * a page can show nothing the API would not answer. `asOf` null is now.
 */
@Injectable()
export class WebReads {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly asOfReader: AsOfReader,
    private readonly cache: ReadModelCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A plan's counts for the overview. Live ones are kept until the read models move on (ReadModelCache):
   * the overview reads every action of every plan, which is the one page whose cost grows with the data.
   */
  planSummary(plan: PlanView, asOf: Date | null): Promise<PlanSummary> {
    return this.keptWhileCurrent(asOf, `planSummary\u0000${plan.id}`, async () =>
      summarisePlan(plan.id, plan.actionLines, await this.actions({ planId: plan.id }, asOf)),
    );
  }

  /**
   * Something computed from the read models alone (a summary, a chart): now, kept until the read models
   * move on or the date changes; at an earlier moment, computed (the past is asked for rarely).
   */
  async keptWhileCurrent<T>(asOf: Date | null, key: string, compute: () => Promise<T>): Promise<T> {
    if (asOf) return compute();
    return this.cache.get(`web\u0000${key}\u0000${dutchCalendarDate(this.clock.now())}`, compute);
  }

  plans(): Promise<PlanView[]> {
    return this.queryBus.execute(new GetPlans());
  }

  plan(id: string): Promise<PlanView | null> {
    return this.queryBus.execute(new GetPlan(id));
  }

  async partnerNames(): Promise<Map<string, PartnerView>> {
    const partners = await this.queryBus.execute<GetPartners, PartnerView[]>(new GetPartners());
    return new Map(partners.map((p) => [p.id, p]));
  }

  partner(id: string): Promise<PartnerView | null> {
    return this.queryBus.execute(new GetPartner(id));
  }

  actions(
    filter: { planId?: string; partnerId?: string; status?: ActionStatus | null; carriesOut?: string },
    asOf: Date | null,
  ): Promise<ActionReadout[]> {
    const query = new GetActions({
      planId: filter.planId ?? null,
      partnerId: filter.partnerId ?? null,
      status: filter.status ?? null,
      carriesOut: filter.carriesOut ?? null,
    });
    return asOf ? this.asOfReader.execute(asOf, query) : this.queryBus.execute(query);
  }

  action(id: string, asOf: Date | null): Promise<ActionReadout | null> {
    const query = new GetAction(id);
    return asOf ? this.asOfReader.execute(asOf, query) : this.queryBus.execute(query);
  }

  partnerStatuses(planId: string | null, asOf: Date | null): Promise<PartnerStatusRow[]> {
    const query = new GetPartnerStatuses(planId);
    return asOf ? this.asOfReader.execute(asOf, query) : this.queryBus.execute(query);
  }

  targetsOfAction(actionId: string, asOf: Date | null): Promise<TargetReadout[]> {
    return this.queryBus.execute(new GetTargetsOfAction(actionId, asOf ? asOf.toISOString() : null));
  }

  actionHistory(actionId: string, asOf: Date | null): Promise<RecordedEvent[]> {
    return this.queryBus.execute(new GetActionHistory(actionId, asOf ? asOf.toISOString() : null));
  }

  /** A plan's reporting rounds; at an earlier moment, those opened by then. */
  async rounds(planId: string, asOf: Date | null): Promise<RoundView[]> {
    const rounds = await this.queryBus.execute<GetReportingRounds, RoundView[]>(new GetReportingRounds(planId));
    return asOf ? rounds.filter((r) => r.openedAt <= asOf.toISOString()) : rounds;
  }

  /** Every plan's rounds, by id (the review queue and the action page name the round of an update). */
  async allRounds(plans: PlanView[]): Promise<Map<string, RoundView>> {
    const rounds = await Promise.all(plans.map((p) => this.rounds(p.id, null)));
    return new Map(rounds.flat().map((r) => [r.id, r]));
  }

  round(roundId: string, asOf: Date | null): Promise<RoundOverview> {
    return this.queryBus.execute(new GetReportingRound(roundId, asOf));
  }

  pendingUpdates(planId: string | null): Promise<PendingUpdate[]> {
    return this.queryBus.execute(new GetPendingUpdates(planId));
  }

  actionsNeedingUpdate(partnerId: string): Promise<NeededUpdate[]> {
    return this.queryBus.execute(new GetActionsNeedingUpdate(partnerId));
  }

  staleActions(filter: { planId: string | null; partnerId: string | null }, days: number, asOf: Date | null): Promise<ActionView[]> {
    return this.queryBus.execute(new GetStaleActions(filter, days, asOf));
  }

  /** A plan's meetings, the most recently held first; at an earlier moment, those recorded by then. */
  meetings(planId: string, asOf: Date | null): Promise<MeetingView[]> {
    return this.queryBus.execute(new GetMeetings(planId, asOf));
  }

  /** A meeting with what became of each agreement (at the moment asked for). */
  meeting(meetingId: string, asOf: Date | null): Promise<MeetingReadout> {
    return this.queryBus.execute(new GetMeeting(meetingId, asOf));
  }

  meetingOfAction(actionId: string, asOf: Date | null): Promise<MeetingView | null> {
    return this.queryBus.execute(new GetMeetingOfAction(actionId, asOf));
  }

  references(asOf: Date | null): Promise<ReferenceView[]> {
    return this.queryBus.execute(new GetParliamentaryReferences(asOf));
  }

  referencesOf(subject: 'PLAN' | 'ACTION', subjectId: string, asOf: Date | null): Promise<ReferenceView[]> {
    return this.queryBus.execute(new GetReferencesOf(subject, subjectId, asOf));
  }

  themes(planId: string, asOf: Date | null): Promise<ThemeView[]> {
    return this.queryBus.execute(new GetThemes(planId, asOf));
  }

  themesOfAction(actionId: string, asOf: Date | null): Promise<ThemeView[]> {
    return this.queryBus.execute(new GetThemesOfAction(actionId, asOf));
  }

  contextSeries(planId: string, asOf: Date | null): Promise<ContextSeriesView[]> {
    return this.queryBus.execute(new GetContextSeries({ planId }, asOf));
  }

  /** The kamerstukken an action answers to, the themes it serves, and its plans' context figures. */
  async actionSurroundings(action: ActionReadout, asOf: Date | null): Promise<ActionSurroundings> {
    const [references, themes, series] = await Promise.all([
      this.referencesOf('ACTION', action.id, asOf),
      this.themesOfAction(action.id, asOf),
      Promise.all(action.memberships.map((m) => this.contextSeries(m.planId, asOf))),
    ]);
    return { references, themes, contextSeries: series.flat() };
  }

  /** A plan's kamerstukken, themes and context figures, with the descriptions of the targets the figures name. */
  async planSurroundings(plan: PlanView, asOf: Date | null): Promise<PlanSurroundings> {
    const [references, themes, contextSeries, targets] = await Promise.all([
      this.referencesOf('PLAN', plan.id, asOf),
      this.themes(plan.id, asOf),
      this.contextSeries(plan.id, asOf),
      Promise.all(
        plan.actionLines.map((l) =>
          this.queryBus.execute<GetTargetsOfActionLine, TargetReadout[]>(new GetTargetsOfActionLine(plan.id, l.id)),
        ),
      ),
    ]);
    return { references, themes, contextSeries, targetNames: new Map(targets.flat().map((t) => [t.id, t.description])) };
  }
}
