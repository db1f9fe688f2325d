import { BadRequestException, ForbiddenException, HttpException, Logger, UnauthorizedException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { Conflict, DomainError, InvalidInput } from '@actiemonitor/domain';
import { isTransientStoreError } from '@actiemonitor/event-store';

const logger = new Logger('GraphQL');

/** Builds the error clients see: a Dutch message and `extensions.code`; never a stack trace or SQL. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof InvalidInput) {
    return new GraphQLError(error.message, { extensions: { code: error.code, field: error.field, reason: error.reason } });
  }
  if (error instanceof Conflict) {
    return new GraphQLError(error.message, { extensions: { code: error.code, currentVersion: error.currentVersion } });
  }
  if (error instanceof DomainError) return new GraphQLError(error.message, { extensions: { code: error.code } });
  if (error instanceof UnauthorizedException) return new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED' } });
  if (error instanceof ForbiddenException) return new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN' } });
  if (error instanceof BadRequestException) {
    const body = error.getResponse() as { field?: string; reason?: string; message?: string };
    return new GraphQLError(body.message ?? error.message, {
      extensions: { code: 'BAD_USER_INPUT', field: body.field, reason: body.reason },
    });
  }
  if (error instanceof HttpException && error.getStatus() === 429) {
    return new GraphQLError(error.message, { extensions: { code: 'TOO_MANY_REQUESTS' } });
  }
  if (isTransientStoreError(error)) {
    logger.warn(`Opslag tijdelijk onbereikbaar: ${error instanceof Error ? error.message : String(error)}`);
    return new GraphQLError(
      'De opslag is tijdelijk niet bereikbaar; probeer het zo opnieuw, met dezelfde commandId (store unavailable, retry)',
      {
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
      },
    );
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return new GraphQLError('Interne fout; probeer het later opnieuw (internal error)', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
