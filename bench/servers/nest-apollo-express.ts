/**
 * The peer a NestJS team would build by default: Nest on Express with Apollo Server (@nestjs/apollo,
 * @apollo/server 5, @nestjs/platform-express), serving THE SAME resolver logic as the product: the
 * product's own compiled resolver classes (RESOLVERS from apps/api/src/app.module), its AuthGuard,
 * exception filter and validation pipe, on its own ApplicationModule (query and command buses,
 * handlers) and PersistenceModule (SqliteReadModelQueries over the same SQLite file). So the schema
 * is generated from the same code-first types and partnerStatuses runs the same handler and the same
 * per-row `partner` field resolver; only the GraphQL server and the HTTP platform differ.
 * The bearer token is checked per request with the product's TokenService (sha256, the store's revision), as the
 * product does. What this peer does NOT do, and the product does: security headers, rate limiting
 * (off in the bench anyway), query depth/cost limits, the access log line per request, the projection
 * poller. Leaving those out favours the peer, so the ratio is conservative.
 *
 * The subscription resolver (actionChanged over graphql-transport-ws) is left out: it needs the
 * product's change feed and WebSocket server, and no query measured here touches it.
 *
 * The API's classes come from the same build as this file (apps/api is an app, not a library: it has
 * no entry point to import them through).
 *
 * Env: PORT, DATA_DIR. Prints "ready <port>" when listening.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver } from '@nestjs/apollo';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ExpressAdapter } from '@nestjs/platform-express';
import { ApplicationModule, TokenService } from '@actiemonitor/application';
import type { Principal } from '@actiemonitor/application';
import { loadConfiguration } from '@actiemonitor/config';
import { PersistenceModule } from '@actiemonitor/platform';
import { RESOLVERS } from '../../apps/api/src/app.module';
import { AuthGuard } from '../../apps/api/src/auth/auth.guard';
import { GraphQLExceptionFilter } from '../../apps/api/src/errors/graphql-exception.filter';
import { validationExceptionFactory } from '../../apps/api/src/errors/validation-exception.factory';
import { ActionChangesResolver } from '../../apps/api/src/subscriptions/action-changes.resolver';

const BEARER = /^Bearer +(\S{1,8192})$/i;

async function main(): Promise<void> {
  const config = loadConfiguration({ ...process.env, IMPORT_ON_START: 'false' });

  const authenticate = async (tokens: TokenService, header: string | undefined): Promise<Principal | undefined> => {
    const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
    return match ? ((await tokens.authenticate(match[1])) ?? undefined) : undefined;
  };

  class NestApolloExpressModule {}
  Module({
    imports: [
      PersistenceModule.forRoot({ config }),
      ApplicationModule,
      GraphQLModule.forRootAsync<ApolloDriverConfig>({
        driver: ApolloDriver,
        imports: [ApplicationModule],
        inject: [TokenService],
        useFactory: (tokens: TokenService) => ({
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          context: async ({ req }: { req: IncomingMessage }) => ({
            req,
            correlationId: randomUUID(),
            principal: await authenticate(tokens, req.headers.authorization),
          }),
        }),
      }),
    ],
    providers: [
      // Queries and mutations only: the live feed (graphql-transport-ws) is not part of the comparison.
      ...RESOLVERS.filter((resolver) => resolver !== ActionChangesResolver),
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
      {
        provide: APP_PIPE,
        useValue: new ValidationPipe({ transform: true, forbidUnknownValues: false, exceptionFactory: validationExceptionFactory }),
      },
    ],
  })(NestApolloExpressModule);

  const app = await NestFactory.create(NestApolloExpressModule, new ExpressAdapter(), { logger: ['error'] });
  await app.listen(Number(process.env.PORT || 0), '127.0.0.1');
  const address = (app.getHttpServer() as Server).address();
  process.stdout.write(`ready ${address && typeof address === 'object' ? address.port : address}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
