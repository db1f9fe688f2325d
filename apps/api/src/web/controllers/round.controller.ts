import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '@actiemonitor/domain';
import { dutchCalendarDate } from '@actiemonitor/read-models';
import { SAVED_MESSAGES } from '../forms/form-commands';
import { RoundPage } from '../pages/round-page';
import { sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

/** `/rondes/{id}`: a reporting round, per owner and per action where the updates stand; `?peildatum=` as elsewhere. */
@Controller()
export class RoundController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
  ) {}

  @Get('/rondes/:roundId')
  async show(@Param('roundId') roundId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const context = this.pages.context(request);
    const asOf = context.peildatum?.asOf ?? null;
    let overview;
    try {
      overview = await this.reads.round(roundId, asOf);
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      return this.pages.notFound(
        request,
        reply,
        context.peildatum
          ? `De rapportageronde ‘${roundId}’ bestond op ${context.peildatum.label} nog niet.`
          : `Er is geen rapportageronde met id ‘${roundId}’.`,
      );
    }
    const [plan, partners, actions] = await Promise.all([
      this.reads.plan(overview.round.planId),
      this.reads.partnerNames(),
      this.reads.actions({ planId: overview.round.planId }, asOf),
    ]);
    const saved = (request.query as Record<string, unknown>).opgeslagen === 'ronde' ? SAVED_MESSAGES.ronde : null;
    const page = RoundPage({
      context,
      overview,
      plan,
      partners,
      titles: new Map(actions.map((a) => [a.id, a.title])),
      today: dutchCalendarDate(asOf ?? this.pages.now()),
      saved,
    });
    return sendPage(reply, page, context.peildatumError ? 400 : 200);
  }
}
