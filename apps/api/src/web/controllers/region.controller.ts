import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readRegionsFile, RegionsFile } from '@actiemonitor/application';
import type { ActionStatus } from '@actiemonitor/domain';
import type { Configuration } from '@actiemonitor/config';
import { CONFIGURATION } from '@actiemonitor/platform';
import { RegionPage } from '../pages/region-page';
import { RegionsPage } from '../pages/regions-page';
import { sendPage } from '../render';
import { ACTION_STATUSES } from '../status-labels';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

const noCounts = () => Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;

/** `/regios` and `/regios/{id}`: the 42 jeugdzorgregio's, their regional actions per status, and each region's own page. */
@Controller()
export class RegionController {
  private source: RegionsFile['source'] | null | undefined;

  constructor(
    @Inject(CONFIGURATION) private readonly config: Configuration,
    private readonly pages: WebPages,
    private readonly reads: WebReads,
  ) {}

  @Get('/regios')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const context = this.pages.context(request);
    const asOf = context.peildatum?.asOf ?? null;
    const [partners, actions] = await Promise.all([this.reads.partnerNames(), this.reads.actions({}, asOf)]);
    const owned = new Map<string, number>();
    const byRegion = new Map<string, Record<ActionStatus, number>>();
    for (const action of actions) {
      if (action.regionId) {
        const counts = byRegion.get(action.regionId) ?? noCounts();
        counts[action.status] += 1;
        byRegion.set(action.regionId, counts);
      } else {
        for (const owner of action.owners) owned.set(owner, (owned.get(owner) ?? 0) + 1);
      }
    }
    const regions = [...partners.values()]
      .filter((p) => p.kind === 'region')
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((region) => {
        const byStatus = byRegion.get(region.id) ?? noCounts();
        const regionalActions = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
        return { region, owns: owned.get(region.id) ?? 0, byStatus, regionalActions };
      });
    if (this.source === undefined) this.source = readRegionsFile(this.config.PLANS_DIR)?.source ?? null;
    return sendPage(reply, RegionsPage({ context, regions, source: this.source }), context.peildatumError ? 400 : 200);
  }

  @Get('/regios/:regionId')
  async region(@Param('regionId') regionId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const context = this.pages.context(request);
    const asOf = context.peildatum?.asOf ?? null;
    const [partners, plans] = await Promise.all([this.reads.partnerNames(), this.reads.plans()]);
    const region = partners.get(regionId);
    if (region?.kind !== 'region') return this.pages.notFound(request, reply, `Er is geen jeugdzorgregio met id ‘${regionId}’.`);
    const regionalPlans = plans.filter((plan) => plan.regionId === region.id);
    const [withActions, owned] = await Promise.all([
      Promise.all(regionalPlans.map(async (plan) => ({ plan, actions: await this.reads.actions({ planId: plan.id }, asOf) }))),
      this.reads.actions({ partnerId: region.id }, asOf),
    ]);
    const page = RegionPage({ context, region, plans: withActions, owned: owned.filter((a) => !a.regionId), partners });
    return sendPage(reply, page, context.peildatumError ? 400 : 200);
  }
}
