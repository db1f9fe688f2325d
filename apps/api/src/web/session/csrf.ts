import CSRF from '@fastify/csrf';
import type { FastifyRequest } from 'fastify';
import { sessionOf } from './session-data';

const tokens = new CSRF({ userInfo: false }) as unknown as {
  secretSync(): string;
  create(secret: string): string;
  verify(secret: string, token: string): boolean;
};

/**
 * CSRF tokens tied to the session (the synchroniser-token pattern, by @fastify/csrf): the secret lives in
 * the encrypted session cookie, every form carries a token made from it. With SameSite=Strict cookies and
 * the origin check below this is defence in depth, as OWASP recommends.
 */
export function csrfToken(request: FastifyRequest): string {
  const session = sessionOf(request);
  let secret = session.get('csrfSecret');
  if (!secret) {
    secret = tokens.secretSync();
    session.set('csrfSecret', secret);
  }
  return tokens.create(secret);
}

export function hasValidCsrfToken(request: FastifyRequest): boolean {
  const secret = sessionOf(request).get('csrfSecret');
  const token = (request.body as Record<string, unknown> | undefined)?._csrf;
  return typeof secret === 'string' && typeof token === 'string' && tokens.verify(secret, token);
}

/**
 * A browser tells where a form came from: `Sec-Fetch-Site` (every current browser) and `Origin`. Our
 * Referrer-Policy (no-referrer) makes browsers send `Origin: null` on form posts, so `Sec-Fetch-Site` is
 * the one to trust; `Origin` is checked when it names a site. A POST from another site is refused
 * whatever its token. Clients without either header (scripts) still need the session and the token.
 */
export function isSameOriginPost(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
