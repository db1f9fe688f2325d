import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readRegionsFile, RegionsFile } from '@actiemonitor/application';
import type { Configuration } from '@actiemonitor/config';
import { CONFIGURATION } from '@actiemonitor/platform';
import { RegionsPage } from '../pages/regions-page';
import { sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

/** `/regios`: the 42 jeugdzorgregio's (partners of kind `region`), how many actions each owns, and where the list comes from. */
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
    for (const action of actions) for (const owner of action.owners) owned.set(owner, (owned.get(owner) ?? 0) + 1);
    const regions = [...partners.values()]
      .filter((p) => p.kind === 'region')
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((region) => ({ region, owns: owned.get(region.id) ?? 0 }));
    if (this.source === undefined) this.source = readRegionsFile(this.config.PLANS_DIR)?.source ?? null;
    return sendPage(reply, RegionsPage({ context, regions, source: this.source }), context.peildatumError ? 400 : 200);
  }
}
