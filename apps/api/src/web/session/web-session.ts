import secureSession from '@fastify/secure-session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Configuration } from '@actiemonitor/config';
import type { Authenticator } from '../../auth/authenticator';
import { isWebPage } from '../web-routes';
import { OIDC_FLOW_SESSION, sessionOf } from './session-data';
import { sessionKey } from './session-key';
import type { Viewer } from './viewer';

export const SESSION_COOKIE = 'actiemonitor_sessie';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
  }
}

/**
 * Browser sessions: an encrypted, HttpOnly, SameSite=Strict cookie (@fastify/secure-session) holding the
 * token the user signed in with. The token is checked again on every page request, exactly as the API
 * checks a bearer token, so a token revoked with the CLI (or expired) ends its sessions at the next request.
 */
export async function registerWebSession(fastify: FastifyInstance, config: Configuration, authenticator: Authenticator): Promise<void> {
  fastify.decorateRequest('viewer', null as never);
  const key = sessionKey(config);
  const secure = config.SESSION_COOKIE_SECURE === 'auto' ? 'auto' : config.SESSION_COOKIE_SECURE === 'true';
  await fastify.register(secureSession, [
    {
      sessionName: 'session',
      key,
      cookieName: SESSION_COOKIE,
      expiry: config.SESSION_MAX_AGE_MINUTES * 60,
      cookie: { path: '/', httpOnly: true, sameSite: 'strict', secure },
    },
    {
      // Only for the trip to the identity provider and back: a browser sends no SameSite=Strict cookie on
      // the provider's redirect back to us, so the PKCE verifier, state and nonce travel in this Lax one.
      sessionName: OIDC_FLOW_SESSION,
      key,
      cookieName: 'actiemonitor_oidc',
      expiry: 600,
      cookie: { path: '/inloggen/oidc', httpOnly: true, sameSite: 'lax', secure },
    },
  ]);
  // preHandler: after the session plugin's own onRequest hook has decoded the cookie.
  fastify.addHook('preHandler', async (request: FastifyRequest) => {
    if (!isWebPage(request.routeOptions.url)) return;
    request.viewer = await viewerOf(request, config, authenticator);
  });
}

async function viewerOf(request: FastifyRequest, config: Configuration, authenticator: Authenticator): Promise<Viewer> {
  const session = sessionOf(request);
  const credential = session.get('credential');
  if (typeof credential === 'string') {
    const authentication = await authenticator.authenticate(`Bearer ${credential}`);
    request.authentication = authentication;
    if (authentication.principal) return { kind: 'signed-in', principal: authentication.principal };
    // Revoked or expired since sign-in: the session ends now, and the sign-in page says why.
    session.set('credential', undefined);
    session.set('notice', 'ended');
  }
  return config.PUBLIC_READ ? { kind: 'public' } : { kind: 'anonymous' };
}
