import type { FastifyRequest } from 'fastify';

/** What a browser session holds, all inside the encrypted cookie. */
export interface SessionData {
  /** The API token the user signed in with; never shown, never logged. */
  credential?: string;
  csrfSecret?: string;
  /** Why the last session ended, for the sign-in page. */
  notice?: 'ended' | 'signed-out';
}

interface TypedSession {
  get<K extends keyof SessionData>(key: K): SessionData[K];
  set<K extends keyof SessionData>(key: K, value: SessionData[K]): void;
  regenerate(keep?: string[]): void;
  delete(): void;
}

/** @fastify/secure-session's session with our keys typed. */
export function sessionOf(request: FastifyRequest): TypedSession {
  return request.session as unknown as TypedSession;
}
