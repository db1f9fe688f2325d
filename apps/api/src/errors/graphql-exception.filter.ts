import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { toGraphQLError } from './graphql-error-mapping';

/**
 * The one place where domain and HTTP errors become GraphQL errors with `extensions.code`. Plain HTTP
 * routes (/health, unknown paths) keep Nest's own JSON errors, which carry no stack either.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return toGraphQLError(exception);
    return super.catch(exception, host);
  }
}
