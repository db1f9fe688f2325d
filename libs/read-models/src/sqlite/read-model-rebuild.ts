import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readLog } from '@actiemonitor/event-store';
import type { EventStore } from '@actiemonitor/event-store';
import { migrateReadModels, READ_MODEL_TABLES } from './read-model-schema';
import { READ_MODEL_KEYS } from '../read-model-tables';
import { SqliteProjector } from './sqlite-projector';

type Row = Record<string, unknown>;
import type { ReadModelDifference, ReadModelMaintenance, RebuiltReadModels } from '../ports/read-model-reader';

export interface RebuildResult {
  events: number;
  millis: number;
  /** Where the rebuilt read models are; remove with `discard()`. */
  file: string;
  discard(): void;
}

/**
 * Rebuilds every read model from the log into a scratch SQLite file, up to `until` (inclusive), with
 * the same projection code the server runs (SqliteProjector.rebuildFrom). Streams the log a page at a time.
 */
export async function rebuildReadModels(store: Pick<EventStore, 'readAll'>, until: bigint): Promise<RebuildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'actiemonitor-replay-'));
  const file = join(dir, 'read-models.sqlite');
  const db = new Database(file);
  // A scratch copy needs no durability until it is swapped in, and then the swap itself is durable.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
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

/** Compares the live read models with rebuilt ones, table by table, row by row; null when identical. */
export function firstReadModelDifference(live: Database.Database, rebuiltFile: string): ReadModelDifference | null {
  live.prepare('ATTACH DATABASE ? AS rebuilt').run(rebuiltFile);
  try {
    for (const table of READ_MODEL_TABLES) {
      for (const [side, other, onlyIn] of [
        ['main', 'rebuilt', 'live'],
        ['rebuilt', 'main', 'rebuilt'],
      ] as const) {
        const row = live.prepare(`SELECT * FROM ${side}.${table} EXCEPT SELECT * FROM ${other}.${table} LIMIT 1`).get() as Row | undefined;
        if (!row) continue;
        const keys = READ_MODEL_KEYS[table];
        const counterpart = live
          .prepare(`SELECT * FROM ${other}.${table} WHERE ${keys.map((k) => `${k} IS @${k}`).join(' AND ')}`)
          .get(Object.fromEntries(keys.map((k) => [k, row[k]]))) as Row | undefined;
        return { table, onlyIn, row, counterpart: counterpart ?? null };
      }
    }
    const checkpoints = `SELECT projection, position FROM %s.rm_checkpoints`;
    const a = live.prepare(checkpoints.replace('%s', 'main')).all();
    const b = live.prepare(checkpoints.replace('%s', 'rebuilt')).all();
    if (JSON.stringify(a) !== JSON.stringify(b))
      return { table: 'rm_checkpoints', onlyIn: 'live', row: { live: a, rebuilt: b } as never, counterpart: null };
    return null;
  } finally {
    live.prepare('DETACH DATABASE rebuilt').run();
  }
}

/** Replaces the live read models and their checkpoint with the rebuilt ones in one transaction. */
export function replaceReadModels(live: Database.Database, rebuiltFile: string): void {
  migrateReadModels(live);
  live.prepare('ATTACH DATABASE ? AS rebuilt').run(rebuiltFile);
  try {
    live
      .transaction(() => {
        for (const table of [...READ_MODEL_TABLES, 'rm_checkpoints']) {
          live.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} SELECT * FROM rebuilt.${table};`);
        }
      })
      .immediate();
  } finally {
    live.prepare('DETACH DATABASE rebuilt').run();
  }
}

/** `cli replay` on SQLite: rebuild into a scratch file, compare with ATTACH, swap in one transaction. */
export class SqliteReadModelMaintenance implements ReadModelMaintenance {
  constructor(
    private readonly live: Database.Database,
    private readonly store: Pick<EventStore, 'readAll'>,
  ) {}

  async rebuild(until: bigint): Promise<RebuiltReadModels> {
    const rebuilt = await rebuildReadModels(this.store, until);
    return {
      events: rebuilt.events,
      millis: rebuilt.millis,
      firstDifference: async () => firstReadModelDifference(this.live, rebuilt.file),
      replaceLive: async () => replaceReadModels(this.live, rebuilt.file),
      discard: async () => rebuilt.discard(),
    };
  }
}
