import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PartnerView } from '@actiemonitor/read-models';
import { formatInstant } from '../format/dutch-dates';
import { actionsCsv, csvFileName } from '../format/action-csv';
import { filterParams, readActionFilters } from '../format/action-filters';
import { MessagePage } from '../pages/message-page';
import { PlanPage, STATUS_CHART_TITLE } from '../pages/plan-page';
import { statusByPartnerSvg } from '../components/status-chart';
import { sendCsv, sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

@Controller()
export class PlanController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
  ) {}

  @Get('/plannen/:planId')
  async show(@Param('planId') planId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const filters = readActionFilters(request.query as Record<string, unknown>);
    const context = this.pages.context(request, filterParams(filters));
    const plan = await this.reads.plan(planId);
    if (!plan) return this.pages.notFound(request, reply, `Er is geen plan met id ‘${planId}’.`);
    const asOf = context.peildatum?.asOf ?? null;
    const [all, partners, statusRows] = await Promise.all([
      this.reads.actions({ planId }, asOf),
      this.reads.partnerNames(),
      this.reads.partnerStatuses(planId, asOf),
    ]);
    const owners = [...new Set(all.flatMap((a) => a.owners))]
      .map((id) => partners.get(id) ?? ({ id, name: id, kind: 'organisation', aliases: [] } as PartnerView))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const actions = await this.filtered(planId, filters, asOf, all);
    // The chart is most of the page's work and depends only on the counts: kept while they hold.
    const chart = await this.reads.keptWhileCurrent(asOf, `statusChart\u0000${planId}`, async () =>
      statusByPartnerSvg(statusRows, STATUS_CHART_TITLE),
    );
    return sendPage(
      reply,
      PlanPage({ context, plan, actions, filters, owners, partners, statusRows, chart }),
      context.peildatumError ? 400 : 200,
    );
  }

  @Get('/plannen/:planId/acties.csv')
  async download(@Param('planId') planId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const filters = readActionFilters(request.query as Record<string, unknown>);
    const context = this.pages.context(request, filterParams(filters));
    if (context.peildatumError) {
      return sendPage(
        reply,
        MessagePage({ context, title: 'Ongeldige peildatum', message: `Peildatum: ${context.peildatumError.reason}.` }),
        400,
      );
    }
    const plan = await this.reads.plan(planId);
    if (!plan) return this.pages.notFound(request, reply, `Er is geen plan met id ‘${planId}’.`);
    const asOf = context.peildatum?.asOf ?? null;
    const actions = await this.filtered(planId, filters, asOf, null);
    const partners = await this.reads.partnerNames();
    const standVan = context.peildatum?.label ?? formatInstant(this.pages.now());
    return sendCsv(reply, csvFileName(`${plan.id}-acties`), actionsCsv(actions, new Map([[plan.id, plan]]), partners, standVan, plan.id));
  }

  /** The plan's actions with the page's filters: partner and status through the query, overdue after. */
  private async filtered(
    planId: string,
    filters: ReturnType<typeof readActionFilters>,
    asOf: Date | null,
    all: Awaited<ReturnType<WebReads['actions']>> | null,
  ) {
    const actions =
      all && !filters.partner && !filters.status
        ? all
        : await this.reads.actions({ planId, partnerId: filters.partner ?? undefined, status: filters.status }, asOf);
    return filters.overdue ? actions.filter((a) => a.overdue) : actions;
  }
}
