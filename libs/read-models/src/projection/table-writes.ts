import { cellFromKey } from '../views/status-contributions';
import { membershipRows, membershipsChanged, ownerRows, ownersChanged } from '../views/action-links';
import { CHECKPOINT_TABLE, ColumnKind, ReadModelTableName, tableSpec } from '../schema/read-model-catalogue';
import type { Dialect } from '../schema/read-model-ddl';
import { VIEWS_PROJECTION } from '../read-model-tables';
import { ProjectionChanges, ViewChange } from './project-batch';
import { contextViewWrites } from './context-writes';

/** A row's values in the order of its table's columns in the catalogue; documents as JSON text. */
export type RowValues = readonly (string | bigint | number | null)[];

/**
 * What a batch writes, as data: the one place that decides which rows change, shared by every store.
 * A store executes the list in order, in the transaction that also moves the checkpoint, with the
 * statements `statementsFor` below gives its dialect.
 */
export type TableWrite =
  /** Inserts the rows; an existing row (same key) gets the table's `updatedOnConflict` columns replaced. */
  | { readonly kind: 'upsert'; readonly table: ReadModelTableName; readonly rows: readonly RowValues[] }
  /** Deletes the rows whose `keyColumn` is one of `ids` (the views that existed before), then inserts `rows`. */
  | {
      readonly kind: 'replace-links';
      readonly table: ReadModelTableName;
      readonly keyColumn: string;
      readonly ids: readonly string[];
      readonly rows: readonly RowValues[];
    }
  /**
   * A rebuild's rows for a table that only grows, added in log order: SQLite collects them in an
   * unindexed temporary table and `merge-staged` inserts them in key order at the end (walking the
   * b-tree once instead of at random for every row); PostgreSQL inserts them at once.
   */
  | { readonly kind: 'stage-rows'; readonly table: ReadModelTableName; readonly rows: readonly RowValues[] }
  | { readonly kind: 'merge-staged'; readonly table: ReadModelTableName }
  /** Adds each delta to its status cell; cells that were lowered and reached zero are dropped. */
  | { readonly kind: 'add-counts'; readonly rows: readonly RowValues[] }
  | { readonly kind: 'checkpoint'; readonly position: bigint };

/** Everything a batch changed, then the checkpoint after it. */
export function batchWrites(changes: ProjectionChanges): TableWrite[] {
  return [...historyWrites(changes), ...countWrites(changes.statusDeltas), ...viewWrites(changes.views)];
}

export function checkpointWrite(position: bigint): TableWrite {
  return { kind: 'checkpoint', position };
}

/**
 * The time-travel part of a batch: every change of an action's contribution to the aggregate. A rebuild
 * writes this per page, and the views and counts only once, at the end. A batch's rows go in key order,
 * so it walks the b-tree once, front to back, instead of jumping about it; a rebuild's staged rows are
 * sorted once, when they are merged.
 */
export function historyWrites(changes: ProjectionChanges, { staged = false }: { staged?: boolean } = {}): TableWrite[] {
  if (changes.statusVersions.length === 0) return [];
  const rows: RowValues[] = changes.statusVersions.map(({ actionId, recordedAt, position, contribution: c }) => [
    actionId,
    recordedAt,
    position,
    c.status,
    c.deadlineEnd,
    JSON.stringify(c.owners),
    JSON.stringify(c.planIds),
  ]);
  // Staged rows are sorted once, when they are merged; others go in key order now.
  return [{ kind: staged ? 'stage-rows' : 'upsert', table: 'rm_status_history', rows: staged ? rows : rows.sort(byKey) }];
}

/** The aggregate's change: a delta per cell (cell key → delta; zeros are skipped). */
export function countWrites(deltas: ReadonlyMap<string, number>): TableWrite[] {
  const counts = [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([key, delta]) => {
      const cell = cellFromKey(key);
      return [cell.planId, cell.partnerId, cell.status, cell.deadlineEnd, delta] as const;
    });
  return counts.length > 0 ? [{ kind: 'add-counts', rows: counts }] : [];
}

/** Orders version rows (id, recorded_at, position, …) by their primary key. */
function byKey(a: RowValues, b: RowValues): number {
  return compare(a[0], b[0]) || compare(a[1], b[1]) || compare(a[2], b[2]);
}

const compare = (a: RowValues[number], b: RowValues[number]) => (a! < b! ? -1 : a! > b! ? 1 : 0);

/**
 * The views as they are after a batch. `before` decides which link rows are rewritten: an action's
 * owners and memberships when they changed, a target's actions when it was created (they never change).
 */
export function viewWrites(views: readonly ViewChange[]): TableWrite[] {
  const writes: TableWrite[] = [];
  const upsert = (table: ReadModelTableName, rows: RowValues[]) => {
    if (rows.length > 0) writes.push({ kind: 'upsert', table, rows });
  };
  // Only a view that existed before the batch can have link rows to delete (a rebuild creates ~50,000 per
  // million events, and a DELETE each that finds nothing cost it ~2 %).
  const replace = <V extends { id: string }>(
    table: ReadModelTableName,
    keyColumn: string,
    changed: { before: unknown; after: V }[],
    rowsOf: (view: V) => RowValues[],
  ) => {
    if (changed.length > 0)
      writes.push({
        kind: 'replace-links',
        table,
        keyColumn,
        ids: changed.filter((c) => c.before !== null).map((c) => c.after.id),
        rows: changed.flatMap((c) => rowsOf(c.after)),
      });
  };
  const partners: RowValues[] = [];
  const plans: RowValues[] = [];
  const actions: Extract<ViewChange, { kind: 'action' }>[] = [];
  const targets: Extract<ViewChange, { kind: 'target' }>[] = [];
  const rounds: RowValues[] = [];
  const meetings: Extract<ViewChange, { kind: 'meeting' }>[] = [];
  const context: ViewChange[] = [];
  for (const change of views) {
    if (change.kind === 'partner') partners.push([change.id, json(change.after)]);
    else if (change.kind === 'plan') plans.push([change.id, change.seq, json(change.after)]);
    else if (change.kind === 'action') actions.push(change);
    else if (change.kind === 'round') rounds.push([change.id, change.seq, change.after.planId, json(change.after)]);
    else if (change.kind === 'meeting') meetings.push(change);
    else if (change.kind === 'target') targets.push(change);
    else context.push(change);
  }
  upsert('rm_partners', partners);
  // `seq` is the log position that created the row: lists keep the plans' own order.
  upsert('rm_plans', plans);
  upsert(
    'rm_actions',
    actions.map(({ id, seq, after }) => [id, seq, after.status, after.deadline?.end ?? null, json(after)]),
  );
  replace(
    'rm_action_owners',
    'action_id',
    actions.filter((c) => ownersChanged(c.before, c.after)),
    ownerRows,
  );
  replace(
    'rm_action_memberships',
    'action_id',
    actions.filter((c) => membershipsChanged(c.before, c.after)),
    membershipRows,
  );
  replace(
    'rm_action_instances',
    'action_id',
    actions.filter((c) => !c.before && c.after.carriesOut),
    (view) => [[view.carriesOut as string, view.id, view.regionId as string]],
  );
  upsert(
    'rm_targets',
    targets.map(({ id, seq, after }) => [id, seq, after.planId, after.actionLineId, json(after)]),
  );
  upsert('rm_rounds', rounds);
  upsert(
    'rm_meetings',
    meetings.map(({ id, seq, after }) => [id, seq, after.planId, after.heldOn, json(after)]),
  );
  // The link an action's page follows to its meeting; agreements are only ever added.
  replace(
    'rm_meeting_agreements',
    'meeting_id',
    meetings.filter((c) => c.after.agreements.length !== (c.before?.agreements.length ?? 0)),
    (view) => view.agreements.map((a) => [view.id, a.actionId, a.recordedAt]),
  );
  replace(
    'rm_target_actions',
    'target_id',
    targets.filter((c) => !c.before),
    (view) => view.actionIds.map((actionId) => [view.id, actionId]),
  );
  writes.push(...contextViewWrites(context));
  return writes;
}

function json(view: unknown): string {
  return JSON.stringify(view);
}

// How each store carries the writes out: SQL text and the shape of parameters, nothing else.

export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** PostgreSQL receives a whole batch per statement as arrays (unnest): a fixed number of round trips. */
const ARRAY_TYPES: Record<ColumnKind, string> = { text: 'text[]', position: 'bigint[]', count: 'integer[]', doc: 'text[]' };

/**
 * The statements that carry out one table write. What differs between the stores is only here, and
 * only SQL text and the shape of parameters: SQLite runs one prepared statement per row (in-process,
 * a call costs microseconds), PostgreSQL one statement per write with a column of values per parameter.
 */
export function statementsFor(dialect: Dialect, write: TableWrite): SqlStatement[] {
  switch (write.kind) {
    case 'upsert':
      return insertRows(dialect, write.table, write.rows, upsertClause(write.table));
    case 'replace-links': {
      const remove: SqlStatement[] =
        dialect === 'sqlite'
          ? write.ids.map((id) => ({ sql: `DELETE FROM ${write.table} WHERE ${write.keyColumn} = ?`, params: [id] }))
          : write.ids.length > 0
            ? [{ sql: `DELETE FROM ${write.table} WHERE ${write.keyColumn} = ANY($1::text[])`, params: [write.ids] }]
            : [];
      return [...remove, ...insertRows(dialect, write.table, write.rows, '')];
    }
    case 'stage-rows': {
      if (dialect === 'postgres') return insertRows(dialect, write.table, write.rows, '');
      // STAGED_ROWS_PER_INSERT rows per statement (a replay stages one row per status change, and a
      // call per row was its largest single cost); the rest one by one, so there are two statement texts.
      const insert = (count: number) => stagingInsert(write.table, count);
      const statements: SqlStatement[] = [createStagingTable(write.table)];
      const whole = write.rows.length - (write.rows.length % STAGED_ROWS_PER_INSERT);
      for (let i = 0; i < whole; i += STAGED_ROWS_PER_INSERT)
        statements.push({ sql: insert(STAGED_ROWS_PER_INSERT), params: write.rows.slice(i, i + STAGED_ROWS_PER_INSERT).flat() });
      for (const row of write.rows.slice(whole)) statements.push({ sql: insert(1), params: row });
      return statements;
    }
    case 'merge-staged': {
      if (dialect === 'postgres') return [];
      const spec = tableSpec(write.table);
      return [
        createStagingTable(write.table),
        {
          sql: `INSERT INTO ${write.table} SELECT * FROM temp.${stagingTable(write.table)} ORDER BY ${spec.primaryKey.join(', ')}`,
          params: [],
        },
        { sql: `DROP TABLE temp.${stagingTable(write.table)}`, params: [] },
      ];
    }
    case 'add-counts': {
      const key = tableSpec('rm_status_counts').primaryKey;
      const added = insertRows(
        dialect,
        'rm_status_counts',
        write.rows,
        ` ON CONFLICT (${key.join(', ')}) DO UPDATE SET count = rm_status_counts.count + excluded.count`,
      );
      // Only cells this write lowered can have reached zero: drop those, never scan the table.
      const lowered = write.rows.filter((row) => (row[4] as number) < 0).map((row) => row.slice(0, 4));
      if (lowered.length === 0) return added;
      const dropped: SqlStatement[] =
        dialect === 'sqlite'
          ? lowered.map((cell) => ({
              sql: `DELETE FROM rm_status_counts WHERE count = 0 AND ${key.map((c) => `${c} = ?`).join(' AND ')}`,
              params: cell,
            }))
          : [
              {
                sql: `DELETE FROM rm_status_counts WHERE count = 0 AND (${key.join(', ')}) IN (SELECT * FROM unnest(${key.map((_, i) => `$${i + 1}::text[]`).join(', ')}))`,
                params: columnsOf(lowered, key.length),
              },
            ];
      return [...added, ...dropped];
    }
    case 'checkpoint':
      return [{ sql: CHECKPOINT_UPDATES[dialect], params: [write.position, VIEWS_PROJECTION] }];
  }
}

const CHECKPOINT_UPDATES: Record<Dialect, string> = {
  sqlite: `UPDATE ${CHECKPOINT_TABLE.name} SET position = ? WHERE projection = ?`,
  postgres: `UPDATE ${CHECKPOINT_TABLE.name} SET position = $1 WHERE projection = $2`,
};

/**
 * Reads the checkpoint (in `schema`, when given); with `forUpdate`, PostgreSQL locks its row until the
 * transaction ends (SQLite has one writer at a time anyway).
 */
export function checkpointQuery(dialect: Dialect, forUpdate: boolean, schema?: string): SqlStatement {
  const lock = dialect === 'postgres' && forUpdate ? ' FOR UPDATE' : '';
  return {
    sql: `SELECT position FROM ${schema ? `${schema}.` : ''}${CHECKPOINT_TABLE.name} WHERE projection = ${placeholders(dialect)(1)}${lock}`,
    params: [VIEWS_PROJECTION],
  };
}

const stagingTable = (table: ReadModelTableName) => `staged_${table}`;
/** Rows per staging INSERT on SQLite: 64 rows of the history's 7 columns stay far below its 32,766 parameters. */
const STAGED_ROWS_PER_INSERT = 64;
const stagingInserts = new Map<string, string>();

/** The text of an INSERT of `count` rows into a table's staging table (kept: a replay asks for it per page). */
function stagingInsert(table: ReadModelTableName, count: number): string {
  const key = `${table}:${count}`;
  let sql = stagingInserts.get(key);
  if (sql === undefined) {
    const names = tableSpec(table).columns.map((c) => c.name);
    const values = `(${names.map(() => '?').join(', ')})`;
    sql = `INSERT INTO temp.${stagingTable(table)} (${names.join(', ')}) VALUES ${Array<string>(count).fill(values).join(', ')}`;
    stagingInserts.set(key, sql);
  }
  return sql;
}

/** SQLite's staging table: the table's columns, no key, no index (rows go in as they come). */
function createStagingTable(table: ReadModelTableName): SqlStatement {
  return { sql: `CREATE TEMP TABLE IF NOT EXISTS ${stagingTable(table)} AS SELECT * FROM main.${table} WHERE 0`, params: [] };
}

/** The ON CONFLICT clause of a table's upsert (kept: every command upserts a view). */
const upsertClauses = new Map<ReadModelTableName, string>();
function upsertClause(table: ReadModelTableName): string {
  let clause = upsertClauses.get(table);
  if (clause === undefined) {
    const spec = tableSpec(table);
    const updates = spec.updatedOnConflict ?? [];
    clause =
      updates.length > 0
        ? ` ON CONFLICT (${spec.primaryKey.join(', ')}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`
        : '';
    upsertClauses.set(table, clause);
  }
  return clause;
}

/** SQLite's one-row INSERT texts, by table and conflict clause (kept: the same few are asked for on every command). */
const sqliteInserts = new Map<string, string>();

function insertRows(
  dialect: Dialect,
  table: Parameters<typeof tableSpec>[0],
  rows: readonly (readonly unknown[])[],
  onConflict: string,
): SqlStatement[] {
  if (rows.length === 0) return [];
  const columns = tableSpec(table).columns;
  if (dialect === 'sqlite') {
    const key = `${table}${onConflict}`;
    let sql = sqliteInserts.get(key);
    if (sql === undefined) {
      sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})${onConflict}`;
      sqliteInserts.set(key, sql);
    }
    return rows.map((row) => ({ sql, params: row }));
  }
  const names = columns.map((c) => c.name).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${ARRAY_TYPES[c.kind]}`).join(', ');
  const selected = columns.map((c) => (c.kind === 'doc' ? `${c.name}::jsonb` : c.name)).join(', ');
  return [
    {
      sql: `INSERT INTO ${table} (${names}) SELECT ${selected} FROM unnest(${unnest}) AS u(${names})${onConflict}`,
      params: columnsOf(rows, columns.length),
    },
  ];
}

function columnsOf(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((row) => (typeof row[i] === 'bigint' ? String(row[i]) : row[i])));
}

function placeholders(dialect: Dialect): (n: number) => string {
  return dialect === 'sqlite' ? () => '?' : (n) => `$${n}`;
}
