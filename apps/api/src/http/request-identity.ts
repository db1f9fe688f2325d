import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { APPLICATION_MESSAGES } from '@actiemonitor/application';
import type { Authenticator } from '../auth/authenticator';
import { GRAPHQL_PATH } from './request-state';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Gives every request its access record and correlation id, and authenticates calls to /graphql
 * before their body is read: an anonymous or unrecognised caller gets 401 UNAUTHENTICATED at once, so it
 * can make the server parse nothing, validate nothing and learn nothing about the schema.
 */
export function registerRequestIdentity(fastify: FastifyInstance, authenticator: Authenticator): void {
  fastify.decorateRequest('authentication', null);
  fastify.decorateRequest('access', null as never);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers['x-correlation-id'];
    const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
    request.access = { correlationId, operation: null, codes: [] };
    if (request.routeOptions.url !== GRAPHQL_PATH) return;
    // A WebSocket (subscriptions) authenticates in its connection_init message: browsers cannot set headers on it.
    if (isWebSocketUpgrade(request)) return;
    request.authentication = await authenticator.authenticate(request.headers.authorization);
    if (request.authentication.principal) return;
    request.access.codes.push('UNAUTHENTICATED');
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({
        data: null,
        errors: [
          {
            message: APPLICATION_MESSAGES.unauthenticated.nl,
            extensions: { code: 'UNAUTHENTICATED', reason: APPLICATION_MESSAGES.unauthenticated.en },
          },
        ],
      });
  });
}

function isWebSocketUpgrade(request: FastifyRequest): boolean {
  const upgrade = request.headers.upgrade;
  return request.method === 'GET' && typeof upgrade === 'string' && upgrade.toLowerCase() === 'websocket';
}
