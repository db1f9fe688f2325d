import type Database from 'better-sqlite3';
import { canonicalJson } from '../canonical-json';
import type { RecordedEvent } from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { assertSealedRunContinues, sealedRunBookkeeping } from '../log/sealed-import';

/**
 * Writes a run of sealed events (see log/sealed-import.ts) after the head of a SQLite log, in one
 * IMMEDIATE transaction (the file's write lock), so no append can interleave. Used by `copy-log` only,
 * never by append(); the read models are rebuilt afterwards rather than projected here.
 */
export function importSealedIntoSqlite(db: Database.Database, events: readonly RecordedEvent[]): void {
  if (events.length === 0) return;
  const head = db.prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').safeIntegers(true);
  const insert = db.prepare(
    `INSERT INTO events (position, stream_id, version, type, schema_version, data, metadata, recorded_at, command_id, hash, prev_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertCommand = db.prepare(
    `INSERT INTO commands (command_id, stream_id, next_version, last_position) VALUES (?, ?, ?, ?)
     ON CONFLICT (command_id) DO UPDATE SET next_version = excluded.next_version, last_position = excluded.last_position`,
  );
  db.transaction(() => {
    const row = head.get() as { position: bigint; hash: string } | undefined;
    assertSealedRunContinues(events, row === undefined ? { position: 0n, hash: GENESIS_HASH } : row);
    for (const e of events) {
      insert.run(
        e.position,
        e.streamId,
        e.version,
        e.type,
        e.schemaVersion,
        canonicalJson(e.data),
        canonicalJson(e.metadata),
        e.metadata.recordedAt,
        e.metadata.commandId,
        e.hash,
        e.prevHash,
      );
    }
    // A stream's version is read from the events themselves (see upgradeEventStoreTables).
    const { commands } = sealedRunBookkeeping(events);
    for (const [commandId, c] of commands) upsertCommand.run(commandId, c.streamId, c.nextVersion, c.lastPosition);
  }).immediate();
}
