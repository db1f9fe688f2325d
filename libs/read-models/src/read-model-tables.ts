import { CHECKPOINT_TABLE, READ_MODEL_CATALOGUE, ReadModelTableName } from './schema/read-model-catalogue';

/** Every read-model table (the same on SQLite and PostgreSQL), in the order `replay --verify` walks them. */
export const READ_MODEL_TABLES: readonly ReadModelTableName[] = READ_MODEL_CATALOGUE.map((table) => table.name);

export type ReadModelTable = ReadModelTableName | 'rm_checkpoints';

/** Each table's primary key: how `replay --verify` finds a row's counterpart on the other side. */
export const READ_MODEL_KEYS = Object.fromEntries(
  [...READ_MODEL_CATALOGUE, CHECKPOINT_TABLE].map((table) => [table.name, table.primaryKey]),
) as Record<ReadModelTable, readonly string[]>;

/** The projection's name in rm_checkpoints. */
export const VIEWS_PROJECTION = 'views';
