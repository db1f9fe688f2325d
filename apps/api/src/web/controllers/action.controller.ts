import { randomUUID } from 'node:crypto';
import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, CommandMeta, ExecuteActionCommand, ExecuteTargetCommand } from '@actiemonitor/application';
import { Conflict, DomainError, InvalidInput } from '@actiemonitor/domain';
import type { PlanView } from '@actiemonitor/read-models';
import { historyLine } from '../format/history-sentence';
import { actionCommandFrom, FORM_FIELDS, SAVED_MESSAGES, targetCommandFrom } from '../forms/form-commands';
import { ACTION_FORMS, ActionFormName, formValues, RefusedForm } from '../forms/form-state';
import { ActionPage } from '../pages/action-page';
import { MessagePage } from '../pages/message-page';
import { seeOther, sendPage } from '../render';
import { hasValidCsrfToken, isSameOriginPost } from '../session/csrf';
import { canSeeActors } from '../session/viewer';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';
import { WEB_MESSAGES } from '../web.messages';

const STATUS_REPORTS = new Set(['ActionStatusChanged', 'ActionStatusCorrected']);

@Controller()
export class ActionController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
    private readonly commandBus: CommandBus,
  ) {}

  @Get('/acties/:actionId')
  async show(@Param('actionId') actionId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const saved = (request.query as Record<string, unknown>).opgeslagen;
    const savedMessage =
      typeof saved === 'string' && (ACTION_FORMS as readonly string[]).includes(saved) ? SAVED_MESSAGES[saved as ActionFormName] : null;
    return this.render(request, reply, actionId, { saved: savedMessage, refused: null, status: 200 });
  }

  @Post('/acties/:actionId/:form')
  async onActionForm(
    @Param('actionId') actionId: string,
    @Param('form') form: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (form !== 'status' && form !== 'termijn' && form !== 'status-correctie')
      return this.pages.notFound(request, reply, WEB_MESSAGES.unknownForm.nl);
    return this.write(
      request,
      reply,
      actionId,
      form,
      null,
      (values) => new ExecuteActionCommand(actionCommandFrom(form, actionId, values), this.meta(request)),
    );
  }

  @Post('/acties/:actionId/:form/:targetId')
  async onTargetForm(
    @Param('actionId') actionId: string,
    @Param('form') form: string,
    @Param('targetId') targetId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (form !== 'meting' && form !== 'meting-correctie') return this.pages.notFound(request, reply, WEB_MESSAGES.unknownForm.nl);
    return this.write(
      request,
      reply,
      actionId,
      form,
      targetId,
      (values) => new ExecuteTargetCommand(targetCommandFrom(form, targetId, values), this.meta(request)),
    );
  }

  /**
   * One write from a form: the same command, metadata and refusals as the GraphQL mutation. The form's
   * command id makes a second submit a no-op; its version makes a stale form a conflict; then redirect.
   */
  private async write(
    request: FastifyRequest,
    reply: FastifyReply,
    actionId: string,
    form: ActionFormName,
    targetId: string | null,
    toCommand: (values: Record<string, string>) => ExecuteActionCommand | ExecuteTargetCommand,
  ) {
    if (this.pages.refused(request, reply, 'write')) return;
    if (!isSameOriginPost(request) || !hasValidCsrfToken(request)) {
      const context = this.pages.context(request);
      return sendPage(
        reply,
        MessagePage({
          context,
          title: WEB_MESSAGES.formRefusedTitle.nl,
          message: WEB_MESSAGES.formRefused.nl,
        }),
        403,
      );
    }
    const values = formValues(request.body, FORM_FIELDS[form]);
    try {
      await this.commandBus.execute(toCommand(values));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const refused: RefusedForm = { form, targetId, values, errors: {}, conflict: null };
      if (error instanceof Conflict) {
        const since = Number(this.body(request).expectedVersion);
        const history = targetId === null ? await this.reads.actionHistory(actionId, null) : [];
        const partners = await this.reads.partnerNames();
        refused.conflict = {
          changes: history
            .filter((e) => e.version > since)
            .map((e) => historyLine(e, { showActor: true, partnerName: (id) => partners.get(id)?.name ?? id })),
        };
        return this.render(request, reply, actionId, { saved: null, refused, status: 409 });
      }
      const field = error instanceof InvalidInput && FORM_FIELDS[form].includes(error.field) ? error.field : '_form';
      // Dutch only: beside its field the text without the field name, for the form as a whole the message.
      refused.errors[field] = error instanceof InvalidInput ? error.text : error.message;
      return this.render(request, reply, actionId, { saved: null, refused, status: error instanceof InvalidInput ? 400 : 404 });
    }
    return seeOther(reply, `/acties/${actionId}?opgeslagen=${form}`);
  }

  private body(request: FastifyRequest): Record<string, unknown> {
    return (request.body ?? {}) as Record<string, unknown>;
  }

  private meta(request: FastifyRequest): CommandMeta {
    const body = this.body(request);
    const version =
      typeof body.expectedVersion === 'string' && /^\d{1,9}$/.test(body.expectedVersion) ? Number(body.expectedVersion) : null;
    const principal = request.viewer.kind === 'signed-in' ? request.viewer.principal : null;
    return {
      actor: actorOf(principal!),
      commandId: typeof body.commandId === 'string' && body.commandId !== '' ? body.commandId : null,
      correlationId: request.access.correlationId,
      expectedVersion: version,
    };
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    actionId: string,
    state: { saved: string | null; refused: RefusedForm | null; status: number },
  ) {
    const context = this.pages.context(request);
    const asOf = context.peildatum?.asOf ?? null;
    const action = await this.reads.action(actionId, asOf);
    if (!action) {
      return this.pages.notFound(
        request,
        reply,
        context.peildatum
          ? `De actie ‘${actionId}’ bestond op ${context.peildatum.label} nog niet.`
          : `Er is geen actie met id ‘${actionId}’.`,
      );
    }
    const [partners, targets, events, plans] = await Promise.all([
      this.reads.partnerNames(),
      this.reads.targetsOfAction(actionId, asOf),
      this.reads.actionHistory(actionId, asOf),
      Promise.all(action.memberships.map((m) => this.reads.plan(m.planId))),
    ]);
    const showActor = canSeeActors(context.viewer);
    const history = events.map((e) => historyLine(e, { showActor, partnerName: (id) => partners.get(id)?.name ?? id }));
    const lastReport = [...events].reverse().find((e) => STATUS_REPORTS.has(e.type));
    // A refused form keeps its command id (nothing was written under it); fresh forms get new ones.
    const keptCommandId = state.refused ? String(this.body(request).commandId ?? '') : '';
    const forms = {
      csrf: context.csrf,
      refused: state.refused,
      commandId: (form: ActionFormName, targetId?: string) =>
        state.refused &&
        state.refused.form === form &&
        state.refused.targetId === (targetId ?? null) &&
        !state.refused.conflict &&
        keptCommandId
          ? keptCommandId
          : randomUUID(),
    };
    const page = ActionPage({
      context,
      action,
      plans: plans.filter((p): p is PlanView => p !== null),
      partners,
      targets,
      history,
      reportVersion: lastReport?.version ?? null,
      saved: state.saved,
      forms,
    });
    return sendPage(reply, page, context.peildatumError ? 400 : state.status);
  }
}
