import type { Authentication } from '../auth/authenticator';

/** What one request has learned about itself on its way through the server, for the guard and the access log. */
export interface AccessRecord {
  correlationId: string;
  /** The GraphQL operation, once the document has been parsed. */
  operation: { type: string; name: string | null; fields: string[] } | null;
  /** `extensions.code` of every error answered, in order. */
  codes: string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    authentication: Authentication | null;
    access: AccessRecord;
  }
}

export const GRAPHQL_PATH = '/graphql';
