import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, parse } from 'graphql';
import { API_MESSAGES } from '../errors/api.messages';
import { GRAPHQL_PATH } from './request-state';

/** The GraphQL-over-HTTP specification's own media type; `application/json` is its legacy one. */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
const JSON_TYPE = 'application/json';

type ResponseMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof JSON_TYPE;

/**
 * Which of our two media types an Accept header asks for: the acceptable one with the highest q
 * (the earlier one on a tie); `application/json` without a header, as the specification says a server
 * should treat such a request; null when neither is acceptable (406).
 */
export function responseMediaType(accept: string | undefined): ResponseMediaType | null {
  if (accept === undefined || accept.trim() === '') return JSON_TYPE;
  let best: { type: ResponseMediaType; q: number } | null = null;
  for (const range of accept.split(',')) {
    const [rawType, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    // A wildcard gets the legacy type: clients that send `*/*` were written against application/json.
    const type: ResponseMediaType | null =
      rawType === GRAPHQL_RESPONSE_JSON ? GRAPHQL_RESPONSE_JSON : [JSON_TYPE, 'application/*', '*/*'].includes(rawType) ? JSON_TYPE : null;
    if (type !== null && (best === null || q > best.q)) best = { type, q };
  }
  return best?.type ?? null;
}

/**
 * Makes /graphql follow the GraphQL-over-HTTP specification where Mercurius does not by itself:
 *  - `"extensions": null` (and `"variables": null`, `"operationName": null`) in a JSON body mean "none";
 *  - the Accept header chooses `application/graphql-response+json` or `application/json`, 406 when neither;
 *    with the new type a request error (nothing executed) carries no `data` entry, only a 4xx status;
 *  - a mutation sent by GET is refused with 405 and `Allow: POST` (Mercurius sends the 405 without it).
 * GET for queries is Mercurius' own (query, variables and extensions in the query string).
 */
export function registerGraphqlOverHttp(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.url !== GRAPHQL_PATH) return;
    if (responseMediaType(request.headers.accept) !== null) return;
    request.access?.codes.push('NOT_ACCEPTABLE');
    return reply
      .code(406)
      .header('content-type', `${JSON_TYPE}; charset=utf-8`)
      .send({
        errors: [{ message: API_MESSAGES.notAcceptable.nl, extensions: { code: 'NOT_ACCEPTABLE', reason: API_MESSAGES.notAcceptable.en } }],
      });
  });

  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    if (request.routeOptions.url !== GRAPHQL_PATH || request.method !== 'POST') return;
    const body = request.body as Record<string, unknown> | null;
    // Mercurius' body schema types `extensions` as an object only; null is the specification's "none".
    if (body && typeof body === 'object' && !Array.isArray(body) && body.extensions === null) delete body.extensions;
  });

  fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.url !== GRAPHQL_PATH || request.method !== 'GET') return;
    const { query, operationName } = (request.query ?? {}) as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string' || hasOperation(query, typeof operationName === 'string' ? operationName : undefined)) return;
    // Mercurius' GET check reads the chosen operation without looking whether there is one (a 500).
    const message = API_MESSAGES.unknownOperation(typeof operationName === 'string' ? operationName : null);
    request.access?.codes.push('GRAPHQL_VALIDATION_FAILED');
    return reply
      .code(400)
      .header('content-type', `${JSON_TYPE}; charset=utf-8`)
      .send({ data: null, errors: [{ message: message.nl, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: message.en } }] });
  });

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.routeOptions.url !== GRAPHQL_PATH) return payload;
    if (reply.statusCode === 405) reply.header('allow', 'POST');
    const type = responseMediaType(request.headers.accept);
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (type !== GRAPHQL_RESPONSE_JSON || !contentType.startsWith(JSON_TYPE)) return payload;
    reply.header('content-type', `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
    return reply.statusCode >= 400 ? withoutNullData(payload) : payload;
  });
}

/** Whether a GET's document names the operation to run (true for a document that does not parse: Mercurius reports that). */
function hasOperation(query: string, operationName: string | undefined): boolean {
  try {
    return getOperationAST(parse(query), operationName) !== null;
  } catch {
    return true;
  }
}

/** A request error under application/graphql-response+json has no `data` entry (the spec's "request error" shape). */
function withoutNullData(payload: unknown): unknown {
  if (typeof payload !== 'string') return payload;
  try {
    const body = JSON.parse(payload) as Record<string, unknown>;
    if (body === null || typeof body !== 'object' || body.data !== null) return payload;
    delete body.data;
    return JSON.stringify(body);
  } catch {
    return payload;
  }
}
