import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CLOCK, Clock } from '@actiemonitor/application';
import type { PageContext } from './components/page-context';
import { parsePeildatum } from './format/peildatum';
import { MessagePage } from './pages/message-page';
import { sendPage, seeOther } from './render';
import { csrfToken } from './session/csrf';
import { canEdit, canRead, canReadLog, canReport } from './session/viewer';
import { WEB_MESSAGES } from './web.messages';

export type Need = 'read' | 'readEventLog' | 'write' | 'report';

/**
 * What every page controller does first: who is looking and at which moment (`?peildatum=` parsed once),
 * whether they may see this page at all, and the standard refusals. The rules themselves are the
 * application's (isAllowed); this only turns them into redirects and pages.
 */
@Injectable()
export class WebPages {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  now(): Date {
    return this.clock.now();
  }

  context(request: FastifyRequest, keep: Record<string, string> = {}): PageContext {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const parsed = parsePeildatum(query.peildatum, this.clock.now());
    const viewer = request.viewer;
    return {
      viewer,
      // Signed-in pages carry the sign-out form; public visitors get no session cookie just for reading.
      csrf: viewer.kind === 'signed-in' ? csrfToken(request) : '',
      path: request.url.split('?')[0],
      peildatum: parsed.ok ? parsed.peildatum : null,
      peildatumError: parsed.ok ? null : { input: parsed.input, reason: parsed.reason },
      keep,
    };
  }

  /** Sends the refusal and answers true when the viewer may not open this page. */
  refused(request: FastifyRequest, reply: FastifyReply, need: Need): boolean {
    const viewer = request.viewer;
    if (viewer.kind === 'anonymous') {
      const back = request.method === 'GET' ? `?terug=${encodeURIComponent(request.url)}` : '';
      seeOther(reply, `/inloggen${back}`);
      return true;
    }
    const allowed = { read: canRead, readEventLog: canReadLog, write: canEdit, report: canReport }[need](viewer);
    if (allowed) return false;
    const message = {
      read: '',
      readEventLog: WEB_MESSAGES.logbookRefused.nl,
      write: WEB_MESSAGES.writeRefused.nl,
      report: WEB_MESSAGES.reportRefused.nl,
    }[need];
    sendPage(reply, MessagePage({ context: this.context(request), title: WEB_MESSAGES.noAccessTitle.nl, message, signIn: true }), 403);
    return true;
  }

  notFound(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
    return sendPage(reply, MessagePage({ context: this.context(request), title: 'Niet gevonden', message }), 404);
  }
}
