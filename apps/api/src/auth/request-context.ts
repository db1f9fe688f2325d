import type { FastifyRequest } from 'fastify';
import type { Principal } from '@actiemonitor/application';

/** The GraphQL context: the HTTP request, and who is calling (set by the authentication hook before parsing). */
export interface RequestContext {
  req: FastifyRequest;
  principal?: Principal;
  correlationId: string;
}
