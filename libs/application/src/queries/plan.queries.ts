import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { ReadModelCache } from './read-model-cache';

export class GetPlans {}
export class GetPlan {
  constructor(readonly planId: string) {}
}
export class GetPartners {}
export class GetPartner {
  constructor(readonly partnerId: string) {}
}

@QueryHandler(GetPlans)
export class GetPlansHandler implements IQueryHandler<GetPlans, PlanView[]> {
  constructor(@Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries) {}
  async execute(): Promise<PlanView[]> {
    return this.readModels.plans();
  }
}

@QueryHandler(GetPlan)
export class GetPlanHandler implements IQueryHandler<GetPlan, PlanView | null> {
  constructor(@Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries) {}
  async execute({ planId }: GetPlan): Promise<PlanView | null> {
    return this.readModels.plan(planId);
  }
}

@QueryHandler(GetPartners)
export class GetPartnersHandler implements IQueryHandler<GetPartners, PartnerView[]> {
  constructor(
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    private readonly cache: ReadModelCache,
  ) {}
  async execute(): Promise<PartnerView[]> {
    return this.cache.get('partners', () => this.readModels.partners());
  }
}

@QueryHandler(GetPartner)
export class GetPartnerHandler implements IQueryHandler<GetPartner, PartnerView | null> {
  constructor(@Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries) {}
  async execute({ partnerId }: GetPartner): Promise<PartnerView | null> {
    return (await this.readModels.partner(partnerId)) ?? this.readModels.partner(await this.readModels.resolvePartnerId(partnerId));
  }
}
