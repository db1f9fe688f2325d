import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { inTransaction, readLog } from '@actiemonitor/event-store';
import type { EventStore } from '@actiemonitor/event-store';
import type { ReadModelMaintenance, RebuiltReadModels } from '../ports/read-model-reader';
import { firstReadModelDifference, ReplaySides, swapStatements } from '../projection/read-model-replay';
import { checkpointQuery } from '../projection/table-writes';
import { PostgresProjector } from './postgres-projector';
import { migratePostgresReadModels } from './postgres-read-model-schema';

/** Opens a pool whose search_path is the given schema (the rebuild's scratch schema). */
export type PoolForSchema = (schema: string) => Pool;

const SCRATCH_PREFIX = 'rm_rebuild_';

/**
 * `cli replay` on PostgreSQL: rebuilds every read model from the log into a scratch schema in the same
 * database (with the projection the servers run), compares it table by table, and swaps it in in one
 * transaction that first locks the checkpoint row, so running servers wait for the swap instead of
 * projecting into half-replaced tables, and keep answering reads from the old rows until it commits.
 */
export class PostgresReadModelMaintenance implements ReadModelMaintenance {
  constructor(
    private readonly pool: Pool,
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly poolForSchema: PoolForSchema,
  ) {}

  async rebuild(until: bigint): Promise<RebuiltReadModels> {
    const scratch = `${SCRATCH_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const sides: ReplaySides = { live: quote(await this.liveSchema()), rebuilt: quote(scratch) };
    await this.pool.query(`CREATE SCHEMA ${scratch}`);
    const discard = async () => {
      await this.pool.query(`DROP SCHEMA IF EXISTS ${scratch} CASCADE`);
    };
    const started = process.hrtime.bigint();
    let events: number;
    const scratchPool = this.poolForSchema(scratch);
    try {
      await migratePostgresReadModels(scratchPool);
      events = await new PostgresProjector(scratchPool, this.store).rebuildFrom(readLog(this.store, { until, pageSize: 5000 }));
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
      firstDifference: () =>
        firstReadModelDifference(
          'postgres',
          sides,
          async (sql, params) => (await this.pool.query<Record<string, unknown>>(sql, params)).rows,
        ),
      replaceLive: () =>
        inTransaction(this.pool, async (client) => {
          const lockCheckpoint = checkpointQuery('postgres', true, sides.live);
          await client.query(lockCheckpoint.sql, [...lockCheckpoint.params]);
          for (const statement of swapStatements(sides)) await client.query(statement);
        }),
      discard,
    };
  }

  private async liveSchema(): Promise<string> {
    const { rows } = await this.pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    if (!rows[0]?.schema) throw new Error('PostgreSQL: no current schema on the search_path for the read models');
    return rows[0].schema;
  }
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
