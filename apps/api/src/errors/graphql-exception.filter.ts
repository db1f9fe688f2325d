import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { sendErrorPage, wantsPage } from '../web/web-error-page';
import { toGraphQLError } from './graphql-error-mapping';

/**
 * The one place where domain and HTTP errors become GraphQL errors with `extensions.code`. A browser
 * asking for a dashboard page gets a page in Dutch; other HTTP routes (/health, API clients on unknown
 * paths) keep Nest's own JSON errors, which carry no stack either.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Web');

  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return toGraphQLError(exception);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (request && reply && !reply.sent && wantsPage(request)) {
      const status = exception instanceof HttpException ? exception.getStatus() : 500;
      if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
      return sendErrorPage(request, reply, status >= 500 ? 500 : status);
    }
    return super.catch(exception, host);
  }
}
