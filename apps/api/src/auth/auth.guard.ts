import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { isAllowed, Permission, TokenService } from '@actiemonitor/application';
import { PERMISSION_KEY } from './allow.decorator';
import { RequestContext } from './request-context';

/**
 * Authenticates the bearer token and checks the resolver's permission. It fails closed:
 * a query or mutation that declares no permission is refused for everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const permission = this.reflector.get<Permission | undefined>(PERMISSION_KEY, context.getHandler());
    ctx.principal ??= this.authenticate(ctx) ?? undefined;
    if (!ctx.principal) {
      throw new UnauthorizedException('Geen geldig token: stuur "Authorization: Bearer <token>" (missing, unknown, expired or revoked token)');
    }
    if (!permission || !isAllowed(ctx.principal.role, permission)) {
      throw new ForbiddenException(`Rol ${ctx.principal.role} mag dit niet (${gql.getInfo().fieldName}) (not allowed for this role)`);
    }
    return true;
  }

  private authenticate(ctx: RequestContext) {
    const header = ctx.req.headers.authorization;
    if (typeof header !== 'string') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match ? this.tokens.authenticate(match[1]) : null;
  }
}
