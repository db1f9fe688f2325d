import { CHECKPOINT_TABLE, ColumnKind, READ_MODEL_CATALOGUE, TableSpec } from './read-model-catalogue';
import { VIEWS_PROJECTION } from '../read-model-tables';

export type Dialect = 'sqlite' | 'postgres';

const COLUMN_TYPES: Record<Dialect, Record<ColumnKind, string>> = {
  sqlite: { text: 'TEXT', position: 'INTEGER', count: 'INTEGER', doc: 'TEXT' },
  postgres: { text: 'text', position: 'bigint', count: 'integer', doc: 'jsonb' },
};

/**
 * What the projection writes changes between versions (2: target history; 3: reporting rounds and
 * owners' progress updates in the action documents; 4: regional actions and figures, meetings and their
 * agreements, parliamentary references, themes and context figures; 5: time travel without copies of the
 * status aggregate or of every version: a row per change of an action's status contribution). Read models are derived data, so
 * there is one migration scheme for every store: when the tables were built by another version, they are dropped and created afresh from the catalogue, and the projector rebuilds them
 * from the log. The events are never touched.
 */
export const READ_MODEL_SCHEMA_VERSION = 5;

/** Tables earlier versions had and this one does not: dropped with the rest when the version changes. */
const RETIRED_TABLES = ['rm_status_snapshots', 'rm_snapshot_marks', 'rm_action_history', 'rm_target_history'];

/** The tables in the order they are created, compared and swapped; the checkpoint last. */
export const ALL_READ_MODEL_TABLES: readonly TableSpec[] = [...READ_MODEL_CATALOGUE, CHECKPOINT_TABLE];

export function createTableStatements(dialect: Dialect, table: TableSpec): string[] {
  const columns = table.columns.map((c) => `${c.name} ${COLUMN_TYPES[dialect][c.kind]}${c.nullable ? '' : ' NOT NULL'}`);
  const rowid = dialect === 'sqlite' && table.smallRows ? ' WITHOUT ROWID' : '';
  return [
    `CREATE TABLE IF NOT EXISTS ${table.name} (${columns.join(', ')}, PRIMARY KEY (${table.primaryKey.join(', ')}))${rowid}`,
    ...(table.indexes ?? []).map((index) => `CREATE INDEX IF NOT EXISTS ${index.name} ON ${table.name} (${index.columns.join(', ')})`),
  ];
}

/**
 * The statements that bring a store's read-model tables to this build's version, given the version
 * that built them (null: none yet). Run in one transaction. Both dialects understand every one.
 */
export function readModelSchemaStatements(dialect: Dialect, builtVersion: number | null): string[] {
  if (builtVersion !== null && builtVersion > READ_MODEL_SCHEMA_VERSION) {
    // An older build must not write into tables a newer one has changed.
    throw new Error(
      `The read models were built by schema version ${builtVersion}, this build knows ${READ_MODEL_SCHEMA_VERSION}: deploy the newer build`,
    );
  }
  const rebuild = builtVersion !== null && builtVersion < READ_MODEL_SCHEMA_VERSION;
  return [
    ...(rebuild
      ? [...ALL_READ_MODEL_TABLES.map((table) => table.name), ...RETIRED_TABLES].map((name) => `DROP TABLE IF EXISTS ${name}`)
      : []),
    ...ALL_READ_MODEL_TABLES.flatMap((table) => createTableStatements(dialect, table)),
    `INSERT INTO ${CHECKPOINT_TABLE.name} (projection, position) VALUES ('${VIEWS_PROJECTION}', 0) ON CONFLICT (projection) DO NOTHING`,
    'CREATE TABLE IF NOT EXISTS rm_schema (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL)',
    `INSERT INTO rm_schema (id, version) VALUES (1, ${READ_MODEL_SCHEMA_VERSION}) ON CONFLICT (id) DO UPDATE SET version = excluded.version`,
  ];
}
