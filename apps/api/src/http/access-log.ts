import type { FastifyInstance } from 'fastify';
import pino from 'pino';

const DENIALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_REQUESTS']);

/**
 * One JSON line per request (pino, to stdout): who (actor id, role, partner, how they signed in), what
 * (route; for GraphQL the operation type, name and top-level fields), the outcome (ok / denied / error
 * with the error codes) and the latency. It never holds a token, a query text, variables, an IP address
 * or any other personal data. Written on Fastify's onResponse, so Mercurius' routes are seen too.
 * Health probes are left out: they would drown everything else.
 */
export function registerAccessLog(fastify: FastifyInstance): void {
  const log = pino({ level: 'info' });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? null;
    if (route?.startsWith('/health')) return;
    const access = request.access;
    const principal = request.authentication?.principal ?? null;
    const codes = [...new Set(access?.codes ?? [])];
    const denied = codes.some((c) => DENIALS.has(c));
    const outcome = denied ? 'denied' : codes.length > 0 || reply.statusCode >= 400 ? 'error' : 'ok';
    const entry = {
      kind: 'access',
      method: request.method,
      route,
      status: reply.statusCode,
      latencyMs: Math.round(reply.elapsedTime * 10) / 10,
      correlationId: access?.correlationId ?? null,
      actor: principal
        ? { id: principal.tokenId, role: principal.role, partnerId: principal.partnerId, via: principal.via ?? 'token' }
        : null,
      refusal: request.authentication?.refusal ?? null,
      operation: access?.operation ?? null,
      outcome,
      codes,
    };
    if (denied) log.warn(entry, 'access denied');
    else log.info(entry, 'access');
  });
}
