import { Inject, Injectable } from '@nestjs/common';
import { InvalidInput } from '@actiemonitor/domain';
import { dutchCalendarDate, PartnerStatusRow } from '@actiemonitor/read-models';
import { CLOCK, Clock, HISTORICAL_READ_MODELS, HistoricalReadModels } from '../ports';
import { ActionReadout, GetAction, GetActions, GetPartnerStatuses, readAction, readActions, readPartnerStatuses } from './action.queries';

/**
 * Answers a query as it would have been answered at `asOf`: only events recorded up to then count,
 * and `overdue` is judged at that date.
 */
@Injectable()
export class AsOfReader {
  constructor(
    @Inject(HISTORICAL_READ_MODELS) private readonly history: HistoricalReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(asOf: Date, query: GetAction): Promise<ActionReadout | null>;
  async execute(asOf: Date, query: GetActions): Promise<ActionReadout[]>;
  async execute(asOf: Date, query: GetPartnerStatuses): Promise<PartnerStatusRow[]>;
  async execute(asOf: Date, query: GetAction | GetActions | GetPartnerStatuses): Promise<unknown> {
    if (Number.isNaN(asOf.getTime())) throw new InvalidInput('asOf', 'geen geldig tijdstip (invalid date-time)');
    if (asOf.getTime() > this.clock.now().getTime()) throw new InvalidInput('asOf', 'ligt in de toekomst (asOf is in the future)');
    const { queries, close } = await this.history.open(asOf);
    try {
      const today = dutchCalendarDate(asOf);
      if (query instanceof GetAction) return readAction(queries, query, today);
      if (query instanceof GetActions) return readActions(queries, query, today);
      return readPartnerStatuses(queries, query, today);
    } finally {
      close();
    }
  }
}
