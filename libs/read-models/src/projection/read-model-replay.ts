import type { Awaitable, ReadModelDifference } from '../ports/read-model-reader';
import { ALL_READ_MODEL_TABLES, Dialect } from '../schema/read-model-ddl';
import { CHECKPOINT_TABLE, READ_MODEL_CATALOGUE } from '../schema/read-model-catalogue';

type Row = Record<string, unknown>;

/** Runs one query on the store holding both the live and the rebuilt read models. */
export type ReplayQuery = (sql: string, params: unknown[]) => Awaitable<Row[]>;

/** Where each side's tables are: a SQLite database name (`main`, an attached one) or a quoted PostgreSQL schema. */
export interface ReplaySides {
  live: string;
  rebuilt: string;
}

/**
 * `replay --verify`, written once: every table in catalogue order, each way round (a row only live, or
 * only rebuilt, or changed), the first difference with its counterpart by primary key, so the report
 * can name the table, the key and the fields that differ.
 */
export async function firstReadModelDifference(
  dialect: Dialect,
  sides: ReplaySides,
  query: ReplayQuery,
): Promise<ReadModelDifference | null> {
  for (const table of ALL_READ_MODEL_TABLES) {
    for (const [from, to, onlyIn] of [
      [sides.live, sides.rebuilt, 'live'],
      [sides.rebuilt, sides.live, 'rebuilt'],
    ] as const) {
      const [row] = await query(`SELECT * FROM ${from}.${table.name} EXCEPT SELECT * FROM ${to}.${table.name} LIMIT 1`, []);
      if (!row) continue;
      const same = (key: string, i: number) => (dialect === 'sqlite' ? `${key} IS ?` : `${key} IS NOT DISTINCT FROM $${i + 1}`);
      const [counterpart] = await query(
        `SELECT * FROM ${to}.${table.name} WHERE ${table.primaryKey.map(same).join(' AND ')}`,
        table.primaryKey.map((key) => row[key]),
      );
      return { table: table.name, onlyIn, row, counterpart: counterpart ?? null };
    }
  }
  return null;
}

/**
 * Replaces the live read models with the rebuilt ones: run in one transaction, the checkpoint last,
 * so readers see the old rows or the new ones, never a mixture.
 */
export function swapStatements(sides: ReplaySides): string[] {
  return [
    ...READ_MODEL_CATALOGUE.flatMap((table) => [
      `DELETE FROM ${sides.live}.${table.name}`,
      `INSERT INTO ${sides.live}.${table.name} SELECT * FROM ${sides.rebuilt}.${table.name}`,
    ]),
    // Updated in place, not replaced: a projector waiting for this row then reads the new position.
    `UPDATE ${sides.live}.${CHECKPOINT_TABLE.name} SET position = (SELECT r.position FROM ${sides.rebuilt}.${CHECKPOINT_TABLE.name} r
       WHERE r.projection = ${CHECKPOINT_TABLE.name}.projection)`,
  ];
}
