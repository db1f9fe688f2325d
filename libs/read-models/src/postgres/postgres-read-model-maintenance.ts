import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { inTransaction, readLog } from '@actiemonitor/event-store';
import type { EventStore } from '@actiemonitor/event-store';
import type { ReadModelDifference, ReadModelMaintenance, RebuiltReadModels } from '../ports/read-model-reader';
import { READ_MODEL_KEYS, READ_MODEL_TABLES, ReadModelTable, VIEWS_PROJECTION } from '../read-model-tables';
import { PostgresProjector } from './postgres-projector';
import { migratePostgresReadModels } from './postgres-read-model-schema';

/** Opens a pool whose search_path is the given schema (the rebuild's scratch schema). */
export type PoolForSchema = (schema: string) => Pool;

const SCRATCH_PREFIX = 'rm_rebuild_';

/**
 * `cli replay` on PostgreSQL: rebuilds every read model from the log into a scratch schema in the same
 * database (with the projector the servers run), compares it table by table with EXCEPT, and swaps
 * it in with DELETE + INSERT in one transaction that holds the checkpoint row, so running servers
 * wait for the swap instead of projecting into half-replaced tables, and keep answering reads from
 * the old rows until it commits.
 */
export class PostgresReadModelMaintenance implements ReadModelMaintenance {
  constructor(
    private readonly pool: Pool,
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly poolForSchema: PoolForSchema,
  ) {}

  async rebuild(until: bigint): Promise<RebuiltReadModels> {
    const live = await this.liveSchema();
    const scratch = `${SCRATCH_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await this.pool.query(`CREATE SCHEMA ${scratch}`);
    const discard = async () => {
      await this.pool.query(`DROP SCHEMA IF EXISTS ${scratch} CASCADE`);
    };
    const started = process.hrtime.bigint();
    let events = 0;
    const scratchPool = this.poolForSchema(scratch);
    try {
      await migratePostgresReadModels(scratchPool);
      const projector = new PostgresProjector(scratchPool, this.store);
      for await (const page of readLog(this.store, { until, pageSize: 5000 })) events += await projector.applyBatch(page);
    } catch (error) {
      await discard().catch(() => undefined);
      throw error;
    } finally {
      await scratchPool.end();
    }
    const millis = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      events,
      millis,
      firstDifference: () => this.firstDifference(live, scratch),
      replaceLive: () => this.replace(live, scratch),
      discard,
    };
  }

  private async liveSchema(): Promise<string> {
    const { rows } = await this.pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    if (!rows[0]?.schema) throw new Error('PostgreSQL: no current schema on the search_path for the read models');
    return rows[0].schema;
  }

  private async firstDifference(live: string, rebuilt: string): Promise<ReadModelDifference | null> {
    for (const table of [...READ_MODEL_TABLES, 'rm_checkpoints']) {
      for (const [a, b, onlyIn] of [
        [live, rebuilt, 'live'],
        [rebuilt, live, 'rebuilt'],
      ] as const) {
        const { rows } = await this.pool.query<Record<string, unknown>>(
          `SELECT * FROM ${quote(a)}.${table} EXCEPT SELECT * FROM ${quote(b)}.${table} LIMIT 1`,
        );
        if (rows.length === 0) continue;
        const keys = READ_MODEL_KEYS[table as ReadModelTable];
        const { rows: counterparts } = await this.pool.query<Record<string, unknown>>(
          `SELECT * FROM ${quote(b)}.${table} WHERE ${keys.map((k, i) => `${k} IS NOT DISTINCT FROM $${i + 1}`).join(' AND ')}`,
          keys.map((k) => rows[0][k]),
        );
        return { table, onlyIn, row: rows[0], counterpart: counterparts[0] ?? null };
      }
    }
    return null;
  }

  private async replace(live: string, rebuilt: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(`SELECT position FROM ${quote(live)}.rm_checkpoints WHERE projection = $1 FOR UPDATE`, [VIEWS_PROJECTION]);
      for (const table of READ_MODEL_TABLES) {
        await client.query(`DELETE FROM ${quote(live)}.${table}`);
        await client.query(`INSERT INTO ${quote(live)}.${table} SELECT * FROM ${quote(rebuilt)}.${table}`);
      }
      await client.query(
        `UPDATE ${quote(live)}.rm_checkpoints l SET position = r.position FROM ${quote(rebuilt)}.rm_checkpoints r WHERE l.projection = r.projection`,
      );
    });
  }
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
