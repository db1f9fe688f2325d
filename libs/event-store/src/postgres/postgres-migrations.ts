import type { Pool } from 'pg';
import { TAKE_MIGRATION_LOCK } from './postgres-locks';
import { inTransaction } from './transaction';
import { EVENT_STORE_MIGRATIONS, Migration } from './postgres-schema';

/**
 * Applies the migrations this build knows and the database lacks, all in one transaction under an
 * advisory lock: idempotent on every start, and safe when several instances start at once (the second
 * waits, then finds nothing left to do). Returns the versions it applied.
 */
export async function migrateEventStore(pool: Pool, migrations: readonly Migration[] = EVENT_STORE_MIGRATIONS): Promise<number[]> {
  return applyMigrations(pool, 'event_store_migrations', migrations);
}

/** The same, for any set of tables that keeps its own migration history in `table`. */
export async function applyMigrations(pool: Pool, table: string, migrations: readonly Migration[]): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query(TAKE_MIGRATION_LOCK);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (
      version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${table}`);
    const applied = new Set(rows.map((row) => row.version));
    const known = new Set(migrations.map((m) => m.version));
    const unknown = [...applied].filter((version) => !known.has(version));
    if (unknown.length > 0) {
      // An older build must not write into tables a newer one has changed.
      throw new Error(`${table} in PostgreSQL lists migrations this build does not know (${unknown.join(', ')}): deploy the newer build`);
    }
    const pending = migrations.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${table} (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
    }
    return pending.map((m) => m.version);
  });
}
