import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { ActionReadout, AsOfReader, GetActions } from '@actiemonitor/application';
import type { PartnerStatusRow } from '@actiemonitor/read-models';
import { ActionType } from '../types/action.type';
import { PartnerStatusType } from '../types/partner-status.type';

/**
 * Rows from partnerStatuses carry the plan filter, so `actions` lists the same actions that were counted,
 * and their `partner`, looked up once per request by the query (a plain field, no resolver per row).
 */
type PartnerStatusParent = PartnerStatusRow & { planId?: string | null; asOf?: Date | null };

@Resolver(() => PartnerStatusType)
export class PartnerStatusFieldsResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly asOfReader: AsOfReader,
  ) {}

  @ResolveField(() => [ActionType])
  actions(@Parent() row: PartnerStatusParent): Promise<ActionReadout[]> {
    const query = new GetActions({ planId: row.planId ?? null, partnerId: row.partnerId });
    return row.asOf ? this.asOfReader.execute(row.asOf, query) : this.queryBus.execute(query);
  }
}
