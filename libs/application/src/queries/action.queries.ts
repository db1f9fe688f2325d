import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ActionStatus, NotFound, PLAN_MESSAGES } from '@actiemonitor/domain';
import { ActionView, dutchCalendarDate, isOverdue, PartnerStatusRow } from '@actiemonitor/read-models';
import { CLOCK, Clock, READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { ReadModelCache } from './read-model-cache';

/**
 * An action as read at a moment: the view plus what depends on the date (overdue), and, when read as it
 * was at an earlier instant, that instant (so its fields, such as targets, are read as of then too).
 */
export type ActionReadout = ActionView & { overdue: boolean; asOf?: string };

export class GetAction {
  constructor(readonly actionId: string) {}
}
export class GetActions {
  constructor(
    readonly filter: {
      planId?: string | null;
      actionLineId?: string | null;
      partnerId?: string | null;
      status?: ActionStatus | null;
      /** The regional instances of this national action. */
      carriesOut?: string | null;
    },
  ) {}
}
export class GetPartnerStatuses {
  constructor(readonly planId: string | null) {}
}

function readout(view: ActionView, today: string): ActionReadout {
  return { ...view, overdue: isOverdue(view, today) };
}

/** A plan asked for by id must exist: a typo deserves NOT_FOUND, not an empty list that looks like an answer. */
export async function assertPlanExists(readModels: ReadModelQueries, planId: string | null | undefined): Promise<void> {
  if (planId && !(await readModels.plan(planId))) throw new NotFound(PLAN_MESSAGES.notFound(planId));
}

/** The read logic of each query, shared by the live handlers and by time travel (asOf). */
export const readAction = async (readModels: ReadModelQueries, { actionId }: GetAction, today: string): Promise<ActionReadout | null> => {
  const view = await readModels.action(actionId);
  return view && readout(view, today);
};
export const readActions = async (readModels: ReadModelQueries, { filter }: GetActions, today: string): Promise<ActionReadout[]> => {
  await assertPlanExists(readModels, filter.planId);
  const partnerId = filter.partnerId ? await readModels.resolvePartnerId(filter.partnerId) : null;
  return (await readModels.actions({ ...filter, partnerId })).map((v) => readout(v, today));
};
export const readPartnerStatuses = async (
  readModels: ReadModelQueries,
  { planId }: GetPartnerStatuses,
  today: string,
): Promise<PartnerStatusRow[]> => {
  await assertPlanExists(readModels, planId);
  return readModels.partnerStatuses(planId, today);
};

@QueryHandler(GetAction)
export class GetActionHandler implements IQueryHandler<GetAction, ActionReadout | null> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute(query: GetAction): Promise<ActionReadout | null> {
    return readAction(this.readModels, query, dutchCalendarDate(this.clock.now()));
  }
}

@QueryHandler(GetActions)
export class GetActionsHandler implements IQueryHandler<GetActions, ActionReadout[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute(query: GetActions): Promise<ActionReadout[]> {
    return readActions(this.readModels, query, dutchCalendarDate(this.clock.now()));
  }
}

@QueryHandler(GetPartnerStatuses)
export class GetPartnerStatusesHandler implements IQueryHandler<GetPartnerStatuses, PartnerStatusRow[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cache: ReadModelCache,
  ) {}
  async execute(query: GetPartnerStatuses): Promise<PartnerStatusRow[]> {
    // Dashboards ask for the same counts over and over; they change only when the read models do.
    const today = dutchCalendarDate(this.clock.now());
    return this.cache.get(`partnerStatuses\u0000${query.planId ?? ''}\u0000${today}`, () =>
      readPartnerStatuses(this.readModels, query, today),
    );
  }
}
