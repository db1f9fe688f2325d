import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { ActionReadout, AsOfReader, GetActions, GetPartner } from '@actiemonitor/application';
import type { PartnerStatusRow, PartnerView } from '@actiemonitor/read-models';
import { ActionType } from '../types/action.type';
import { PartnerStatusType } from '../types/partner-status.type';
import { PartnerType } from '../types/partner.type';

/** Rows from partnerStatuses carry the plan filter, so `actions` lists the same actions that were counted. */
type PartnerStatusParent = PartnerStatusRow & { planId?: string | null; asOf?: Date | null };

@Resolver(() => PartnerStatusType)
export class PartnerStatusFieldsResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly asOfReader: AsOfReader,
  ) {}

  @ResolveField(() => PartnerType)
  async partner(@Parent() row: PartnerStatusParent): Promise<PartnerView> {
    const partner = await this.queryBus.execute<GetPartner, PartnerView | null>(new GetPartner(row.partnerId));
    return partner ?? { id: row.partnerId, name: row.partnerId, kind: 'organisation', aliases: [] };
  }

  @ResolveField(() => [ActionType])
  actions(@Parent() row: PartnerStatusParent): Promise<ActionReadout[]> {
    const query = new GetActions({ planId: row.planId ?? null, partnerId: row.partnerId });
    return row.asOf ? this.asOfReader.execute(row.asOf, query) : this.queryBus.execute(query);
  }
}
