import type Database from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '@actiemonitor/event-store';
import { CatchUpQueue } from '../projection/catch-up';
import { eventsAfterCheckpoint, projectBatch, splitAtSnapshots, ViewChange, viewKey, viewsTouchedBy } from '../projection/project-batch';
import type { ReadModelProjector } from '../ports/read-model-reader';
import { STATUS_SNAPSHOT_INTERVAL, VIEWS_PROJECTION } from '../read-model-tables';
import { migrateReadModels } from './read-model-schema';
import { SqliteReadModelWriter } from './sqlite-read-model-writer';

const PROJECTION = VIEWS_PROJECTION;
export { STATUS_SNAPSHOT_INTERVAL };

/**
 * Feeds the read models from the stored log (never from an in-process event bus, which has no
 * positions and loses events on a crash). Each batch of events and the checkpoint after it are
 * written in one transaction.
 */
export class SqliteProjector implements ReadModelProjector {
  private readonly writer: SqliteReadModelWriter;
  private readonly readCheckpoint: Database.Statement;
  private readonly writeCheckpoint: Database.Statement;
  private readonly catchUps: CatchUpQueue;

  private readonly snapshotInterval: bigint;

  constructor(
    private readonly db: Database.Database,
    store: Pick<EventStore, 'readAll'>,
    options: { snapshotInterval?: bigint } = {},
  ) {
    this.snapshotInterval = options.snapshotInterval ?? STATUS_SNAPSHOT_INTERVAL;
    migrateReadModels(db);
    this.writer = new SqliteReadModelWriter(db);
    this.catchUps = new CatchUpQueue(
      store,
      () => this.checkpoint(),
      (batch) => this.applyBatch(batch),
    );
    this.readCheckpoint = db.prepare('SELECT position FROM rm_checkpoints WHERE projection = ?').pluck().safeIntegers(true);
    this.writeCheckpoint = db.prepare(
      'INSERT INTO rm_checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
    );
  }

  checkpoint(): bigint {
    return (this.readCheckpoint.get(PROJECTION) as bigint | undefined) ?? 0n;
  }

  /** Applies every event after the checkpoint; calls are queued (read-your-writes). */
  catchUp(): Promise<number> {
    return this.catchUps.catchUp();
  }

  /**
   * Applies events inside the transaction that appended them (the SQLite store's onAppended hook), when
   * the projection is exactly at the position before them. A projection error must not fail the write:
   * the savepoint is rolled back, the events stay in the log, and catch-up meets the error again and
   * stops there, loudly, without skipping.
   */
  applyAppended(events: RecordedEvent[]): void {
    if (events.length === 0 || this.checkpoint() !== events[0].position - 1n) return;
    try {
      this.applyBatch(events);
    } catch {
      // left to catchUp(), which reports it
    }
  }

  /**
   * Applies a whole log to empty read models (a rebuild into a scratch file). The time-travel tables
   * and the aggregate are written page by page, split at the same snapshot positions as live; the
   * views are kept in memory (one per aggregate, not per event) and written once at the end, instead
   * of being read and rewritten for every page. Ends with exactly the rows that applying the pages one
   * by one gives (a spec compares every table).
   */
  async rebuildFrom(pages: AsyncIterable<RecordedEvent[]>): Promise<number> {
    if (this.checkpoint() !== 0n) throw new Error('rebuildFrom needs empty read models');
    const current = new Map<string, unknown>();
    const finals = new Map<string, ViewChange>();
    let last = 0n;
    let events = 0;
    for await (const page of pages) {
      const fresh = eventsAfterCheckpoint(page, last);
      if (fresh.length !== page.length) throw new Error(`rebuildFrom: the log does not continue at position ${last + 1n}`);
      this.db.transaction(() => {
        for (const segment of splitAtSnapshots(fresh, this.snapshotInterval)) {
          const changes = projectBatch(segment, current);
          this.writer.writeHistory(changes, this.snapshotInterval);
          for (const change of changes.views) {
            const key = viewKey(change.kind, change.id);
            current.set(key, change.after);
            finals.set(key, { ...change, before: null, seq: finals.get(key)?.seq ?? change.seq } as ViewChange);
          }
        }
      })();
      last = fresh[fresh.length - 1].position;
      events += fresh.length;
    }
    this.db.transaction(() => {
      this.writer.writeViews([...finals.values()]);
      if (events > 0) this.writeCheckpoint.run(PROJECTION, last);
    })();
    return events;
  }

  /** Public for replay: applies a batch of recorded events and moves the checkpoint, atomically. */
  applyBatch(batch: RecordedEvent[]): void {
    if (batch.length === 0) return;
    this.db.transaction(() => {
      // Re-read inside the write transaction: another connection on the same file may have applied
      // some of these already. Apply only what follows the checkpoint, and only without a gap.
      const fresh = eventsAfterCheckpoint(batch, this.checkpoint());
      if (fresh.length === 0) return;
      for (const segment of splitAtSnapshots(fresh, this.snapshotInterval)) {
        this.writer.write(projectBatch(segment, this.writer.loadViews(viewsTouchedBy(segment))), this.snapshotInterval);
      }
      this.writeCheckpoint.run(PROJECTION, fresh[fresh.length - 1].position);
    })();
  }
}
