import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ExecuteActionCommand, TargetReadout } from '@actiemonitor/application';
import { historyLine } from '../format/history-sentence';
import { reviewCommandFrom, SAVED_MESSAGES } from '../forms/form-commands';
import { REVIEW_FORMS, RefusedForm, ReviewFormName } from '../forms/form-state';
import { FormWrites } from '../forms/form-writes';
import { ReviewPage } from '../pages/review-page';
import { seeOther, sendPage } from '../render';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** `/beoordelen`: owners' updates waiting for a coordinator, each with approve and return. */
@Controller()
export class ReviewController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
    private readonly forms: FormWrites,
  ) {}

  @Get('/beoordelen')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'write')) return;
    const saved = (request.query as Record<string, unknown>).opgeslagen;
    const savedMessage =
      typeof saved === 'string' && (REVIEW_FORMS as readonly string[]).includes(saved) ? SAVED_MESSAGES[saved as ReviewFormName] : null;
    return this.render(request, reply, { saved: savedMessage, refused: null, status: 200 });
  }

  @Post('/beoordelen/:form')
  async onReview(@Param('form') form: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (form !== 'goedkeuren' && form !== 'terugsturen') return this.pages.notFound(request, reply, 'Dit formulier bestaat niet.');
    if (this.forms.refused(request, reply, 'write')) return;
    const actionId = this.forms.field(request, 'actionId');
    const outcome = await this.forms.execute(request, reply, {
      form,
      itemId: this.forms.field(request, 'updateId'),
      toMessage: (values) => new ExecuteActionCommand(reviewCommandFrom(form, values), this.forms.meta(request)),
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
    if (outcome.kind === 'refused') return this.render(request, reply, { saved: null, ...outcome });
    return seeOther(reply, `/beoordelen?opgeslagen=${form}`);
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    state: { saved: string | null; refused: RefusedForm | null; status: number },
  ) {
    const query = request.query as Record<string, unknown>;
    const planId = typeof query.plan === 'string' && PLAN_ID.test(query.plan) ? query.plan : null;
    const context = this.pages.context(request, planId ? { plan: planId } : {});
    const plans = await this.reads.plans();
    const plan = planId ? plans.find((p) => p.id === planId) : null;
    if (planId && !plan) return this.pages.notFound(request, reply, `Er is geen plan met id ‘${planId}’.`);
    const [pending, partners, rounds] = await Promise.all([
      this.reads.pendingUpdates(planId),
      this.reads.partnerNames(),
      this.reads.allRounds(plans),
    ]);
    const actionIds = [...new Set(pending.map((p) => p.action.id))];
    const targets = await Promise.all(actionIds.map((id) => this.reads.targetsOfAction(id, null)));
    const page = ReviewPage({
      context,
      plans,
      planId,
      pending,
      partners,
      rounds,
      targets: new Map<string, TargetReadout>(targets.flat().map((t) => [t.id, t])),
      saved: state.saved,
      forms: { csrf: context.csrf, refused: state.refused, commandId: this.forms.commandIds(request, state.refused) },
    });
    return sendPage(reply, page, state.status);
  }
}
