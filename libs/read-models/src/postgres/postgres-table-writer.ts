import type { PoolClient } from 'pg';
import type { ViewKind } from '../projection/project-batch';
import { viewKey } from '../projection/project-batch';
import type { AsyncStepIo, LoadedViews } from '../projection/projection-steps';
import type { TableWrite } from '../projection/table-writes';
import { checkpointQuery, statementsFor } from '../projection/table-writes';

const VIEW_TABLES: Record<ViewKind, string> = {
  partner: 'rm_partners',
  plan: 'rm_plans',
  action: 'rm_actions',
  target: 'rm_targets',
  round: 'rm_rounds',
  meeting: 'rm_meetings',
  reference: 'rm_references',
  theme: 'rm_themes',
  contextSeries: 'rm_context_series',
};

/** The PostgreSQL driver calls behind the projection, on one client inside the caller's transaction. */
export class PostgresTableWriter implements AsyncStepIo {
  constructor(private readonly client: PoolClient) {}

  /** The checkpoint, its row locked until the transaction ends: one instance applies a stretch of the log. */
  async lockedCheckpoint(): Promise<bigint> {
    const { sql, params } = checkpointQuery('postgres', true);
    const { rows } = await this.client.query<{ position: string }>(sql, [...params]);
    if (rows.length === 0) throw new Error('rm_checkpoints has no row for the views projection: the read-model migration did not run');
    return BigInt(rows[0].position);
  }

  async load(ids: Record<ViewKind, string[]>): Promise<LoadedViews> {
    const views = new Map<string, unknown>();
    for (const kind of Object.keys(ids) as ViewKind[]) {
      if (ids[kind].length === 0) continue;
      const { rows } = await this.client.query<{ id: string; doc: unknown }>(
        `SELECT id, doc FROM ${VIEW_TABLES[kind]} WHERE id = ANY($1::text[])`,
        [ids[kind]],
      );
      for (const row of rows) views.set(viewKey(kind, row.id), row.doc);
    }
    return views;
  }

  async write(writes: TableWrite[]): Promise<void> {
    for (const write of writes) {
      for (const { sql, params } of statementsFor('postgres', write)) {
        await this.client.query(
          sql,
          params.map((p) => (typeof p === 'bigint' ? p.toString() : p)),
        );
      }
    }
  }
}
