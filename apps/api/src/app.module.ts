import { randomUUID } from 'node:crypto';
import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApplicationModule, PROJECTION_POLL_INTERVAL, ProjectionDaemon } from '@actiemonitor/application';
import { PersistenceModule, PersistenceOptions } from '@actiemonitor/platform';
import { AuthGuard } from './auth/auth.guard';
import { RequestContext } from './auth/request-context';
import { GraphQLExceptionFilter } from './errors/graphql-exception.filter';
import { validationExceptionFactory } from './errors/validation-exception.factory';
import { ActionFieldsResolver, InvolvementFieldsResolver } from './graphql/resolvers/action-fields.resolver';
import { MutationResolver } from './graphql/resolvers/mutation.resolver';
import { CorrectionResolver } from './graphql/resolvers/correction.resolver';
import { PartnerStatusFieldsResolver } from './graphql/resolvers/partner-status-fields.resolver';
import { ActionLineFieldsResolver, PlanFieldsResolver } from './graphql/resolvers/plan-fields.resolver';
import { QueryResolver } from './graphql/resolvers/query.resolver';
import { HealthController } from './health.controller';
import { StartupImport } from './startup-import';

export const RESOLVERS = [
  QueryResolver,
  MutationResolver,
  CorrectionResolver,
  PlanFieldsResolver,
  ActionLineFieldsResolver,
  ActionFieldsResolver,
  InvolvementFieldsResolver,
  PartnerStatusFieldsResolver,
];

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

@Module({})
export class AppModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    const { config } = options;
    const graphiql = config.GRAPHIQL ?? config.NODE_ENV !== 'production';
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Tokens never reach the log, whatever the level.
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[verborgen]' },
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        PersistenceModule.forRoot(options),
        ApplicationModule,
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          graphiql,
          // JIT-compile a query after it has been seen once: partners' dashboards repeat the same queries.
          jit: 1,
          context: (req: FastifyRequest, _reply: FastifyReply): RequestContext => {
            const header = req.headers['x-correlation-id'];
            const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
            return { req, correlationId };
          },
        }),
      ],
      controllers: [HealthController],
      providers: [
        ...RESOLVERS,
        StartupImport,
        ProjectionDaemon,
        { provide: PROJECTION_POLL_INTERVAL, useValue: config.PROJECTION_POLL_MS },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ transform: true, forbidUnknownValues: false, exceptionFactory: validationExceptionFactory }),
        },
      ],
    };
  }
}
