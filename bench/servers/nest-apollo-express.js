'use strict';
/**
 * The peer a NestJS team would build by default: Nest on Express with Apollo Server (@nestjs/apollo,
 * @apollo/server 5, @nestjs/platform-express), serving THE SAME resolver logic as the product: the
 * product's own compiled resolver classes (RESOLVERS from apps/api/src/app.module), its AuthGuard,
 * exception filter and validation pipe, on its own ApplicationModule (query and command buses,
 * handlers) and PersistenceModule (SqliteReadModelQueries over the same SQLite file). So the schema
 * is generated from the same code-first types and partnerStatuses runs the same handler and the same
 * per-row `partner` field resolver; only the GraphQL server and the HTTP platform differ.
 * The bearer token is checked per request with the product's TokenService (sha256 + lookup), as the
 * product does. What this peer does NOT do, and the product does: security headers, rate limiting
 * (off in the bench anyway), query depth/cost limits, the access log line per request, the projection
 * poller. Leaving those out favours the peer, so the ratio is conservative.
 *
 * Env: PORT, DATA_DIR, BENCH_DIST (see lib/common.js). Prints "ready <port>" when listening.
 */
require('reflect-metadata');
const { randomUUID } = require('node:crypto');
const { Module, ValidationPipe } = require('@nestjs/common');
const { NestFactory, APP_FILTER, APP_GUARD, APP_PIPE } = require('@nestjs/core');
const { GraphQLModule } = require('@nestjs/graphql');
const { ApolloDriver } = require('@nestjs/apollo');
const { ExpressAdapter } = require('@nestjs/platform-express');
const { product } = require('../lib/common');

const BEARER = /^Bearer +(\S{1,8192})$/i;

async function main() {
  const { loadConfiguration } = product('config/src');
  const { PersistenceModule } = product('libs/platform/src');
  const { ApplicationModule, TokenService } = product('libs/application/src');
  const { RESOLVERS } = product('apps/api/src/app.module');
  const { AuthGuard } = product('apps/api/src/auth/auth.guard');
  const { GraphQLExceptionFilter } = product('apps/api/src/errors/graphql-exception.filter');
  const { validationExceptionFactory } = product('apps/api/src/errors/validation-exception.factory');

  const config = loadConfiguration({ ...process.env, IMPORT_ON_START: 'false' });

  // TokenService.authenticate is async in newer builds of the product and sync in older ones: await both.
  const authenticate = async (tokens, header) => {
    const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
    return match ? ((await tokens.authenticate(match[1])) ?? undefined) : undefined;
  };

  class NestApolloExpressModule {}
  Module({
    imports: [
      PersistenceModule.forRoot({ config }),
      ApplicationModule,
      GraphQLModule.forRootAsync({
        driver: ApolloDriver,
        imports: [ApplicationModule],
        inject: [TokenService],
        useFactory: (tokens) => ({
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          context: async ({ req }) => ({
            req,
            correlationId: randomUUID(),
            principal: await authenticate(tokens, req.headers.authorization),
          }),
        }),
      }),
    ],
    providers: [
      ...RESOLVERS,
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
  process.stdout.write(`ready ${app.getHttpServer().address().port}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
