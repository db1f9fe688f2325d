import type { FastifyRequest } from 'fastify';

/** What a browser session holds, all inside the encrypted cookie. */
export interface SessionData {
  /** The API token the user signed in with; never shown, never logged. */
  credential?: string;
  csrfSecret?: string;
  /** Why the last session ended, for the sign-in page. */
  notice?: 'ended' | 'signed-out';
}

/** The second, short-lived session that carries an OIDC sign-in across the provider's redirect. */
export const OIDC_FLOW_SESSION = 'oidcFlowSession';

export interface OidcFlowData {
  flow?: { verifier: string; state: string; nonce: string; back: string };
}

interface TypedSession<Data> {
  get<K extends keyof Data>(key: K): Data[K];
  set<K extends keyof Data>(key: K, value: Data[K]): void;
  regenerate(keep?: string[]): void;
  delete(): void;
}

/** @fastify/secure-session's session with our keys typed. */
export function sessionOf(request: FastifyRequest): TypedSession<SessionData> {
  return request.session as unknown as TypedSession<SessionData>;
}

export function oidcFlowSessionOf(request: FastifyRequest): TypedSession<OidcFlowData> {
  return (request as unknown as Record<string, unknown>)[OIDC_FLOW_SESSION] as TypedSession<OidcFlowData>;
}
