import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HomePage } from '../pages/home-page';
import { sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

@Controller()
export class HomeController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
  ) {}

  @Get('/')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const context = this.pages.context(request);
    const asOf = context.peildatum?.asOf ?? null;
    // The national plans; regional plans (42 regions' own and their follow-up) are on /regios and each region's page.
    const plans = (await this.reads.plans()).filter((plan) => !plan.regionId);
    const summaries = await Promise.all(plans.map(async (plan) => ({ plan, summary: await this.reads.planSummary(plan, asOf) })));
    return sendPage(reply, HomePage({ context, plans: summaries }), context.peildatumError ? 400 : 200);
  }
}
