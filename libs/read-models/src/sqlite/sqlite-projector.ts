import type Database from 'better-sqlite3';
import { preparedStatements } from './prepared-statements';
import type { EventStore, RecordedEvent } from '@actiemonitor/event-store';
import { CatchUpQueue } from '../projection/catch-up';
import { applyBatchSteps, rebuildReadModels, runSteps } from '../projection/projection-steps';
import type { ReadModelProjector } from '../ports/read-model-reader';
import { migrateReadModels } from './read-model-schema';
import { RecentViews } from './recent-views';
import type { LoadedViews, StepIo } from '../projection/projection-steps';
import { checkpointQuery, statementsFor, TableWrite } from '../projection/table-writes';
import { viewKey, ViewKind } from '../projection/project-batch';

/**
 * Feeds the read models in the SQLite file from the stored log (never from an in-process event bus,
 * which has no positions and loses events on a crash). Each batch of events and the checkpoint after
 * it are written in one transaction; what a batch writes is decided in `projection/`, for every store.
 */
export class SqliteProjector implements ReadModelProjector {
  private readonly tables: SqliteTableWriter;
  private readonly catchUps: CatchUpQueue;
  /**
   * Applies a batch after a checkpoint in a transaction of its own, or in a savepoint inside the
   * caller's (the append's). Made once: better-sqlite3 builds four wrapper functions per transaction().
   */
  private readonly applyInTransaction: (batch: readonly RecordedEvent[], checkpoint: bigint | null, io: StepIo) => number;
  /** The views the latest appends wrote, while nothing else has touched the read models (decision 129). */
  private readonly recent = new RecentViews();
  private readonly dataVersion: () => number;

  constructor(
    private readonly db: Database.Database,
    store: Pick<EventStore, 'readAll'>,
  ) {
    migrateReadModels(db);
    this.tables = new SqliteTableWriter(db);
    // The checkpoint is read inside the transaction unless the caller read it there already.
    this.applyInTransaction = db.transaction((batch: readonly RecordedEvent[], checkpoint: bigint | null, io: StepIo) =>
      runSteps(applyBatchSteps(batch, checkpoint ?? this.checkpoint()), io),
    );
    const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.dataVersion = () => dataVersion.get() as number;
    this.catchUps = new CatchUpQueue(
      store,
      () => this.checkpoint(),
      (batch) => this.applyBatch(batch),
    );
  }

  checkpoint(): bigint {
    return this.tables.checkpoint();
  }

  /** Applies every event after the checkpoint; calls are queued (read-your-writes). */
  catchUp(): Promise<number> {
    return this.catchUps.catchUp();
  }

  /**
   * Applies events inside the transaction that appended them, when the projection is exactly at the
   * position before them (see ReadModelFreshness in the application). A projection error must not fail
   * the write: the savepoint is rolled back, the events stay in the log, and catch-up meets the error
   * again and stops there, loudly, without skipping.
   */
  applyAppended(events: RecordedEvent[]): boolean {
    if (events.length === 0) return false;
    const checkpoint = this.checkpoint();
    if (checkpoint !== events[0].position - 1n) return false;
    const dataVersion = this.dataVersion();
    this.recent.check({ dataVersion, checkpoint });
    const after = { dataVersion, checkpoint: events[events.length - 1].position };
    const io: StepIo = {
      load: (ids) => this.recent.load(ids, (missing) => this.tables.load(missing)),
      write: (writes, views) => {
        this.tables.write(writes);
        if (views) this.recent.wrote(views, after);
      },
    };
    try {
      // Already inside the append's write transaction: the checkpoint just read cannot move before the
      // batch is applied, so it is not read a second time.
      if (this.applyInTransaction(events, checkpoint, io) === events.length) return true;
    } catch {
      // left to catchUp(), which reports it
    }
    this.recent.forget();
    return false;
  }

  /** Applies a whole log to empty read models (a rebuild into a scratch file). */
  async rebuildFrom(pages: AsyncIterable<RecordedEvent[]>, maxViews?: number): Promise<number> {
    if (this.checkpoint() !== 0n) throw new Error('rebuildFrom needs empty read models');
    this.recent.forget();
    return rebuildReadModels(
      pages,
      { commit: (writes) => this.db.transaction(() => this.tables.write(writes))(), load: (ids) => this.tables.load(ids) },
      maxViews,
    );
  }

  /** Applies a batch of recorded events and moves the checkpoint, atomically. Returns how many it applied. */
  applyBatch(batch: RecordedEvent[]): number {
    if (batch.length === 0) return 0;
    // The checkpoint is read inside the write transaction: another connection on the same file may
    // have applied some of these already.
    this.recent.forget(); // views written here are not remembered: the next append reads them
    return this.applyInTransaction(batch, null, this.tables);
  }
}

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

/** The SQLite driver calls behind the projection: prepared statements, cached by their text. */
class SqliteTableWriter implements StepIo {
  private readonly statement: (sql: string) => Database.Statement;
  /** Read twice per command (inside the append, and by whoever asks how far the read models are): prepared and set up once. */
  private readonly checkpointRead: { statement: Database.Statement<unknown[], bigint>; params: readonly unknown[] };

  constructor(db: Database.Database) {
    this.statement = preparedStatements(db);
    const { sql, params } = checkpointQuery('sqlite', false);
    this.checkpointRead = { statement: db.prepare<unknown[], bigint>(sql).pluck().safeIntegers(true), params };
  }

  checkpoint(): bigint {
    return this.checkpointRead.statement.get(...this.checkpointRead.params) ?? 0n;
  }

  load(ids: Record<ViewKind, string[]>): LoadedViews {
    const views = new Map<string, unknown>();
    for (const kind of Object.keys(ids) as ViewKind[]) {
      if (ids[kind].length === 0) continue; // a command touches one kind of view: no statement for the other eight
      const select = this.statement(`SELECT doc FROM ${VIEW_TABLES[kind]} WHERE id = ?`).pluck();
      for (const id of ids[kind]) {
        const doc = select.get(id) as string | undefined;
        if (doc !== undefined) views.set(viewKey(kind, id), JSON.parse(doc));
      }
    }
    return views;
  }

  /** Runs the writes; the caller holds the transaction. */
  write(writes: TableWrite[]): void {
    for (const write of writes) {
      for (const { sql, params } of statementsFor('sqlite', write)) this.statement(sql).run(...params);
    }
  }
}
