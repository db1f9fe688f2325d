import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { loadConfiguration } from '@actiemonitor/config';
import { createServer } from './create-server';
import { graphiqlEnabled } from './graphiql/register-graphiql';

async function bootstrap(): Promise<void> {
  const config = loadConfiguration();
  const app = await createServer({ config });
  await app.listen({ port: config.PORT, host: config.HOST });
  const graphiql = graphiqlEnabled(config) ? `, GraphiQL at http://localhost:${config.PORT}/graphiql` : '';
  app.get(Logger).log(`Dashboard at http://localhost:${config.PORT}/, GraphQL at http://localhost:${config.PORT}/graphql${graphiql}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
