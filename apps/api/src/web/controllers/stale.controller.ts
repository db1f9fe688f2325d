import { WEB_MESSAGES } from '../web.messages';
import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_STALE_DAYS } from '@actiemonitor/application';
import { InvalidInput, NotFound } from '@actiemonitor/domain';
import { dutchCalendarDate, PlanView } from '@actiemonitor/read-models';
import { StalePage } from '../pages/stale-page';
import { sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const PARTNER = /^[A-Za-z][A-Za-z0-9-]{0,39}$/;

/**
 * `/verouderd`: actions without a status report in the last `dagen` days (90 unless asked), per plan,
 * optionally of one plan or partner; a GET form, so the list is a link to share. `?peildatum=` as elsewhere.
 */
@Controller()
export class StaleController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
  ) {}

  @Get('/verouderd')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const query = request.query as Record<string, unknown>;
    const planId = typeof query.plan === 'string' && SLUG.test(query.plan) ? query.plan : null;
    const partnerId = typeof query.partner === 'string' && PARTNER.test(query.partner) ? query.partner : null;
    const daysInput = typeof query.dagen === 'string' ? query.dagen.trim().slice(0, 20) : '';
    const keep: Record<string, string> = {};
    if (planId) keep.plan = planId;
    if (partnerId) keep.partner = partnerId;
    if (daysInput) keep.dagen = daysInput;
    const context = this.pages.context(request, keep);
    const asOf = context.peildatum?.asOf ?? null;
    const [plans, partners] = await Promise.all([this.reads.plans(), this.reads.partnerNames()]);
    const days = daysInput === '' ? DEFAULT_STALE_DAYS : /^\d{1,5}$/.test(daysInput) ? Number(daysInput) : NaN;
    let stale: Awaited<ReturnType<WebReads['staleActions']>> = [];
    let daysError: string | null = null;
    try {
      if (Number.isNaN(days)) throw new InvalidInput('days', WEB_MESSAGES.staleDaysNumber);
      stale = await this.reads.staleActions({ planId, partnerId }, days, asOf);
    } catch (error) {
      if (error instanceof NotFound) return this.pages.notFound(request, reply, `Er is geen plan met id ‘${planId}’.`);
      if (!(error instanceof InvalidInput) || error.field !== 'days') throw error;
      daysError = error.text;
    }
    const byPlan = plans
      .filter((p) => !planId || p.id === planId)
      .map((plan: PlanView) => ({ plan, actions: stale.filter((a) => a.memberships.some((m) => m.planId === plan.id)) }));
    const page = StalePage({
      context,
      plans,
      partners,
      filter: { planId, partnerId, days: daysInput, daysError },
      days: daysError ? null : days,
      byPlan,
      today: dutchCalendarDate(asOf ?? this.pages.now()),
    });
    return sendPage(reply, page, context.peildatumError || daysError ? 400 : 200);
  }
}
