import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ExecuteRoundCommand } from '@actiemonitor/application';
import { dutchCalendarDate, PartnerView } from '@actiemonitor/read-models';
import { formatInstant } from '../format/dutch-dates';
import { openRoundFrom, roundIdFor } from '../forms/form-commands';
import type { RefusedForm } from '../forms/form-state';
import { FormWrites } from '../forms/form-writes';
import { actionsCsv, csvFileName } from '../format/action-csv';
import { filterParams, readActionFilters } from '../format/action-filters';
import { MessagePage } from '../pages/message-page';
import { PlanPage, STATUS_CHART_TITLE } from '../pages/plan-page';
import { statusByPartnerSvg } from '../components/status-chart';
import { seeOther, sendCsv, sendPage } from '../render';
import { canEdit } from '../session/viewer';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

@Controller()
export class PlanController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
    private readonly forms: FormWrites,
  ) {}

  @Get('/plannen/:planId')
  async show(@Param('planId') planId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    return this.render(request, reply, planId, { refused: null, status: 200 });
  }

  /** A coordinator opens a reporting round for all of the plan's actions; then on to the round's page. */
  @Post('/plannen/:planId/rondes')
  async onOpenRound(@Param('planId') planId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.forms.refused(request, reply, 'write')) return;
    const plan = await this.reads.plan(planId);
    if (!plan) return this.pages.notFound(request, reply, `Er is geen plan met id ‘${planId}’.`);
    let roundId = '';
    const outcome = await this.forms.execute(request, reply, {
      form: 'ronde',
      itemId: null,
      toMessage: (values) => {
        const command = openRoundFrom(plan.id, values);
        roundId = command.roundId;
        return new ExecuteRoundCommand(command, this.forms.meta(request));
      },
      onConflict: async () => ({
        field: 'title',
        reason: `er is al een rapportageronde met deze titel in dit plan (${roundIdFor(plan.id, this.forms.field(request, 'title'))}); kies een andere titel`,
      }),
    });
    if (outcome.kind === 'answered') return;
    if (outcome.kind === 'refused') return this.render(request, reply, plan.id, outcome);
    return seeOther(reply, `/rondes/${roundId}?opgeslagen=ronde`);
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    planId: string,
    state: { refused: RefusedForm | null; status: number },
  ) {
    const filters = readActionFilters(request.query as Record<string, unknown>);
    const context = this.pages.context(request, filterParams(filters));
    const plan = await this.reads.plan(planId);
    if (!plan) return this.pages.notFound(request, reply, `Er is geen plan met id ‘${planId}’.`);
    const asOf = context.peildatum?.asOf ?? null;
    const [all, partners, statusRows, rounds, surroundings] = await Promise.all([
      this.reads.actions({ planId }, asOf),
      this.reads.partnerNames(),
      this.reads.partnerStatuses(planId, asOf),
      this.reads.rounds(planId, asOf),
      this.reads.planSurroundings(plan, asOf),
    ]);
    const owners = [...new Set(all.flatMap((a) => a.owners))]
      .map((id) => partners.get(id) ?? ({ id, name: id, kind: 'organisation', aliases: [] } as PartnerView))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const actions = await this.filtered(planId, filters, asOf, all);
    // The chart is most of the page's work and depends only on the counts: kept while they hold.
    const chart = await this.reads.keptWhileCurrent(asOf, `statusChart\u0000${planId}`, async () =>
      statusByPartnerSvg(statusRows, STATUS_CHART_TITLE),
    );
    const today = dutchCalendarDate(asOf ?? this.pages.now());
    const roundForm =
      canEdit(context.viewer) && context.peildatum === null
        ? { csrf: context.csrf, refused: state.refused, commandId: this.forms.commandIds(request, state.refused) }
        : null;
    return sendPage(
      reply,
      PlanPage({ context, plan, actions, filters, owners, partners, statusRows, chart, rounds, today, roundForm, surroundings, all }),
      context.peildatumError ? 400 : state.status,
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
