import { Controller, Get, Logger, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '../../auth/authenticator';
import { SignedInPage, SignInPage } from '../pages/sign-in-page';
import { seeOther, sendPage } from '../render';
import { csrfToken, hasValidCsrfToken, isSameOriginPost } from '../session/csrf';
import { OidcSignIn } from '../session/oidc-sign-in';
import { oidcFlowSessionOf, sessionOf } from '../session/session-data';
import { WebPages } from '../web-pages.service';
import { WEB_MESSAGES } from '../web.messages';

const NOTICES = {
  ended: WEB_MESSAGES.sessionEnded.nl,
  'signed-out': WEB_MESSAGES.signedOut.nl,
} as const;

const OIDC_FAILED = WEB_MESSAGES.oidcFailed.nl;

/** Only paths on this site: `//evil.example` and `https://...` would send the user elsewhere. */
function safeBack(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length < 500 ? value : '/';
}

@Controller()
export class SignInController {
  private readonly logger = new Logger('Web');

  constructor(
    private readonly pages: WebPages,
    private readonly authenticator: Authenticator,
    private readonly oidc: OidcSignIn,
  ) {}

  @Get('/inloggen')
  show(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const session = sessionOf(request);
    const notice = session.get('notice');
    if (notice) session.set('notice', undefined);
    if (request.viewer.kind === 'signed-in') return seeOther(reply, '/');
    const back = safeBack((request.query as Record<string, unknown>).terug);
    return sendPage(
      reply,
      SignInPage({
        context: { ...this.pages.context(request), csrf: csrfToken(request) },
        back,
        error: null,
        notice: notice ? NOTICES[notice] : null,
        oidc: this.oidc.enabled,
      }),
    );
  }

  @Post('/inloggen')
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const back = safeBack(body.terug);
    const refuse = (error: string, status: number) =>
      sendPage(
        reply,
        SignInPage({
          context: { ...this.pages.context(request), csrf: csrfToken(request) },
          back,
          error,
          notice: null,
          oidc: this.oidc.enabled,
        }),
        status,
      );
    if (!isSameOriginPost(request) || !hasValidCsrfToken(request)) return refuse(WEB_MESSAGES.signInFormRefused.nl, 403);
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    if (token === '') return refuse(WEB_MESSAGES.tokenMissing.nl, 400);
    const authentication = /^am_/.test(token) ? await this.authenticator.authenticate(`Bearer ${token}`) : null;
    if (!authentication?.principal) return refuse(WEB_MESSAGES.tokenRefused.nl, 401);
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
      return sendPage(
        reply,
        SignInPage({
          context: this.pages.context(request),
          back: '/',
          error: null,
          notice: WEB_MESSAGES.signOutRefused.nl,
          oidc: this.oidc.enabled,
        }),
        403,
      );
    }
    const session = sessionOf(request);
    session.regenerate();
    session.set('notice', 'signed-out');
    return seeOther(reply, '/inloggen');
  }

  /** Off to the identity provider (a GET: it changes nothing here but the session's flow state). */
  @Get('/inloggen/oidc')
  async startOidc(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!this.oidc.enabled) return this.pages.notFound(request, reply, WEB_MESSAGES.oidcNotConfigured.nl);
    try {
      const { url, flow } = await this.oidc.start(request, safeBack((request.query as Record<string, unknown>).terug));
      oidcFlowSessionOf(request).set('flow', flow);
      return seeOther(reply, url);
    } catch (error) {
      this.logger.warn(`OIDC discovery failed: ${error instanceof Error ? error.message : String(error)}`);
      return this.oidcRefused(request, reply, 502);
    }
  }

  /** Back from the provider: the code is exchanged, the token checked like any bearer JWT. */
  @Get('/inloggen/oidc/terug')
  async finishOidc(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const flowSession = oidcFlowSessionOf(request);
    const flow = flowSession.get('flow');
    flowSession.delete();
    if (!this.oidc.enabled || !flow) return this.oidcRefused(request, reply, 400);
    let token: string;
    try {
      token = await this.oidc.finish(request, flow);
    } catch (error) {
      this.logger.warn(`OIDC sign-in refused: ${error instanceof Error ? error.message : String(error)}`);
      return this.oidcRefused(request, reply, 401);
    }
    const authentication = await this.authenticator.authenticate(`Bearer ${token}`);
    if (!authentication.principal) {
      this.logger.warn(`OIDC access token refused: ${authentication.refusal}`);
      return this.oidcRefused(request, reply, 403);
    }
    request.authentication = authentication;
    const session = sessionOf(request);
    session.regenerate();
    session.set('credential', token);
    // Not a redirect: this request came from the provider's site, and a browser withholds SameSite=Strict
    // cookies along the whole redirect chain. A page of ours that moves on starts a same-site navigation.
    return sendPage(reply, SignedInPage({ context: this.pages.context(request), back: flow.back }));
  }

  private oidcRefused(request: FastifyRequest, reply: FastifyReply, status: number) {
    const context = { ...this.pages.context(request), csrf: csrfToken(request) };
    return sendPage(reply, SignInPage({ context, back: '/', error: null, notice: OIDC_FAILED, oidc: this.oidc.enabled }), status);
  }
}
