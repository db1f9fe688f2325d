import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import {
  ApplicationModule,
  PROJECTION_POLL_INTERVAL,
  ProjectionDaemon,
  PROJECTOR,
  Projector,
  TokenService,
} from '@actiemonitor/application';
import { EVENT_STORE, EventStore } from '@actiemonitor/event-store';
import type { Configuration } from '@actiemonitor/config';
import { CONFIGURATION, PersistenceModule, PersistenceOptions } from '@actiemonitor/platform';
import { AuthGuard } from './auth/auth.guard';
import { Authenticator } from './auth/authenticator';
import { oidcSettingsFrom } from './auth/oidc-verifier';
import { RequestContext } from './auth/request-context';
import { createErrorFormatter } from './errors/graphql-error-formatter';
import { GraphQLExceptionFilter } from './errors/graphql-exception.filter';
import { validationExceptionFactory } from './errors/validation-exception.factory';
import { ActionFieldsResolver, InvolvementFieldsResolver } from './graphql/resolvers/action-fields.resolver';
import { MutationResolver } from './graphql/resolvers/mutation.resolver';
import { ActionUpdatesResolver, ProgressResolver } from './graphql/resolvers/progress.resolver';
import {
  RegionalActionFieldsResolver,
  RegionalMutationResolver,
  RegionalPartnerFieldsResolver,
  RegionalTargetFieldsResolver,
} from './graphql/resolvers/regional.resolver';
import { CorrectionResolver } from './graphql/resolvers/correction.resolver';
import { ActionMeetingResolver, MeetingResolver } from './graphql/resolvers/meeting.resolver';
import { ContactResolver } from './graphql/resolvers/contact.resolver';
import { PartnerStatusFieldsResolver } from './graphql/resolvers/partner-status-fields.resolver';
import { ActionLineFieldsResolver, PlanFieldsResolver } from './graphql/resolvers/plan-fields.resolver';
import { QueryResolver } from './graphql/resolvers/query.resolver';
import { ChangesResolver } from './graphql/resolvers/changes.resolver';
import { ContextResolver } from './graphql/resolvers/context.resolver';
import {
  ActionContextFieldsResolver,
  PlanContextFieldsResolver,
  ReferenceFieldsResolver,
  TargetContextFieldsResolver,
  ThemeFieldsResolver,
} from './graphql/resolvers/context-fields.resolver';
import { assertParsedDocument, describeOperation, queryLimits } from './graphql/query-limits';
import { assertValidSubscription } from './subscriptions/subscription-validation';
import { withPlainFields } from './graphql/plain-fields';
import './http/request-state';
import { HealthController } from './health.controller';
import { StartupImport } from './startup-import';
import { ActionChangeFeed } from './subscriptions/action-change-feed';
import { ActionChangesResolver } from './subscriptions/action-changes.resolver';
import { SUBSCRIPTION_SERVER, subscriptionServer } from './subscriptions/subscription-connection';
import { WEB_CONTROLLERS, WEB_PROVIDERS } from './web/web-controllers';

export const RESOLVERS = [
  QueryResolver,
  MutationResolver,
  ProgressResolver,
  RegionalMutationResolver,
  RegionalActionFieldsResolver,
  RegionalTargetFieldsResolver,
  RegionalPartnerFieldsResolver,
  ActionUpdatesResolver,
  CorrectionResolver,
  ContactResolver,
  PlanFieldsResolver,
  ActionLineFieldsResolver,
  ActionFieldsResolver,
  InvolvementFieldsResolver,
  PartnerStatusFieldsResolver,
  MeetingResolver,
  ActionMeetingResolver,
  ChangesResolver,
  ContextResolver,
  ActionContextFieldsResolver,
  PlanContextFieldsResolver,
  TargetContextFieldsResolver,
  ReferenceFieldsResolver,
  ThemeFieldsResolver,
  ActionChangesResolver,
];

/** The request behind a GraphQL context, when there is one (not for app.graphql() calls without HTTP). */
type HookContext = { reply?: FastifyReply };

function requestOf(context: HookContext): FastifyRequest | undefined {
  return context.reply?.request;
}

function operationNameOf(request: FastifyRequest | undefined): unknown {
  const source = (request?.method === 'GET' ? request.query : request?.body) as { operationName?: unknown } | undefined;
  return source && typeof source === 'object' ? source.operationName : undefined;
}

@Module({})
export class AppModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    const { config } = options;
    const limits = queryLimits(config);
    // connection_init is authenticated by this app's Authenticator, which exists only once Nest built it.
    const subscriptions = subscriptionServer();
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Tokens never reach the log, whatever the level.
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[verborgen]' },
            // Requests are logged by our own access log (http/access-log.ts), which also sees Mercurius' routes.
            autoLogging: false,
          },
        }),
        PersistenceModule.forRoot(options),
        ApplicationModule,
        TerminusModule,
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          transformSchema: withPlainFields,
          // Mercurius' page loads from a CDN; ours (graphiql/register-graphiql.ts) works offline.
          graphiql: false,
          // JIT-compile a query after it has been seen once: partners' dashboards repeat the same queries.
          jit: 1,
          // One operation per request; a JSON array body is refused with 400.
          allowBatchedQueries: false,
          // graphql-transport-ws over WebSocket on the same path (actionChanged); see subscriptions/.
          subscription: subscriptions.options,
          graphql: { parseOptions: { maxTokens: limits.maxTokens } },
          validationRules: limits.validationRules,
          errorFormatter: createErrorFormatter({ hideSuggestions: !limits.introspection }),
          hooks: {
            preValidation: async (_schema: GraphQLSchema, document: DocumentNode, context: HookContext) => {
              assertParsedDocument(document);
              const request = requestOf(context);
              if (request?.access) request.access.operation = describeOperation(document, operationNameOf(request));
            },
            preExecution: async (
              schema: GraphQLSchema,
              document: DocumentNode,
              context: HookContext,
              variables: Record<string, unknown>,
            ) => {
              const request = requestOf(context);
              if (request?.access) request.access.operation ??= describeOperation(document, operationNameOf(request));
              const operationName = operationNameOf(request);
              limits.checkCost(schema, document, variables, typeof operationName === 'string' ? operationName : undefined);
            },
            // Mercurius executes a subscription's document unvalidated: the same rules and limits as HTTP, here.
            preSubscriptionExecution: async (schema: GraphQLSchema, document: DocumentNode) => {
              assertValidSubscription(schema, document, limits);
            },
          },
          context: (req: FastifyRequest, _reply: FastifyReply): RequestContext => ({
            req,
            correlationId: req.access.correlationId,
            principal: req.authentication?.principal ?? undefined,
          }),
        } as MercuriusDriverConfig),
      ],
      controllers: [HealthController, ...WEB_CONTROLLERS],
      providers: [
        ...RESOLVERS,
        ...WEB_PROVIDERS,
        StartupImport,
        {
          provide: Authenticator,
          useFactory: (tokens: TokenService, configuration: Configuration) =>
            subscriptions.bind(new Authenticator(tokens, oidcSettingsFrom(configuration))),
          inject: [TokenService, CONFIGURATION],
        },
        ProjectionDaemon,
        { provide: SUBSCRIPTION_SERVER, useValue: subscriptions },
        {
          provide: ActionChangeFeed,
          useFactory: (store: EventStore, projector: Projector) => new ActionChangeFeed(store, projector),
          inject: [EVENT_STORE, PROJECTOR],
        },
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
