import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isClosedStatus } from '@actiemonitor/domain';
import { dutchCalendarDate, PlanView } from '@actiemonitor/read-models';
import { actionsCsv, csvFileName } from '../format/action-csv';
import { addMonths, formatInstant } from '../format/dutch-dates';
import { countStatuses } from '../format/plan-summary';
import { MessagePage } from '../pages/message-page';
import { PartnerPage } from '../pages/partner-page';
import { sendCsv, sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

@Controller()
export class PartnerController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
  ) {}

  @Get('/partners/:partnerId')
  async show(@Param('partnerId') partnerId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const context = this.pages.context(request);
    const asOf = context.peildatum?.asOf ?? null;
    const found = await this.partnerWithActions(partnerId, asOf);
    if (!found) return this.pages.notFound(request, reply, `Er is geen partner met id of naam ‘${partnerId}’.`);
    const { partner, actions, partners, plans } = found;
    const today = dutchCalendarDate(asOf ?? this.pages.now());
    const soonUntil = addMonths(today, 3);
    const dueSoon = actions
      .filter((a) => a.deadline && !isClosedStatus(a.status) && a.deadline.end >= today && a.deadline.end <= soonUntil)
      .sort((a, b) => (a.deadline!.end < b.deadline!.end ? -1 : 1));
    const planById = new Map<string, PlanView>(plans.map((p) => [p.id, p]));
    const planIds = [...new Set(actions.map((a) => a.planId))];
    const byPlan = planIds.map((planId) => ({
      planId,
      plan: planById.get(planId) ?? null,
      actions: actions.filter((a) => a.planId === planId),
    }));
    const page = PartnerPage({
      context,
      partner,
      counts: countStatuses(actions),
      overdue: actions.filter((a) => a.overdue),
      dueSoon,
      soonUntil,
      byPlan,
      partners,
    });
    return sendPage(reply, page, context.peildatumError ? 400 : 200);
  }

  @Get('/partners/:partnerId/acties.csv')
  async download(@Param('partnerId') partnerId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const context = this.pages.context(request);
    if (context.peildatumError) {
      return sendPage(
        reply,
        MessagePage({ context, title: 'Ongeldige peildatum', message: `Peildatum: ${context.peildatumError.reason}.` }),
        400,
      );
    }
    const found = await this.partnerWithActions(partnerId, context.peildatum?.asOf ?? null);
    if (!found) return this.pages.notFound(request, reply, `Er is geen partner met id of naam ‘${partnerId}’.`);
    const { partner, actions, partners, plans } = found;
    const standVan = context.peildatum?.label ?? formatInstant(this.pages.now());
    return sendCsv(
      reply,
      csvFileName(`${partner.id}-acties`),
      actionsCsv(actions, new Map(plans.map((p) => [p.id, p])), partners, standVan),
    );
  }

  /** The partner (aliases work: NJi, nji and NJI are one partner), its actions at the moment, and the names around them. */
  private async partnerWithActions(partnerId: string, asOf: Date | null) {
    const partner = await this.reads.partner(partnerId);
    if (!partner) return null;
    const [actions, partners, plans] = await Promise.all([
      this.reads.actions({ partnerId: partner.id }, asOf),
      this.reads.partnerNames(),
      this.reads.plans(),
    ]);
    return { partner, actions, partners, plans };
  }
}
