import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '../../auth/authenticator';
import { SignInPage } from '../pages/sign-in-page';
import { seeOther, sendPage } from '../render';
import { csrfToken, hasValidCsrfToken, isSameOriginPost } from '../session/csrf';
import { sessionOf } from '../session/session-data';
import { WebPages } from '../web-pages.service';

const NOTICES = {
  ended: 'Uw sessie is beëindigd: het token is verlopen of ingetrokken. Log opnieuw in.',
  'signed-out': 'U bent uitgelogd.',
} as const;

/** Only paths on this site: `//evil.example` and `https://...` would send the user elsewhere. */
function safeBack(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length < 500 ? value : '/';
}

@Controller()
export class SignInController {
  constructor(
    private readonly pages: WebPages,
    private readonly authenticator: Authenticator,
  ) {}

  @Get('/inloggen')
  show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const session = sessionOf(request);
    const notice = session.get('notice');
    if (notice) session.set('notice', undefined);
    if (request.viewer.kind === 'signed-in') return seeOther(reply, '/');
    const back = safeBack((request.query as Record<string, unknown>).terug);
    return sendPage(reply, SignInPage({ context: { ...this.pages.context(request), csrf: csrfToken(request) }, back, error: null, notice: notice ? NOTICES[notice] : null }));
  }

  @Post('/inloggen')
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const back = safeBack(body.terug);
    const refuse = (error: string, status: number) =>
      sendPage(reply, SignInPage({ context: { ...this.pages.context(request), csrf: csrfToken(request) }, back, error, notice: null }), status);
    if (!isSameOriginPost(request) || !hasValidCsrfToken(request)) return refuse('Het formulier is verlopen of kwam niet van deze site; probeer het opnieuw.', 403);
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    if (token === '') return refuse('Vul uw token in.', 400);
    const authentication = /^am_/.test(token) ? await this.authenticator.authenticate(`Bearer ${token}`) : null;
    if (!authentication?.principal) return refuse('Dit token is onbekend, verlopen of ingetrokken.', 401);
    request.authentication = authentication;
    // A fresh session (and CSRF secret) for the signed-in user: nothing carries over from before.
    const session = sessionOf(request);
    session.regenerate();
    session.set('credential', token);
    return seeOther(reply, back);
  }

  @Post('/uitloggen')
  signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!isSameOriginPost(request) || !hasValidCsrfToken(request)) {
      return sendPage(reply, SignInPage({ context: this.pages.context(request), back: '/', error: null, notice: 'Uitloggen mislukt: het formulier was verlopen. Probeer het opnieuw.' }), 403);
    }
    const session = sessionOf(request);
    session.regenerate();
    session.set('notice', 'signed-out');
    return seeOther(reply, '/inloggen');
  }
}
