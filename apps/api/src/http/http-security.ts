import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { Configuration } from '@actiemonitor/config';
import { API_MESSAGES } from '../errors/api.messages';
import { GRAPHQL_PATH } from './request-state';

/** The API answers JSON only: nothing may load, frame or submit anything from it. */
const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * GraphiQL (development, or GRAPHIQL=true; graphiql/register-graphiql.ts) is served entirely from our own
 * host, so this policy names no other host. Only its own routes get it; it differs from the API's in that
 * the page may load our scripts and styles, the data: images and fonts inside GraphiQL's stylesheet, and
 * send queries to /graphql. Scripts are never inline. GraphiQL's dialogs add a <style> element (the
 * scroll lock, sized to the browser's scroll bar, so no fixed hash fits): inline style elements are
 * allowed, style attributes are not.
 */
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-elem 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The web pages (server-rendered HTML): everything from our own host, nothing inline (charts are SVG
 * markup without style attributes), forms only to ourselves, never framed.
 */
export const WEB_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "script-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Pages that need a tighter or a different policy than WEB_CSP: the report's print view allows its one inline style by hash. */
const OWN_POLICIES = new WeakMap<FastifyReply, string>();

/** Answers this reply with `policy` instead of WEB_CSP (set before sending). */
export function usePagePolicy(reply: FastifyReply, policy: string): void {
  OWN_POLICIES.set(reply, policy);
}

/** Helmet's settings for every answer (helmet's defaults, plus these). */
const HELMET_OPTIONS = { frameguard: { action: 'deny' }, contentSecurityPolicy: { useDefaults: false, directives: API_CSP } };

type HeaderStep = { set: string; value: string | number | readonly string[] } | { remove: string };
type HelmetMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * What helmet does to a response, recorded once: helmet (the very copy @fastify/helmet would use) runs
 * against a recorder instead of a real response. With these settings every step is a fixed header
 * (no nonces, no per-request policy), so replaying the steps sets exactly the headers, in the same order,
 * that @fastify/helmet sets when it rebuilds helmet's middleware from its settings on every request.
 * Anything other than setting or removing a header fails start-up rather than being skipped.
 */
export function helmetHeaderSteps(): HeaderStep[] {
  const fastifyHelmet = require.resolve('@fastify/helmet');
  const helmet = createRequire(fastifyHelmet)('helmet') as { default?: (options: object) => HelmetMiddleware } & ((
    options: object,
  ) => HelmetMiddleware);
  const middleware = (helmet.default ?? helmet)(HELMET_OPTIONS);
  const steps: HeaderStep[] = [];
  const recorder = new Proxy(
    {
      setHeader: (name: string, value: string | number | readonly string[]) => steps.push({ set: name, value }),
      removeHeader: (name: string) => steps.push({ remove: name }),
    },
    {
      get(target, property) {
        if (property in target) return target[property as keyof typeof target];
        throw new Error(`helmet used res.${String(property)}: its headers are not fixed, cannot record them`);
      },
    },
  );
  let done = false;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers are not fixed, cannot record them');
  return steps;
}

/** Security headers, the CORS allow-list and per-caller rate limiting. Registered before any route. */
export async function registerHttpSecurity(fastify: FastifyInstance, config: Configuration): Promise<void> {
  // On the raw response, first of all hooks, as @fastify/helmet does (so a refusal carries them too).
  const steps = helmetHeaderSteps();
  fastify.addHook('onRequest', (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const raw = reply.raw;
    for (const step of steps) {
      if ('set' in step) raw.setHeader(step.set, step.value);
      else raw.removeHeader(step.remove);
    }
    done();
  });
  fastify.addHook(
    'onSend',
    (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
      if ((request.routeOptions.url ?? '').startsWith('/graphiql')) reply.header('content-security-policy', GRAPHIQL_CSP);
      else if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
        reply.header('content-security-policy', OWN_POLICIES.get(reply) ?? WEB_CSP);
      }
      done(null, payload);
    },
  );

  // Without an allow-list no CORS headers are sent at all, so browsers on other origins are refused.
  if (config.CORS_ORIGINS.length > 0) {
    await fastify.register(cors, {
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'x-correlation-id'],
      exposedHeaders: ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
      credentials: false,
      maxAge: 600,
    });
  }
}

/**
 * Per token or person, not per address: partners' systems sit behind shared gateways. Runs after the
 * identity hook, so anonymous callers have already been refused (cheaply, before their body is read).
 */
export async function registerRateLimit(fastify: FastifyInstance, config: Configuration): Promise<void> {
  if (config.RATE_LIMIT_PER_MINUTE === 0) return;
  await fastify.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    allowList: (request: FastifyRequest) => request.routeOptions.url !== GRAPHQL_PATH || !request.authentication?.principal,
    keyGenerator: (request: FastifyRequest) => `principal:${request.authentication?.principal?.tokenId ?? request.ip}`,
    errorResponseBuilder: (_request, context) => refusedAsTooMany(context.statusCode, Math.ceil(context.ttl / 1000), context.max),
  });
}

function refusedAsTooMany(statusCode: number, retryAfterSeconds: number, perMinute: number): Error {
  const message = API_MESSAGES.tooManyRequests(retryAfterSeconds, perMinute);
  return Object.assign(new Error(message.nl), {
    statusCode,
    extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds, reason: message.en },
  });
}
