import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInput, NotFound } from '@actiemonitor/domain';
import {
  ActionView,
  dutchCalendarDate,
  isOverdue,
  isRoundOpen,
  isStale,
  ProgressUpdateView,
  RoundOverview,
  roundOverview,
  RoundView,
} from '@actiemonitor/read-models';
import { CLOCK, Clock, READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { APPLICATION_MESSAGES } from '../application.messages';
import { ActionReadout, assertPlanExists } from './action.queries';

/** The round with, per owner and action, where their update stands; at `asOf` when given. */
export class GetReportingRound {
  constructor(
    readonly roundId: string,
    readonly asOf: Date | null = null,
  ) {}
}
export class GetReportingRounds {
  constructor(readonly planId: string) {}
}
/** Updates waiting for a coordinator, oldest first (optionally of one plan). */
export class GetPendingUpdates {
  constructor(readonly planId: string | null) {}
}
/** Actions without a status report in the last `days` days (default 90), by plan and partner. */
export class GetStaleActions {
  constructor(
    readonly filter: { planId?: string | null; partnerId?: string | null },
    readonly days: number = DEFAULT_STALE_DAYS,
    readonly asOf: Date | null = null,
  ) {}
}
/** What an owner still has to report in the rounds open today: "Bij te werken". */
export class GetActionsNeedingUpdate {
  constructor(readonly partnerId: string) {}
}

export const DEFAULT_STALE_DAYS = 90;

export interface PendingUpdate {
  action: ActionReadout;
  update: ProgressUpdateView;
}
export interface NeededUpdate {
  round: RoundView;
  action: ActionReadout;
  /** The owner's latest update in the round when a coordinator returned it: they should submit again. */
  returned: ProgressUpdateView | null;
}

const withOverdue = (view: ActionView, today: string): ActionReadout => ({ ...view, overdue: isOverdue(view, today) });

/** An instant in the past or now; the moment a question is asked about. */
function instantOf(asOf: Date | null, clock: Clock): Date {
  const now = clock.now();
  if (asOf === null) return now;
  if (Number.isNaN(asOf.getTime())) throw new InvalidInput('asOf', APPLICATION_MESSAGES.asOfInvalid);
  if (asOf.getTime() > now.getTime()) throw new InvalidInput('asOf', APPLICATION_MESSAGES.asOfInFuture);
  return asOf;
}

@QueryHandler(GetReportingRound)
export class GetReportingRoundHandler implements IQueryHandler<GetReportingRound, RoundOverview> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ roundId, asOf }: GetReportingRound): Promise<RoundOverview> {
    const instant = instantOf(asOf, this.clock);
    const round = await this.readModels.round(roundId);
    if (!round || (asOf && round.openedAt > instant.toISOString())) throw new NotFound(APPLICATION_MESSAGES.roundNotFound(roundId));
    const actions: ActionView[] = [];
    for (const id of round.actionIds) {
      const view = asOf ? await this.readModels.actionAsOf(id, instant.toISOString()) : await this.readModels.action(id);
      if (view) actions.push(view);
    }
    return roundOverview(round, actions);
  }
}

@QueryHandler(GetReportingRounds)
export class GetReportingRoundsHandler implements IQueryHandler<GetReportingRounds, RoundView[]> {
  constructor(@Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries) {}
  async execute({ planId }: GetReportingRounds): Promise<RoundView[]> {
    await assertPlanExists(this.readModels, planId);
    return this.readModels.rounds(planId);
  }
}

@QueryHandler(GetPendingUpdates)
export class GetPendingUpdatesHandler implements IQueryHandler<GetPendingUpdates, PendingUpdate[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ planId }: GetPendingUpdates): Promise<PendingUpdate[]> {
    await assertPlanExists(this.readModels, planId);
    const today = dutchCalendarDate(this.clock.now());
    const pending = (await this.readModels.actions({ planId })).flatMap((action) =>
      action.updates.filter((u) => u.state === 'PENDING').map((update) => ({ action: withOverdue(action, today), update })),
    );
    return pending.sort((a, b) => a.update.submittedAt.localeCompare(b.update.submittedAt));
  }
}

@QueryHandler(GetStaleActions)
export class GetStaleActionsHandler implements IQueryHandler<GetStaleActions, ActionReadout[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ filter, days, asOf }: GetStaleActions): Promise<ActionReadout[]> {
    if (!Number.isInteger(days) || days < 1 || days > 3650) throw new InvalidInput('days', APPLICATION_MESSAGES.staleDaysRange);
    const instant = instantOf(asOf, this.clock);
    await assertPlanExists(this.readModels, filter.planId);
    const partnerId = filter.partnerId ? await this.readModels.resolvePartnerId(filter.partnerId) : null;
    const query = { planId: filter.planId ?? null, partnerId };
    const actions = asOf ? await this.readModels.actionsAsOf(query, instant.toISOString()) : await this.readModels.actions(query);
    const today = dutchCalendarDate(instant);
    return actions.filter((a) => isStale(a, today, days)).map((a) => withOverdue(a, today));
  }
}

@QueryHandler(GetActionsNeedingUpdate)
export class GetActionsNeedingUpdateHandler implements IQueryHandler<GetActionsNeedingUpdate, NeededUpdate[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ partnerId }: GetActionsNeedingUpdate): Promise<NeededUpdate[]> {
    const today = dutchCalendarDate(this.clock.now());
    const needed: NeededUpdate[] = [];
    for (const plan of await this.readModels.plans()) {
      for (const round of await this.readModels.rounds(plan.id)) {
        if (!isRoundOpen(round, today)) continue;
        for (const item of roundOverview(round, await this.actionsOf(round)).items) {
          if (item.partnerId !== partnerId || (item.state !== 'MISSING' && item.state !== 'RETURNED')) continue;
          const action = (await this.readModels.action(item.actionId)) as ActionView;
          needed.push({ round, action: withOverdue(action, today), returned: item.state === 'RETURNED' ? item.update : null });
        }
      }
    }
    return needed;
  }

  private async actionsOf(round: RoundView): Promise<ActionView[]> {
    const views = await Promise.all(round.actionIds.map((id) => this.readModels.action(id)));
    return views.filter((v): v is ActionView => v !== null);
  }
}
