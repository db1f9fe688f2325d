import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { loadConfiguration } from '@actiemonitor/config';
import { createServer } from './create-server';

/**
 * Prints the schema the server serves. `npm run schema` writes it to schema.gql (committed), and the
 * contract test compares it with ../shared/api-contract.graphql and with this output.
 */
async function printServedSchema(): Promise<void> {
  const config = loadConfiguration({ ...process.env, IMPORT_ON_START: 'false', LOG_LEVEL: 'silent' });
  const app = await createServer({ config, databaseFile: ':memory:' });
  try {
    process.stdout.write(printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n');
  } finally {
    await app.close();
  }
}

printServedSchema().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
