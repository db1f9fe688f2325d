import { BadRequestException, ForbiddenException, HttpException, Logger, UnauthorizedException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { Conflict, DomainError, InvalidInput } from '@actiemonitor/domain';
import { isTransientStoreError } from '@actiemonitor/event-store';
import { API_MESSAGES } from './api.messages';

const logger = new Logger('GraphQL');

/**
 * Builds the error clients see: a Dutch message, `extensions.code`, and the English meaning as
 * `extensions.reason`; never a stack trace or SQL.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof InvalidInput) {
    return new GraphQLError(error.message, { extensions: { code: error.code, field: error.field, reason: error.reason } });
  }
  if (error instanceof Conflict) {
    return new GraphQLError(error.message, {
      extensions: { code: error.code, currentVersion: error.currentVersion, reason: error.reason },
    });
  }
  if (error instanceof DomainError) return new GraphQLError(error.message, { extensions: { code: error.code, reason: error.reason } });
  if (error instanceof UnauthorizedException) {
    return new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', ...reasonOf(error) } });
  }
  if (error instanceof ForbiddenException)
    return new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN', ...reasonOf(error) } });
  if (error instanceof BadRequestException) {
    const body = error.getResponse() as { field?: string; reason?: string; message?: string };
    return new GraphQLError(body.message ?? error.message, {
      extensions: { code: 'BAD_USER_INPUT', field: body.field, reason: body.reason },
    });
  }
  if (error instanceof HttpException && error.getStatus() === 429) {
    return new GraphQLError(error.message, { extensions: { code: 'TOO_MANY_REQUESTS', ...reasonOf(error) } });
  }
  if (isTransientStoreError(error)) {
    logger.warn(`Store temporarily unreachable: ${error instanceof Error ? error.message : String(error)}`);
    return new GraphQLError(API_MESSAGES.storeUnavailable.nl, {
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, reason: API_MESSAGES.storeUnavailable.en },
    });
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return new GraphQLError(API_MESSAGES.internal.nl, { extensions: { code: 'INTERNAL_SERVER_ERROR', reason: API_MESSAGES.internal.en } });
}

/** The English `reason` an HTTP exception of ours carries beside its Dutch message (`{ message, reason }`). */
function reasonOf(error: HttpException): { reason?: string } {
  const body = error.getResponse();
  const reason = typeof body === 'object' && body !== null ? (body as { reason?: unknown }).reason : undefined;
  return typeof reason === 'string' ? { reason } : {};
}
