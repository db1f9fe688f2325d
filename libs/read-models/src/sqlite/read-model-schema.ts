import type Database from 'better-sqlite3';
import { readModelSchemaStatements } from '../schema/read-model-ddl';

/**
 * Read-model tables live in the same SQLite file as the log, so a projection writes its rows and its
 * checkpoint in one transaction: a crash can neither apply an event twice nor skip one. The tables
 * come from the catalogue (`schema/read-model-catalogue.ts`), as on PostgreSQL.
 */
export function migrateReadModels(db: Database.Database): void {
  const statements = readModelSchemaStatements('sqlite', builtByVersion(db));
  db.transaction(() => {
    for (const statement of statements) db.exec(statement);
  }).immediate();
}

function builtByVersion(db: Database.Database): number | null {
  const has = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  if (has('rm_schema')) return db.prepare('SELECT version FROM rm_schema WHERE id = 1').pluck().get() as number;
  // Files from before the version was recorded.
  return has('rm_checkpoints') ? 1 : null;
}
