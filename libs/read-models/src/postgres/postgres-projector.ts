import type { Pool } from 'pg';
import { inTransaction } from '@actiemonitor/event-store';
import type { EventStore, RecordedEvent } from '@actiemonitor/event-store';
import { CatchUpQueue } from '../projection/catch-up';
import { eventsAfterCheckpoint, projectBatch, splitAtSnapshots, viewsTouchedBy } from '../projection/project-batch';
import type { ReadModelProjector } from '../ports/read-model-reader';
import { STATUS_SNAPSHOT_INTERVAL, VIEWS_PROJECTION } from '../read-model-tables';
import { PostgresReadModelWriter } from './postgres-read-model-writer';

/**
 * Feeds the read models in PostgreSQL from the log. Several server instances share these tables: each
 * batch locks the checkpoint row (SELECT … FOR UPDATE) for its transaction, so one instance at a time
 * applies a given stretch of the log, and the next finds the checkpoint moved and applies only what
 * follows it. Rows and checkpoint commit together: a crash neither applies an event twice nor skips one.
 */
export class PostgresProjector implements ReadModelProjector {
  private readonly snapshotInterval: bigint;
  private readonly catchUps: CatchUpQueue;

  constructor(
    private readonly pool: Pool,
    store: Pick<EventStore, 'readAll'>,
    options: { snapshotInterval?: bigint } = {},
  ) {
    this.snapshotInterval = options.snapshotInterval ?? STATUS_SNAPSHOT_INTERVAL;
    this.catchUps = new CatchUpQueue(
      store,
      () => this.checkpoint(),
      (batch) => this.applyBatch(batch),
    );
  }

  async checkpoint(): Promise<bigint> {
    const { rows } = await this.pool.query<{ position: string }>('SELECT position FROM rm_checkpoints WHERE projection = $1', [
      VIEWS_PROJECTION,
    ]);
    return BigInt(rows[0]?.position ?? 0);
  }

  /** Applies every event after the checkpoint; calls are queued (read-your-writes). */
  catchUp(): Promise<number> {
    return this.catchUps.catchUp();
  }

  /** Applies a batch of recorded events and moves the checkpoint, atomically. Returns how many it applied. */
  applyBatch(batch: RecordedEvent[]): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ position: string }>('SELECT position FROM rm_checkpoints WHERE projection = $1 FOR UPDATE', [
        VIEWS_PROJECTION,
      ]);
      if (rows.length === 0) throw new Error('rm_checkpoints has no row for the views projection: the read-model migration did not run');
      // Another instance may have applied some of these while this one waited for the row.
      const fresh = eventsAfterCheckpoint(batch, BigInt(rows[0].position));
      if (fresh.length === 0) return 0;
      const writer = new PostgresReadModelWriter(client);
      for (const segment of splitAtSnapshots(fresh, this.snapshotInterval)) {
        await writer.write(projectBatch(segment, await writer.loadViews(viewsTouchedBy(segment))), this.snapshotInterval);
      }
      await client.query('UPDATE rm_checkpoints SET position = $2 WHERE projection = $1', [
        VIEWS_PROJECTION,
        fresh[fresh.length - 1].position.toString(),
      ]);
      return fresh.length;
    });
  }
}
