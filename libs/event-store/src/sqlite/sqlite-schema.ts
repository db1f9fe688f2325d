import type Database from 'better-sqlite3';

/**
 * Tables of the embedded event store. They live in the same database file as the read models, so the
 * names events, streams and commands are taken: read models must not reuse them.
 * Only CREATE ... IF NOT EXISTS, and no PRAGMA user_version: the read models share that one counter.
 */
export const EVENT_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  -- Assigned as max(position)+1 inside the write transaction, never by AUTOINCREMENT, so a rolled
  -- back append cannot leave a gap. Position order is also recorded_at order (the store clamps the
  -- clock), which is why recorded_at needs no index.
  position       INTEGER PRIMARY KEY,
  stream_id      TEXT    NOT NULL,
  version        INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  command_id     TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  prev_hash      TEXT    NOT NULL,
  -- The last line of defence for optimistic concurrency: even a buggy version check cannot put two
  -- events at one version of a stream.
  UNIQUE (stream_id, version)
);

-- Idempotency keys: a retried command finds its first result here instead of writing twice. Without a
-- rowid the table is its primary key's b-tree: a command writes one page here, not a row and an index entry.
CREATE TABLE IF NOT EXISTS commands (
  command_id    TEXT    PRIMARY KEY,
  stream_id     TEXT    NOT NULL,
  next_version  INTEGER NOT NULL,
  last_position INTEGER NOT NULL
) WITHOUT ROWID;

-- The log is append-only. These stop accidents through the application's own connection (a read-model
-- migration with a wrong table name); deliberate tampering that drops them is what the hash chain catches.
CREATE TRIGGER IF NOT EXISTS events_refuse_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS events_refuse_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
`;

/**
 * Brings a file written by an earlier release to the schema above, once (decision 127):
 * - `streams` (a row per stream holding its version) goes: a stream's version is the last entry of the
 *   events' (stream_id, version) index, a seek as cheap as the primary-key lookup it replaced, and one
 *   page fewer for every command to write;
 * - `commands` becomes a table WITHOUT ROWID (same columns and key, rows copied in key order).
 * Run inside migrate()'s write transaction: another process opening the file waits, then finds it done.
 */
export function upgradeEventStoreTables(db: Database.Database): void {
  db.exec('DROP TABLE IF EXISTS streams');
  const commands = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'commands'").pluck().get();
  if (commands === undefined || /WITHOUT\s+ROWID/i.test(commands)) return;
  db.exec(`
    CREATE TABLE commands_without_rowid (
      command_id    TEXT    PRIMARY KEY,
      stream_id     TEXT    NOT NULL,
      next_version  INTEGER NOT NULL,
      last_position INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO commands_without_rowid SELECT command_id, stream_id, next_version, last_position FROM commands ORDER BY command_id;
    DROP TABLE commands;
    ALTER TABLE commands_without_rowid RENAME TO commands;
  `);
}

/**
 * The columns a RecordedEvent is read from (recorded_at and command_id are in its metadata), and one
 * row of them as better-sqlite3 returns it in raw mode with safeIntegers(true): an array, INTEGERs as
 * bigints. Arrays, not objects with named members: a replay reads a million rows (decision 127).
 */
export const RECORDED_EVENT_COLUMNS = 'position, stream_id, version, type, schema_version, data, metadata, hash, prev_hash';
export type RecordedEventColumns = [bigint, string, bigint, string, bigint, string, string, string, string];

/** An events row in EVENT_COLUMNS' order, as the INSERT binds it. */
export type InsertEventParams = [
  position: bigint,
  streamId: string,
  version: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
  commandId: string,
  hash: string,
  prevHash: string,
];

/** With safeIntegers(true). */
export interface CommandRow {
  stream_id: string;
  next_version: bigint;
  last_position: bigint;
}

/**
 * The stream's version and the log's head, in raw mode with safeIntegers(true): all null but the
 * version for an empty log, the version null for a stream without events.
 */
export type VersionAndHeadRow = [version: bigint | null, position: bigint | null, hash: string | null, recordedAt: string | null];

export const EVENT_COLUMNS = 'position, stream_id, version, type, schema_version, data, metadata, recorded_at, command_id, hash, prev_hash';
