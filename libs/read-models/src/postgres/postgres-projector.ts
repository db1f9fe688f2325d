import type { Pool } from 'pg';
import { inTransaction } from '@actiemonitor/event-store';
import type { EventStore, RecordedEvent } from '@actiemonitor/event-store';
import { CatchUpQueue } from '../projection/catch-up';
import { applyBatchSteps, rebuildReadModels, runStepsAsync } from '../projection/projection-steps';
import type { ReadModelProjector } from '../ports/read-model-reader';
import { checkpointQuery } from '../projection/table-writes';
import { PostgresTableWriter } from './postgres-table-writer';

/**
 * Feeds the read models in PostgreSQL from the log. Several server instances share these tables: each
 * batch locks the checkpoint row (SELECT … FOR UPDATE) for its transaction, so one instance at a time
 * applies a given stretch of the log, and the next finds the checkpoint moved and applies only what
 * follows it. Rows and checkpoint commit together: a crash neither applies an event twice nor skips one.
 */
export class PostgresProjector implements ReadModelProjector {
  private readonly catchUps: CatchUpQueue;

  constructor(
    private readonly pool: Pool,
    store: Pick<EventStore, 'readAll'>,
  ) {
    this.catchUps = new CatchUpQueue(
      store,
      () => this.checkpoint(),
      (batch) => this.applyBatch(batch),
    );
  }

  async checkpoint(): Promise<bigint> {
    const { sql, params } = checkpointQuery('postgres', false);
    const { rows } = await this.pool.query<{ position: string }>(sql, [...params]);
    return BigInt(rows[0]?.position ?? 0);
  }

  /** Applies every event after the checkpoint; calls are queued (read-your-writes). */
  catchUp(): Promise<number> {
    return this.catchUps.catchUp();
  }

  /** Applies a batch of recorded events and moves the checkpoint, atomically. Returns how many it applied. */
  applyBatch(batch: RecordedEvent[]): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const tables = new PostgresTableWriter(client);
      // Another instance may have applied some of these while this one waited for the row.
      return runStepsAsync(applyBatchSteps(batch, await tables.lockedCheckpoint()), tables);
    });
  }

  /** Applies a whole log to empty read models (a rebuild into a scratch schema). */
  async rebuildFrom(pages: AsyncIterable<RecordedEvent[]>, maxViews?: number): Promise<number> {
    if ((await this.checkpoint()) !== 0n) throw new Error('rebuildFrom needs empty read models');
    return rebuildReadModels(
      pages,
      {
        commit: (writes) => inTransaction(this.pool, (client) => new PostgresTableWriter(client).write(writes)),
        load: (ids) => inTransaction(this.pool, (client) => new PostgresTableWriter(client).load(ids)),
      },
      maxViews,
    );
  }
}
