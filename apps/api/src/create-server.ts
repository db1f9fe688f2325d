import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import { PersistenceOptions } from '@actiemonitor/platform';
import { PROJECTOR } from '@actiemonitor/application';
import { EVENT_STORE } from '@actiemonitor/event-store';
import { AppModule } from './app.module';
import { Authenticator } from './auth/authenticator';
import { graphiqlEnabled, registerGraphiql } from './graphiql/register-graphiql';
import { registerAccessLog } from './http/access-log';
import { registerGraphqlOverHttp } from './http/graphql-over-http';
import { registerMetrics } from './http/metrics';
import { registerHttpSecurity, registerRateLimit } from './http/http-security';
import { registerRequestIdentity } from './http/request-identity';
import { registerWebAssets } from './web/web-assets';
import { registerWebSession } from './web/session/web-session';
import { SUBSCRIPTION_SERVER, SubscriptionServer } from './subscriptions/subscription-connection';

/** Builds the server (used by main.ts and by the end-to-end tests, so both run the same wiring). */
export async function createServer(options: PersistenceOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    // A body over the limit gets 413 before it is parsed.
    new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Hooks and plugins go on before Nest and Mercurius add their routes (app.init), in this order:
  // headers and CORS first (so even a refusal carries them), then who is calling, then the rate limit.
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await registerHttpSecurity(fastify, config);
  registerRequestIdentity(fastify, app.get(Authenticator));
  await registerRateLimit(fastify, config);
  registerGraphqlOverHttp(fastify);
  registerMetrics(fastify, config.METRICS_TOKEN, app.get(EVENT_STORE), app.get(PROJECTOR));
  if (config.ACCESS_LOG) registerAccessLog(fastify);
  // The web dashboard: its stylesheets and fonts, and browser sessions (cookie, CSRF, who is looking).
  await registerWebAssets(fastify);
  await registerWebSession(fastify, config, app.get(Authenticator));
  registerGraphiql(fastify, graphiqlEnabled(config));
  // Registered before Mercurius (which then reuses it) so that our message limit holds, not its 1 MiB:
  // a larger client message closes the socket with 1009.
  await fastify.register(fastifyWebsocket, { options: { maxPayload: config.WS_MAX_MESSAGE_BYTES } });
  app.get<SubscriptionServer>(SUBSCRIPTION_SERVER).watch(fastify.websocketServer, config.WS_INIT_TIMEOUT_MS);
  await app.init();
  await fastify.ready();
  return app;
}
