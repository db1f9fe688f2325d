import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReferencesPage } from '../pages/references-page';
import { sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

/** `/kamerstukken`: the parliamentary references, each with the plans and actions that answer it (at the page's moment). */
@Controller()
export class ReferencesController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
  ) {}

  @Get('/kamerstukken')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const context = this.pages.context(request);
    const asOf = context.peildatum?.asOf ?? null;
    const [references, plans, actions] = await Promise.all([this.reads.references(asOf), this.reads.plans(), this.reads.actions({}, asOf)]);
    return sendPage(
      reply,
      ReferencesPage({
        context,
        references,
        plans: new Map(plans.map((p) => [p.id, p])),
        actions: new Map(actions.map((a) => [a.id, a])),
      }),
      context.peildatumError ? 400 : 200,
    );
  }
}
