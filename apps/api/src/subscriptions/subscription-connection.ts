import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@actiemonitor/application';
import type { Authenticator } from '../auth/authenticator';

/** A WebSocket as far as we use it: closed when the token behind it no longer holds. */
export interface ClosableSocket {
  close(code?: number, reason?: string): void;
}

/**
 * The GraphQL context of a subscription: what RequestContext holds for HTTP (so the AuthGuard applies
 * the same role rules), plus the connection's socket, the credential to check again while it is open,
 * and how many subscriptions it holds.
 */
export interface SubscriptionContext {
  req: FastifyRequest;
  correlationId: string;
  principal?: Principal;
  /** The `Authorization` value given in connection_init ("Bearer am_..." or "Bearer <OIDC JWT>"). */
  credential?: string;
  socket: ClosableSocket;
  live: { open: number };
}

/** graphql-transport-ws' close code for a refused or revoked authorisation. */
export const FORBIDDEN_CLOSE_CODE = 4403;

/**
 * The connection_init payload carries the same credential as an HTTP request's Authorization header
 * (browsers cannot set headers on a WebSocket): `{ "authorization": "Bearer am_..." }`, or the same
 * under `headers`, as several clients send it.
 */
export function credentialOf(payload: unknown): string | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const record = payload as Record<string, unknown>;
  const headers = record.headers && typeof record.headers === 'object' ? (record.headers as Record<string, unknown>) : {};
  const value = record.authorization ?? record.Authorization ?? headers.authorization ?? headers.Authorization;
  return typeof value === 'string' ? value : undefined;
}

export interface SubscriptionServerOptions {
  context(socket: ClosableSocket, request: FastifyRequest): Pick<SubscriptionContext, 'req' | 'correlationId' | 'socket' | 'live'>;
  onConnect(data: { type: 'connection_init'; payload: unknown }): Promise<false | Pick<SubscriptionContext, 'principal' | 'credential'>>;
  keepAlive: number;
}

/** graphql-transport-ws' close code for a socket that sent no connection_init in time. */
export const INIT_TIMEOUT_CLOSE_CODE = 4408;

/** The WebSocket server as far as `watch` needs it (@fastify/websocket's `fastify.websocketServer`). */
export interface ConnectionEvents {
  on(event: 'connection', listener: (socket: ClosableSocket & { once(event: 'close', listener: () => void): unknown }) => void): unknown;
}

export interface SubscriptionServer {
  options: SubscriptionServerOptions;
  /** Hands over the app's Authenticator (and returns it, for the provider that builds it). */
  bind(authenticator: Authenticator): Authenticator;
  /** Closes (4408) every socket that has not sent connection_init within `timeoutMs`: the upgrade itself is anonymous. */
  watch(server: ConnectionEvents, timeoutMs: number): void;
}

export const SUBSCRIPTION_SERVER = Symbol('SUBSCRIPTION_SERVER');

/**
 * Mercurius' `subscription` option: authentication happens in connection_init, with the same
 * Authenticator (API tokens, OIDC) as HTTP; a refused connection gets `connection_error` and is closed
 * before any subscription starts. The options are needed when the GraphQL module is configured, the
 * Authenticator only once Nest has built it: `bind` hands it over.
 */
export function subscriptionServer(): SubscriptionServer {
  let bound: Authenticator | null = null;
  const initialised = new WeakSet<object>();
  const options: SubscriptionServerOptions = {
    // Mercurius calls this on connection_init, before onConnect.
    context: (socket, request) => {
      initialised.add(socket);
      return { req: request, correlationId: randomUUID(), socket, live: { open: 0 } };
    },
    onConnect: async ({ payload }) => {
      if (!bound) return false;
      const credential = credentialOf(payload);
      const { principal } = await bound.authenticate(credential);
      return principal ? { principal, credential } : false;
    },
    // Proxies close idle WebSockets; a ping every 30 s keeps a quiet feed open.
    keepAlive: 30_000,
  };
  return {
    options,
    bind: (authenticator) => (bound = authenticator),
    watch: (server, timeoutMs) => {
      server.on('connection', (socket) => {
        const timer = setTimeout(
          () => initialised.has(socket) || socket.close(INIT_TIMEOUT_CLOSE_CODE, 'Connection initialisation timeout'),
          timeoutMs,
        );
        timer.unref();
        socket.once('close', () => clearTimeout(timer));
      });
    },
  };
}
