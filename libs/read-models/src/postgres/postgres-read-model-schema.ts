import type { Pool, PoolClient } from 'pg';
import { inTransaction, TAKE_MIGRATION_LOCK } from '@actiemonitor/event-store';
import { readModelSchemaStatements } from '../schema/read-model-ddl';

/**
 * The read models in PostgreSQL, beside the log and in the same schema: one backup holds both, and a
 * projection writes its rows and its checkpoint in one transaction. The tables come from the same
 * catalogue as on SQLite, under an advisory lock so instances starting together do not race.
 */
export function migratePostgresReadModels(pool: Pool): Promise<void> {
  return inTransaction(pool, async (client) => {
    await client.query(TAKE_MIGRATION_LOCK);
    for (const statement of readModelSchemaStatements('postgres', await builtByVersion(client))) await client.query(statement);
  });
}

async function builtByVersion(client: PoolClient): Promise<number | null> {
  const exists = async (table: string) =>
    (await client.query<{ oid: string | null }>('SELECT to_regclass($1) AS oid', [table])).rows[0].oid !== null;
  if (await exists('rm_schema')) {
    return (await client.query<{ version: number }>('SELECT version FROM rm_schema WHERE id = 1')).rows[0]?.version ?? null;
  }
  // Databases from before one scheme served both stores kept numbered migrations; version 2 is today's tables.
  if (await exists('read_model_migrations')) {
    return (await client.query<{ version: number | null }>('SELECT max(version) AS version FROM read_model_migrations')).rows[0].version;
  }
  return null;
}
