import type { FastifyInstance, FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Configuration } from '@actiemonitor/config';
import { GRAPHQL_PATH } from './request-state';

/** The API answers JSON only: nothing may load, frame or submit anything from it. */
const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * GraphiQL (development, or GRAPHIQL=true) is a page that loads React and GraphiQL from unpkg and inline
 * styles; only its own routes get this looser policy.
 */
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self' https://unpkg.com",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "img-src 'self' data: https://unpkg.com",
  "font-src 'self' data: https://unpkg.com",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Security headers, the CORS allow-list and per-caller rate limiting. Registered before any route. */
export async function registerHttpSecurity(fastify: FastifyInstance, config: Configuration): Promise<void> {
  await fastify.register(helmet, { global: true, frameguard: { action: 'deny' }, contentSecurityPolicy: { useDefaults: false, directives: API_CSP } });
  fastify.addHook('onSend', async (request, reply) => {
    if ((request.routeOptions.url ?? '').startsWith('/graphiql')) reply.header('content-security-policy', GRAPHIQL_CSP);
  });

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
    errorResponseBuilder: (_request, context) => Object.assign(
        new Error(`Te veel verzoeken; probeer het over ${context.after} opnieuw (rate limit of ${context.max} per minute exceeded)`),
        { statusCode: context.statusCode, extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: Math.ceil(context.ttl / 1000) } },
      ),
  });
}
