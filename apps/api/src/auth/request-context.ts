import type { FastifyRequest } from 'fastify';
import type { Principal } from '@actiemonitor/application';

/** The GraphQL context: the HTTP request, and who is calling once the guard has looked. */
export interface RequestContext {
  req: FastifyRequest;
  principal?: Principal;
  correlationId: string;
}
