import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Projector } from '@actiemonitor/application';
import { EventStore, isTransientStoreError, WrongExpectedVersion } from '@actiemonitor/event-store';

export const METRICS_PATH = '/metrics';
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * GET /metrics in Prometheus' text format, behind `Authorization: Bearer <METRICS_TOKEN>` (no token set:
 * no route). Requests by route, GraphQL operation type and outcome with their latency; appends (commands
 * that wrote) with their latency; store errors, transient (answered 503, retryable) or not; the log's
 * size and the projection's lag, read when scraped; and the process metrics prom-client collects.
 * Labels are bounded: the route pattern (never the URL), the operation type, and an error code.
 */
export function registerMetrics(fastify: FastifyInstance, token: string | undefined, store: EventStore, projector: Projector): void {
  if (token === undefined) return;
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const labelNames = ['route', 'operation', 'outcome'] as const;
  const requests = new Counter({ name: 'actiemonitor_http_requests_total', help: 'HTTP requests answered', labelNames, registers });
  const requestSeconds = new Histogram({
    name: 'actiemonitor_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames,
    buckets: SECONDS,
    registers,
  });
  instrumentAppends(store, registry);
  new Gauge({
    name: 'actiemonitor_events_in_log',
    help: 'Position of the last event in the log',
    registers,
    async collect() {
      this.set(Number(await store.headPosition()));
    },
  });
  new Gauge({
    name: 'actiemonitor_projection_lag_events',
    help: 'Events in the log that the read models have not applied yet',
    registers,
    async collect() {
      this.set(Number((await store.headPosition()) - (await projector.checkpoint())));
    },
  });

  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === METRICS_PATH) return;
    const codes = request.access?.codes ?? [];
    const labels = {
      route,
      operation: request.access?.operation?.type ?? 'none',
      outcome: codes[0] ?? (reply.statusCode < 400 ? 'ok' : `http_${reply.statusCode}`),
    };
    requests.inc(labels);
    requestSeconds.observe(labels, reply.elapsedTime / 1000);
  });

  const expected = digest(`Bearer ${token}`);
  fastify.get(METRICS_PATH, async (request: FastifyRequest, reply: FastifyReply) => {
    const given = request.headers.authorization;
    // Compared as digests in constant time: the token's length and prefix must not leak through timing.
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer').type('text/plain; charset=utf-8').send('401 Unauthorized\n');
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Counts and times the store's appends by decorating the one shared instance (the adapters stay free of
 * metrics): `appended`, `duplicate` (a retried command), `conflict` (stale expectedVersion), `error`.
 */
function instrumentAppends(store: EventStore, registry: Registry): void {
  const registers = [registry];
  const appends = new Counter({
    name: 'actiemonitor_appends_total',
    help: 'Appends to the log by outcome',
    labelNames: ['outcome'],
    registers,
  });
  const events = new Counter({ name: 'actiemonitor_events_appended_total', help: 'Events written by appends', registers });
  const seconds = new Histogram({
    name: 'actiemonitor_append_duration_seconds',
    help: 'Time an append took, including waiting for the write lock',
    labelNames: ['outcome'],
    buckets: SECONDS,
    registers,
  });
  const errors = new Counter({
    name: 'actiemonitor_store_errors_total',
    help: 'Store failures; transient ones are answered 503 and retried by clients',
    labelNames: ['kind'],
    registers,
  });
  const append = store.append.bind(store);
  store.append = async (request) => {
    const stop = seconds.startTimer();
    try {
      const result = await append(request);
      const outcome = result.duplicate ? 'duplicate' : 'appended';
      appends.inc({ outcome });
      if (!result.duplicate) events.inc(request.events.length);
      stop({ outcome });
      return result;
    } catch (error) {
      const outcome = error instanceof WrongExpectedVersion ? 'conflict' : 'error';
      appends.inc({ outcome });
      stop({ outcome });
      if (outcome === 'error') errors.inc({ kind: isTransientStoreError(error) ? 'transient' : 'other' });
      throw error;
    }
  };
}
