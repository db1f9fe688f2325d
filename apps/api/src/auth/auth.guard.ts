import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { APPLICATION_MESSAGES, isAllowed, Permission } from '@actiemonitor/application';
import type { Message } from '@actiemonitor/domain';
import { PERMISSION_KEY } from './allow.decorator';
import { RequestContext } from './request-context';

/**
 * Checks the resolver's permission against the caller's role. Authentication happened earlier, in the
 * HTTP hook that refuses anonymous requests before their body is read (see http/request-identity.ts);
 * this guard still refuses a context without a principal. It fails closed: a query or mutation that
 * declares no permission is refused for everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const permission = this.reflector.get<Permission | undefined>(PERMISSION_KEY, context.getHandler());
    if (!ctx.principal) throw new UnauthorizedException(body(APPLICATION_MESSAGES.unauthenticated));
    if (!permission || !isAllowed(ctx.principal.role, permission)) {
      throw new ForbiddenException(body(APPLICATION_MESSAGES.forbidden(ctx.principal.role, gql.getInfo().fieldName)));
    }
    return true;
  }
}

/** An HTTP exception's body: the Dutch message, and the English meaning the GraphQL error carries as `reason`. */
function body(message: Message): { message: string; reason: string } {
  return { message: message.nl, reason: message.en };
}
