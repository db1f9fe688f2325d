import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { isAllowed, Permission } from '@actiemonitor/application';
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
    if (!ctx.principal) {
      throw new UnauthorizedException(
        'Geen geldig token: stuur "Authorization: Bearer <token>" (missing, unknown, expired or revoked token)',
      );
    }
    if (!permission || !isAllowed(ctx.principal.role, permission)) {
      throw new ForbiddenException(`Rol ${ctx.principal.role} mag dit niet (${gql.getInfo().fieldName}) (not allowed for this role)`);
    }
    return true;
  }
}
