import Database from 'better-sqlite3';
import { createPostgresPool } from '@actiemonitor/event-store';
import {
  describeWithPostgres,
  probePostgres,
  TEST_DATABASE_URL,
  TestSchemas,
} from '../../event-store/src/postgres/postgres-test-database.testing';
import { migratePostgresReadModels } from './postgres/postgres-read-model-schema';
import { READ_MODEL_TABLES } from './read-model-tables';
import { migrateReadModels } from './sqlite/read-model-schema';
import { ALL_READ_MODEL_TABLES } from './schema/read-model-ddl';

/** A table as both stores must agree on it: columns (name, kind, required), primary key, indexes. */
interface TableShape {
  columns: string[];
  primaryKey: string[];
  indexes: string[];
}

/** Types differ by dialect (TEXT/jsonb, INTEGER/bigint): compared as the kind of value they hold. */
const kindOf = (type: string) => (/int/i.test(type) ? 'integer' : /text|json|char/i.test(type) ? 'text' : type.toLowerCase());

function sqliteShapes(): Record<string, TableShape> {
  const db = new Database(':memory:');
  migrateReadModels(db);
  const shapes: Record<string, TableShape> = {};
  for (const table of [...READ_MODEL_TABLES, 'rm_checkpoints']) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string; type: string; notnull: number; pk: number }>;
    const indexes = (db.prepare(`PRAGMA index_list(${table})`).all() as Array<{ name: string; origin: string }>)
      .filter((i) => i.origin === 'c')
      .map(
        (i) => `${i.name} (${(db.prepare(`PRAGMA index_info(${i.name})`).all() as Array<{ name: string }>).map((c) => c.name).join(', ')})`,
      );
    shapes[table] = {
      // A primary key column is required on both (SQLite reports notnull 0 for a rowid alias).
      columns: columns.map((c) => `${c.name} ${kindOf(c.type)}${c.notnull || c.pk ? ' required' : ''}`),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      indexes: indexes.sort(),
    };
  }
  db.close();
  return shapes;
}

/** What the catalogue says every store must hold: the one definition both schemas are generated from. */
function catalogueShapes(): Record<string, TableShape> {
  return Object.fromEntries(
    ALL_READ_MODEL_TABLES.map((table) => [
      table.name,
      {
        columns: table.columns.map(
          (c) => `${c.name} ${c.kind === 'position' || c.kind === 'count' ? 'integer' : 'text'}${c.nullable ? '' : ' required'}`,
        ),
        primaryKey: [...table.primaryKey],
        indexes: (table.indexes ?? []).map((i) => `${i.name} (${i.columns.join(', ')})`).sort(),
      },
    ]),
  );
}

describe('read-model schema on SQLite', () => {
  it('holds exactly the tables, columns, keys and indexes of the catalogue', () => {
    expect(sqliteShapes()).toEqual(catalogueShapes());
  });

  it('rebuilds tables made by an older version and keeps those of the current one', () => {
    const db = new Database(':memory:');
    migrateReadModels(db);
    db.exec("INSERT INTO rm_partners (id, doc) VALUES ('VWS', '{}'); UPDATE rm_checkpoints SET position = 7");
    migrateReadModels(db);
    expect(db.prepare('SELECT count(*) AS n FROM rm_partners').get()).toEqual({ n: 1 });
    db.exec('UPDATE rm_schema SET version = 1');
    migrateReadModels(db);
    expect(db.prepare('SELECT count(*) AS n FROM rm_partners').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT position FROM rm_checkpoints').get()).toEqual({ position: 0 });
    db.exec('UPDATE rm_schema SET version = 99');
    expect(() => migrateReadModels(db)).toThrow(/deploy the newer build/);
    db.close();
  });
});

describeWithPostgres('read-model schemas: SQLite and PostgreSQL hold the same tables', probePostgres(), () => {
  const schemas = new TestSchemas();
  afterAll(() => schemas.end());

  it('have the same tables, columns, primary keys and indexes', async () => {
    const schema = await schemas.create();
    const pool = createPostgresPool({ connectionString: TEST_DATABASE_URL, schema });
    try {
      await migratePostgresReadModels(pool);
      const postgres: Record<string, TableShape> = {};
      for (const table of [...READ_MODEL_TABLES, 'rm_checkpoints']) {
        const { rows: columns } = await pool.query<{ column_name: string; data_type: string; is_nullable: string }>(
          'SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
          [schema, table],
        );
        const { rows: key } = await pool.query<{ column_name: string }>(
          `SELECT a.attname AS column_name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
           WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
          [`${schema}.${table}`],
        );
        const { rows: indexes } = await pool.query<{ name: string; columns: string }>(
          `SELECT c.relname AS name, string_agg(a.attname, ', ' ORDER BY array_position(i.indkey, a.attnum)) AS columns
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
           WHERE i.indrelid = $1::regclass AND NOT i.indisprimary GROUP BY c.relname`,
          [`${schema}.${table}`],
        );
        postgres[table] = {
          columns: columns.map((c) => `${c.column_name} ${kindOf(c.data_type)}${c.is_nullable === 'NO' ? ' required' : ''}`),
          primaryKey: key.map((k) => k.column_name),
          indexes: indexes.map((i) => `${i.name} (${i.columns})`).sort(),
        };
      }
      expect(postgres).toEqual(sqliteShapes());
      expect(postgres).toEqual(catalogueShapes());
    } finally {
      await pool.end();
      await schemas.drop(schema);
    }
  });
});
