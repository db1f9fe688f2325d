import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ActionReadout, ExecuteActionCommand } from '@actiemonitor/application';
import { isClosedStatus } from '@actiemonitor/domain';
import { dutchCalendarDate, PlanView } from '@actiemonitor/read-models';
import { actionsCsv, csvFileName } from '../format/action-csv';
import { addMonths, formatInstant } from '../format/dutch-dates';
import { historyLine } from '../format/history-sentence';
import { countStatuses } from '../format/plan-summary';
import { progressUpdateFrom, SAVED_MESSAGES } from '../forms/form-commands';
import type { RefusedForm } from '../forms/form-state';
import { FormWrites } from '../forms/form-writes';
import { MessagePage } from '../pages/message-page';
import { PartnerPage, Reporting } from '../pages/partner-page';
import { seeOther, sendCsv, sendPage } from '../render';
import { reportingPartner } from '../session/viewer';
import { WebPages } from '../web-pages.service';
import { WEB_MESSAGES } from '../web.messages';
import { WebReads } from '../web-reads';

@Controller()
export class PartnerController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
    private readonly forms: FormWrites,
  ) {}

  @Get('/partners/:partnerId')
  async show(@Param('partnerId') partnerId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const saved = (request.query as Record<string, unknown>).opgeslagen === 'voortgangsupdate' ? SAVED_MESSAGES.voortgangsupdate : null;
    return this.render(request, reply, partnerId, { saved, refused: null, status: 200 });
  }

  /**
   * An update from "Bij te werken": for one action in one round, by the organisation whose page this is
   * (the signed-in user's own). The domain checks that the organisation owns the action.
   */
  @Post('/partners/:partnerId/voortgangsupdate')
  async onUpdate(@Param('partnerId') partnerId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.forms.refused(request, reply, 'report')) return;
    const partner = await this.reads.partner(partnerId);
    if (!partner) return this.pages.notFound(request, reply, `Er is geen partner met id of naam ‘${partnerId}’.`);
    const reporter = reportingPartner(request.viewer);
    if (reporter !== partner.id) {
      const message = WEB_MESSAGES.reportOwnOrganisationOnly(reporter ?? '').nl;
      return sendPage(reply, MessagePage({ context: this.pages.context(request), title: WEB_MESSAGES.noAccessTitle.nl, message }), 403);
    }
    const actionId = this.forms.field(request, 'actionId');
    const roundId = this.forms.field(request, 'roundId');
    const outcome = await this.forms.execute(request, reply, {
      form: 'voortgangsupdate',
      itemId: `${roundId}/${actionId}`,
      toMessage: (values) => new ExecuteActionCommand(progressUpdateFrom(actionId, values), this.forms.meta(request)),
      onConflict: async (since) => {
        const [history, partners] = await Promise.all([this.reads.actionHistory(actionId, null), this.reads.partnerNames()]);
        return {
          changes: history
            .filter((e) => e.version > since)
            .map((e) => historyLine(e, { showActor: true, partnerName: (id) => partners.get(id)?.name ?? id })),
        };
      },
    });
    if (outcome.kind === 'answered') return;
    if (outcome.kind === 'refused') return this.render(request, reply, partner.id, { saved: null, ...outcome });
    return seeOther(reply, `/partners/${partner.id}?opgeslagen=voortgangsupdate`);
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    partnerId: string,
    state: { saved: string | null; refused: RefusedForm | null; status: number },
  ) {
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
      reporting: await this.reporting(request, partner.id, actions, plans, context.peildatum !== null),
      saved: state.saved,
      forms: { csrf: context.csrf, refused: state.refused, commandId: this.forms.commandIds(request, state.refused) },
    });
    return sendPage(reply, page, context.peildatumError ? 400 : state.status);
  }

  /** What the organisation still has to report, for its own signed-in users in the present; null for anyone else. */
  private async reporting(
    request: FastifyRequest,
    partnerId: string,
    actions: ActionReadout[],
    plans: PlanView[],
    past: boolean,
  ): Promise<Reporting | null> {
    if (past || reportingPartner(request.viewer) !== partnerId) return null;
    const [needed, rounds] = await Promise.all([this.reads.actionsNeedingUpdate(partnerId), this.reads.allRounds(plans)]);
    const actionIds = [...new Set(needed.map((n) => n.action.id))];
    const targets = await Promise.all(actionIds.map((id) => this.reads.targetsOfAction(id, null)));
    const unique = [...new Map(actions.map((a) => [a.id, a])).values()];
    const submitted = unique.flatMap((action) =>
      action.updates.filter((u) => u.partnerId === partnerId && u.state === 'PENDING').map((update) => ({ action, update })),
    );
    return {
      needed,
      targets: new Map(actionIds.map((id, i) => [id, targets[i]])),
      submitted,
      rounds,
    };
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
