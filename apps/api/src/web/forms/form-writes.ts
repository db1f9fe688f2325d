import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, CommandMeta } from '@actiemonitor/application';
import { Conflict, DomainError, Forbidden, InvalidInput } from '@actiemonitor/domain';
import type { HistoryLine } from '../format/history-sentence';
import { MessagePage } from '../pages/message-page';
import { sendPage } from '../render';
import { hasValidCsrfToken, isSameOriginPost } from '../session/csrf';
import { Need, WebPages } from '../web-pages.service';
import { DOMAIN_FIELDS, FORM_FIELDS } from './form-commands';
import { FormName, formValues, RefusedForm } from './form-state';
import { WEB_MESSAGES } from '../web.messages';

/** What became of a form: saved, refused (show the page again with the reasons), or already answered. */
export type FormOutcome = { kind: 'saved' } | { kind: 'refused'; refused: RefusedForm; status: number } | { kind: 'answered' };

export interface FormWrite {
  form: FormName;
  /** What this form is for when the page shows it more than once (see RefusedForm.itemId). */
  itemId: string | null;
  /** The bus message, built from the form's fields (a parse error is a refusal like the domain's). */
  toMessage: (values: Record<string, string>) => object;
  /**
   * A conflict: what changed since the version the form was rendered at (a stale form), or, for a
   * form that makes something new, the field whose value is already taken.
   */
  onConflict: (since: number) => Promise<{ changes: HistoryLine[] } | { field: string; reason: string }>;
}

/**
 * Every write from a form, whichever page it is on: the same command, metadata and refusals as the
 * GraphQL mutation. The form's command id makes a second submit a no-op; its version makes a stale form
 * a conflict; a refusal names the field it concerns.
 */
@Injectable()
export class FormWrites {
  constructor(
    private readonly pages: WebPages,
    private readonly commandBus: CommandBus,
  ) {}

  /**
   * Sends the refusal and answers true when this form may not be handled at all: not signed in, a role
   * without the permission, a post from another site or without the session's CSRF token.
   */
  refused(request: FastifyRequest, reply: FastifyReply, need: Need): boolean {
    if (this.pages.refused(request, reply, need)) return true;
    if (isSameOriginPost(request) && hasValidCsrfToken(request)) return false;
    sendPage(
      reply,
      MessagePage({
        context: this.pages.context(request),
        title: 'Formulier geweigerd',
        message: 'Het formulier is verlopen of kwam niet van deze site. Er is niets opgeslagen; open de pagina opnieuw.',
      }),
      403,
    );
    return true;
  }

  async execute(request: FastifyRequest, reply: FastifyReply, write: FormWrite): Promise<FormOutcome> {
    const { form, itemId } = write;
    const values = formValues(request.body, FORM_FIELDS[form]);
    try {
      await this.commandBus.execute(write.toMessage(values));
      return { kind: 'saved' };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error instanceof Forbidden) {
        const message = WEB_MESSAGES.refusedNothingSaved(error.message).nl;
        sendPage(reply, MessagePage({ context: this.pages.context(request), title: WEB_MESSAGES.noAccessTitle.nl, message }), 403);
        return { kind: 'answered' };
      }
      const refused: RefusedForm = { form, itemId, values, errors: {}, conflict: null };
      if (error instanceof Conflict) {
        const found = await write.onConflict(Number(this.body(request).expectedVersion));
        if ('changes' in found) {
          refused.conflict = found;
          return { kind: 'refused', refused, status: 409 };
        }
        refused.errors[found.field] = found.reason;
        return { kind: 'refused', refused, status: 409 };
      }
      const named = error instanceof InvalidInput ? (DOMAIN_FIELDS[form]?.[error.field] ?? error.field) : null;
      // A list typed into one field (`owners[1]`) is refused beside that field.
      const listed = named?.replace(/\[\d+\]$/, '') ?? null;
      const field =
        named !== null && FORM_FIELDS[form].includes(named)
          ? named
          : listed !== null && FORM_FIELDS[form].includes(listed)
            ? listed
            : '_form';
      // Dutch only: beside its field the text without the field name, for the form as a whole the message.
      refused.errors[field] = error instanceof InvalidInput ? error.text : error.message;
      return { kind: 'refused', refused, status: error instanceof InvalidInput ? 400 : 404 };
    }
  }

  /** The command's metadata: who (from the session), the form's command id and the version it was rendered at. */
  meta(request: FastifyRequest): CommandMeta {
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

  /**
   * Command ids for the forms of a page: a refused form keeps its own (nothing was written under it, so
   * sending it again after a fix is still one write); every other form, and a stale one, gets a new one.
   */
  commandIds(request: FastifyRequest, refused: RefusedForm | null): (form: FormName, itemId?: string | null) => string {
    const kept = refused && !refused.conflict ? String(this.body(request).commandId ?? '') : '';
    return (form, itemId = null) => (kept && refused!.form === form && refused!.itemId === itemId ? kept : randomUUID());
  }

  /** One posted field that is not among the form's own (the action a partner-page form is for). */
  field(request: FastifyRequest, name: string): string {
    return formValues(request.body, [name])[name];
  }

  private body(request: FastifyRequest): Record<string, unknown> {
    return (request.body ?? {}) as Record<string, unknown>;
  }
}
