import { Inject, Injectable } from '@nestjs/common';
import { InvalidInput } from '@actiemonitor/domain';
import { APPLICATION_MESSAGES } from '../application.messages';
import { dutchCalendarDate, isOverdue, PartnerStatusRow } from '@actiemonitor/read-models';
import { CLOCK, Clock, READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { ActionReadout, assertPlanExists, GetAction, GetActions, GetPartnerStatuses } from './action.queries';

/**
 * Answers a query as it would have been answered at `asOf`: only events recorded up to then count,
 * and `overdue` is judged at that date (in the Netherlands).
 */
@Injectable()
export class AsOfReader {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(asOf: Date, query: GetAction): Promise<ActionReadout | null>;
  async execute(asOf: Date, query: GetActions): Promise<ActionReadout[]>;
  async execute(asOf: Date, query: GetPartnerStatuses): Promise<PartnerStatusRow[]>;
  async execute(asOf: Date, query: GetAction | GetActions | GetPartnerStatuses): Promise<unknown> {
    if (Number.isNaN(asOf.getTime())) throw new InvalidInput('asOf', APPLICATION_MESSAGES.asOfInvalid);
    if (asOf.getTime() > this.clock.now().getTime()) throw new InvalidInput('asOf', APPLICATION_MESSAGES.asOfInFuture);
    const instant = asOf.toISOString();
    const today = dutchCalendarDate(asOf);
    if (query instanceof GetAction) {
      const view = await this.readModels.actionAsOf(query.actionId, instant);
      return view && { ...view, overdue: isOverdue(view, today), asOf: instant };
    }
    if (query instanceof GetActions) {
      await assertPlanExists(this.readModels, query.filter.planId);
      const partnerId = query.filter.partnerId ? await this.readModels.resolvePartnerId(query.filter.partnerId) : null;
      return (await this.readModels.actionsAsOf({ ...query.filter, partnerId }, instant)).map((view) => ({
        ...view,
        overdue: isOverdue(view, today),
        asOf: instant,
      }));
    }
    await assertPlanExists(this.readModels, query.planId);
    return this.readModels.partnerStatusesAsOf(query.planId, instant, today);
  }
}
