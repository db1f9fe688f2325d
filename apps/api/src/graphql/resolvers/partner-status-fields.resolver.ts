import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { ActionReadout, GetActions, GetPartner } from '@actiemonitor/application';
import type { PartnerStatusRow, PartnerView } from '@actiemonitor/read-models';
import { ActionType } from '../types/action.type';
import { PartnerStatusType } from '../types/partner-status.type';
import { PartnerType } from '../types/partner.type';

/** Rows from partnerStatuses carry the plan filter, so `actions` lists the same actions that were counted. */
type PartnerStatusParent = PartnerStatusRow & { planId?: string | null; asOfActions?: ActionReadout[] };

@Resolver(() => PartnerStatusType)
export class PartnerStatusFieldsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => PartnerType)
  async partner(@Parent() row: PartnerStatusParent): Promise<PartnerView> {
    const partner = await this.queryBus.execute<GetPartner, PartnerView | null>(new GetPartner(row.partnerId));
    return partner ?? { id: row.partnerId, name: row.partnerId, kind: 'organisation', aliases: [] };
  }

  @ResolveField(() => [ActionType])
  actions(@Parent() row: PartnerStatusParent): Promise<ActionReadout[]> {
    if (row.asOfActions) return Promise.resolve(row.asOfActions);
    return this.queryBus.execute(new GetActions({ planId: row.planId ?? null, partnerId: row.partnerId }));
  }
}
