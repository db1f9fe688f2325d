import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readLog } from '@actiemonitor/event-store';
import type { EventStore } from '@actiemonitor/event-store';
import type { ReadModelDifference, ReadModelMaintenance, RebuiltReadModels } from '../ports/read-model-reader';
import { firstReadModelDifference, ReplaySides, swapStatements } from '../projection/read-model-replay';
import { migrateReadModels } from './read-model-schema';
import { SqliteProjector } from './sqlite-projector';

const SIDES: ReplaySides = { live: 'main', rebuilt: 'rebuilt' };

export interface RebuildResult {
  events: number;
  millis: number;
  /** Where the rebuilt read models are; remove with `discard()`. */
  file: string;
  discard(): void;
}

/**
 * Rebuilds every read model from the log into a scratch SQLite file, up to `until` (inclusive), with
 * the projection the server runs. Streams the log a page at a time.
 */
export async function rebuildReadModelsIntoFile(store: Pick<EventStore, 'readAll'>, until: bigint): Promise<RebuildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'actiemonitor-replay-'));
  const file = join(dir, 'read-models.sqlite');
  const db = new Database(file);
  // A scratch copy needs no durability until it is swapped in, and then the swap itself is durable.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // The views written back and read again during a rebuild hit their tables at random: a page cache
  // that holds their upper levels saves re-reading them (SQLite's default is 2 MiB). 16 MiB, not more:
  // the final sort of the staged status history uses as much again, and the memory is better spent on
  // the CLI's young generation (decision 123), within the replay's RSS goal.
  db.pragma('cache_size = -16384');
  const started = process.hrtime.bigint();
  let events: number;
  try {
    events = await new SqliteProjector(db, store).rebuildFrom(readLog(store, { until, pageSize: 5000 }));
  } finally {
    db.close();
  }
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  return { events, millis, file, discard: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `fn` with the rebuilt file attached as `rebuilt` beside the live tables (`main`). The compare
 * and the swap sort and copy whole tables: their temporary b-trees go to files, not to the memory the
 * live connection otherwise keeps them in (openDatabase), which would hold a table's worth of rows.
 */
async function withRebuiltAttached<T>(live: Database.Database, rebuiltFile: string, fn: () => T | Promise<T>): Promise<T> {
  const tempStore = live.pragma('temp_store', { simple: true }) as number;
  live.pragma('temp_store = FILE');
  live.prepare('ATTACH DATABASE ? AS rebuilt').run(rebuiltFile);
  try {
    return await fn();
  } finally {
    live.prepare('DETACH DATABASE rebuilt').run();
    live.pragma(`temp_store = ${tempStore}`);
  }
}

/** `cli replay` on SQLite: rebuild into a scratch file, compare and swap with it attached. */
export class SqliteReadModelMaintenance implements ReadModelMaintenance {
  constructor(
    private readonly live: Database.Database,
    private readonly store: Pick<EventStore, 'readAll'>,
  ) {}

  async rebuild(until: bigint): Promise<RebuiltReadModels> {
    const rebuilt = await rebuildReadModelsIntoFile(this.store, until);
    return {
      events: rebuilt.events,
      millis: rebuilt.millis,
      firstDifference: () => this.firstDifference(rebuilt.file),
      replaceLive: () => this.replace(rebuilt.file),
      discard: async () => rebuilt.discard(),
    };
  }

  private firstDifference(rebuiltFile: string): Promise<ReadModelDifference | null> {
    return withRebuiltAttached(this.live, rebuiltFile, () =>
      firstReadModelDifference('sqlite', SIDES, (sql, params) => this.live.prepare(sql).all(...params) as Record<string, unknown>[]),
    );
  }

  /** Replaces the live read models and their checkpoint with the rebuilt ones in one transaction. */
  private replace(rebuiltFile: string): Promise<void> {
    migrateReadModels(this.live);
    return withRebuiltAttached(this.live, rebuiltFile, () =>
      this.live
        .transaction(() => {
          for (const statement of swapStatements(SIDES)) this.live.exec(statement);
        })
        .immediate(),
    );
  }
}
