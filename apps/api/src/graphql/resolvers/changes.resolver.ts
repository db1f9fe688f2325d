import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { ActionChangesReadout, GetChanges, reportPartnerScope } from '@actiemonitor/application';
import { Allow } from '../../auth/allow.decorator';
import { RequestContext } from '../../auth/request-context';
import { LookupId } from '../inputs/validation';
import { DateTimeScalar } from '../scalars';
import { ActionChangesType } from '../types/changes.type';

@Resolver()
export class ChangesResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [ActionChangesType], {
    description:
      'Wat er tussen twee tijdstippen veranderde, per actie van het plan, in volgorde van het logboek. Partners zien alleen hun eigen acties; naar die van een ander vragen wordt geweigerd.',
  })
  @Allow('read')
  changes(
    @Args('planId', { type: () => ID }, LookupId('planId')) planId: string,
    @Args('from', { type: () => DateTimeScalar }) from: Date,
    @Args('to', { type: () => DateTimeScalar }) to: Date,
    @Args('partnerId', { type: () => ID, nullable: true }, LookupId('partnerId')) partnerId: string | null,
    @Context() ctx: RequestContext,
  ): Promise<ActionChangesReadout[]> {
    const scope = reportPartnerScope(ctx.principal ?? null, partnerId ?? null);
    return this.queryBus.execute(new GetChanges(planId, from.toISOString(), to.toISOString(), scope));
  }
}
