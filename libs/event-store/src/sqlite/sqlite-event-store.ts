import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { assertValidAppendRequest } from '../append-request-validation';
import { CommandIdReused, WrongExpectedVersion } from '../errors';
import type {
  CommandRecord,
  AppendRequest,
  AppendResult,
  EventMetadata,
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  EventSubscription,
  SubscribeToAllOptions,
} from '../event-store.port';
import { checkReadAllOptions, CheckedReadAllOptions, READ_ALL_PAGE_CAP } from '../log/read-all-options';
import { EMPTY_LOG_HEAD, LogHead, sealEventsWithTexts } from '../log/sealed-events';
import { DEFAULT_SUBSCRIPTION_POLL_MS, PollingSubscriptions } from '../polling-subscription';
import {
  CommandRow,
  EVENT_COLUMNS,
  EVENT_STORE_SCHEMA,
  VersionAndHeadRow,
  InsertEventParams,
  RECORDED_EVENT_COLUMNS,
  RecordedEventColumns,
  upgradeEventStoreTables,
} from './sqlite-schema';
import { importSealedIntoSqlite } from './sqlite-sealed-import';

export interface SqliteEventStoreOptions {
  /** Opened by the caller (see openDatabase) and shared with the read models in the same file. */
  database: Database.Database;
  clock: () => Date;
  /**
   * Whether close() also closes the connection. Off by default: whoever opened the shared connection
   * closes it, after the read models are done with it.
   */
  ownsDatabase?: boolean;
  /**
   * Called inside the append's transaction with the events just written, so read models in the same
   * file can be updated in the same commit: one fsync per command instead of two. Whatever it writes
   * commits or rolls back with the events; it must not throw (catch and leave the work to catch-up).
   */
  onAppended?: (events: RecordedEvent[]) => void;
  /** How often subscriptions look for events other processes appended (ms); own appends wake them at once. */
  subscriptionPollMs?: number;
}

/**
 * What an append reads inside its write transaction, each a seek whatever the size of the log (bench's
 * diagnose.js prints their query plans): the stream's version (the end of its range in the events'
 * (stream_id, version) index: decision 127) together with the head the chain continues, in one
 * statement; and the command id's first result, asked for only when inserting the id found it taken.
 */
export const WRITE_PATH_READS = {
  versionAndHead: `SELECT (SELECT version FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1) AS version, head.*
    FROM (SELECT 1) LEFT JOIN (SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1) AS head ON 1`,
  command: 'SELECT stream_id, next_version, last_position FROM commands WHERE command_id = ?',
} as const;

/** A stream id no append accepts (ids are never empty): the head alone, from the append's own statement. */
const NO_STREAM = '';

/** Larger readAll pages are capped to this (the same cap as every adapter's). */
export const MAX_READ_ALL_LIMIT = READ_ALL_PAGE_CAP;

type ReadAllParams = CheckedReadAllOptions;

/** WAL pages after which a commit checkpoints (SQLite's default is 1,000); see openDatabase. */
export const WAL_AUTOCHECKPOINT_PAGES = 4000;

/** An append waiting for the next group commit, with what its caller is waiting for. */
interface PendingAppend {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type AppendOutcome = { result: AppendResult } | { error: unknown };

export class SqliteEventStore implements EventStore {
  /**
   * Opens (creating the directory if needed) a database file with the pragmas the store relies on.
   * ':memory:' works, for tests.
   */
  static openDatabase(file: string): Database.Database {
    if (file !== ':memory:' && file !== '' && !file.startsWith('file:')) {
      mkdirSync(dirname(resolve(file)), { recursive: true });
    }
    const db = new Database(file);
    // WAL: readers (GraphQL queries) never block the single writer and vice versa.
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL only survives a process crash; an acknowledged append could still vanish on
    // power loss or a kernel panic. FULL fsyncs the WAL at every commit, so "acknowledged" means on disk.
    db.pragma('synchronous = FULL');
    // A checkpoint copies the WAL's pages into the database file and fsyncs it, inside the commit that
    // crosses the threshold. Every 4,000 pages instead of SQLite's 1,000, a page that many commands
    // change (an index leaf, a status count, the projection's checkpoint row) is copied once for all of
    // them: ~14 % more commands per second on the 1M bench history, for a WAL of at most ~16 MB
    // (decision 125). The server also copies pages on a thread of its own (libs/platform's
    // BackgroundWalCheckpoint) so this one finds little left; it stays on, because only the writer's own
    // checkpoint can restart the WAL under steady writes (without it the WAL grew without bound).
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    // Temporary storage in memory, above all savepoint journals: a group commit runs each command in a
    // savepoint, and SQLite keeps the original of every page a savepoint changes in a journal that goes
    // to a temporary file past 64 KiB (about eight commands of a group): +10 % mutations per second in
    // the bench (decision 125). Work that builds large temporary b-trees on the live file (the replay's
    // compare and swap) switches to files for its duration.
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    // Another process (CLI import while the API runs) holding the write lock makes us wait, not fail.
    db.pragma('busy_timeout = 5000');
    return db;
  }

  private readonly db: Database.Database;
  private readonly clock: () => Date;
  private readonly ownsDatabase: boolean;
  private onAppended?: (events: RecordedEvent[]) => void;
  private closed = false;
  private readonly subscriptions: PollingSubscriptions;

  private readonly findCommandRow: Database.Statement<[string], CommandRow>;
  private readonly findVersionAndHead: Database.Statement<[string], VersionAndHeadRow>;
  private readonly findHeadPosition: Database.Statement<[], { position: bigint | null }>;
  private readonly insertEvent: Database.Statement<InsertEventParams>;
  private readonly insertCommand: Database.Statement<[string, string, number, bigint]>;
  private readonly selectStream: Database.Statement<[string, number], RecordedEventColumns>;
  private readonly readAllStatements = new Map<string, Database.Statement<[ReadAllParams], RecordedEventColumns>>();
  private readonly appendTransaction: Database.Transaction<(request: AppendRequest) => AppendResult>;
  private readonly groupTransaction: Database.Transaction<(batch: PendingAppend[]) => AppendOutcome[]>;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;

  constructor(options: SqliteEventStoreOptions) {
    this.db = options.database;
    this.clock = options.clock;
    this.ownsDatabase = options.ownsDatabase ?? false;
    this.onAppended = options.onAppended;
    this.subscriptions = new PollingSubscriptions(this, options.subscriptionPollMs ?? DEFAULT_SUBSCRIPTION_POLL_MS);
    this.migrate();

    const db = this.db;
    this.findCommandRow = db.prepare<[string], CommandRow>(WRITE_PATH_READS.command).safeIntegers(true);
    this.findVersionAndHead = db.prepare<[string], VersionAndHeadRow>(WRITE_PATH_READS.versionAndHead).raw(true).safeIntegers(true);
    this.findHeadPosition = db.prepare<[], { position: bigint | null }>('SELECT max(position) AS position FROM events').safeIntegers(true);
    // Parameters by position, not by name: binding eleven named ones looked each up on an object, per event.
    this.insertEvent = db.prepare<InsertEventParams>(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertCommand = db.prepare<[string, string, number, bigint]>(
      'INSERT INTO commands (command_id, stream_id, next_version, last_position) VALUES (?, ?, ?, ?)',
    );
    this.selectStream = db
      .prepare<[string, number], RecordedEventColumns>(
        `SELECT ${RECORDED_EVENT_COLUMNS} FROM events WHERE stream_id = ? AND version >= ? ORDER BY version`,
      )
      .raw(true)
      .safeIntegers(true);
    this.appendTransaction = db.transaction((request: AppendRequest) => this.appendInsideTransaction(request));
    // Each append of a group runs in its own savepoint (better-sqlite3 nests a transaction function
    // called inside another as a savepoint): one that fails is rolled back alone and the others commit.
    this.groupTransaction = db.transaction((batch: PendingAppend[]) => {
      // A group of one (commands one at a time) needs no savepoint: when its append fails, rolling back
      // the whole transaction undoes exactly that append, and the error reaches its caller all the same.
      if (batch.length === 1) return [{ result: this.appendInsideTransaction(batch[0].request) }];
      return batch.map(({ request }): AppendOutcome => {
        try {
          return { result: this.appendTransaction(request) };
        } catch (error) {
          // An error after which SQLite rolled back the whole transaction (I/O, disk full) leaves nothing
          // of the group standing: abort it, so every append of it is refused and none is acknowledged.
          if (!db.inTransaction) throw error;
          return { error };
        }
      });
    });
  }

  /** Idempotent: safe on every start, and on a file that already holds read-model tables. */
  migrate(): void {
    this.db
      .transaction(() => {
        upgradeEventStoreTables(this.db);
        this.db.exec(EVENT_STORE_SCHEMA);
      })
      .immediate();
  }

  /**
   * Group commit: appends that arrive while the event loop is busy (concurrent commands) are written in
   * one transaction, each in its own savepoint, so they share one commit and one fsync. Each keeps its
   * own outcome: a refused append (wrong version, reused command id, a failing insert) is rolled back to
   * its savepoint and rejected alone. Nothing is acknowledged before the commit has returned, i.e. is on
   * disk (synchronous=FULL); if the commit fails, every append of the group is rejected.
   */
  append(request: AppendRequest): Promise<AppendResult> {
    try {
      this.assertOpen();
      assertValidAppendRequest(request);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flushAppends());
      }
    });
  }

  /** Writes every waiting append in one transaction and answers each of them after the commit. */
  private flushAppends(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      if (this.closed) throw new Error('SqliteEventStore is closed');
      // IMMEDIATE takes the write lock before the first read, so the version checks, the head position
      // and the inserts see one consistent state even with another process writing the same file.
      outcomes = this.groupTransaction.immediate(batch);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    if (outcomes.some((o) => 'result' in o && !o.result.duplicate && o.result.lastPosition > 0n)) this.subscriptions.appended();
    outcomes.forEach((outcome, i) => ('result' in outcome ? batch[i].resolve(outcome.result) : batch[i].reject(outcome.error)));
  }

  subscribeToAll(options: SubscribeToAllOptions): EventSubscription {
    this.assertOpen();
    return this.subscriptions.subscribe(options);
  }

  async readStream(streamId: string, fromVersion = 1): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.selectStream.all(streamId, fromVersion).map(recordedEventOf);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readPage(options);
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.assertOpen();
    const row = this.findCommandRow.get(commandId);
    return row === undefined ? null : { streamId: row.stream_id, nextVersion: Number(row.next_version), lastPosition: row.last_position };
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    return this.currentVersion(streamId);
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.findHeadPosition.get()?.position ?? 0n;
  }

  /** Hash of the last event, GENESIS_HASH when the log is empty: the value to publish as an anchor. */
  lastEventHash(): string {
    this.assertOpen();
    return this.readHead().hash;
  }

  /**
   * Streams the log after a position without holding it in memory (replay, verify, export).
   * Keyset pages rather than statement.iterate(): better-sqlite3 refuses any other statement on the
   * connection while an iterator is open, and a replay writes projections on this same connection.
   */
  *iterateAll(after: bigint = 0n, batchSize = 1000): Generator<RecordedEvent, void, undefined> {
    let cursor = after;
    for (;;) {
      this.assertOpen();
      const page = this.readPage({ after: cursor, limit: batchSize });
      yield* page;
      if (page.length < Math.min(batchSize, MAX_READ_ALL_LIMIT)) return;
      cursor = page[page.length - 1].position;
    }
  }

  /** `copy-log` only: takes events sealed by another store, unchanged, after this log's head (see sqlite-sealed-import.ts). */
  async importSealed(events: readonly RecordedEvent[]): Promise<void> {
    this.assertOpen();
    this.flushAppends();
    importSealedIntoSqlite(this.db, events);
    if (events.length > 0) this.subscriptions.appended();
  }

  onAppendedInTransaction(listener: (events: RecordedEvent[]) => void): void {
    this.onAppended = listener;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already accepted are written (or refused) before the store closes.
    this.flushAppends();
    this.closed = true;
    await this.subscriptions.closeAll();
    if (this.ownsDatabase) this.db.close();
  }

  private appendInsideTransaction(request: AppendRequest): AppendResult {
    const { streamId, commandId } = request;
    // Read inside the write lock on every append instead of caching it between appends: the head is
    // needed anyway for a gap-free max(position)+1, and a cached head would silently fork the chain if
    // another connection (a second process on the same file) appended in between.
    const row = this.findVersionAndHead.get(streamId) as VersionAndHeadRow;
    const currentVersion = streamVersionOf(row);
    const head = logHeadOf(row);
    const count = request.events.length;
    const nextVersion = currentVersion + count;
    // Recorded even for zero events, so a retried no-op command is recognised as a duplicate too.
    const lastPosition = count > 0 ? head.position + BigInt(count) : 0n;

    // The command id first: its primary key finds a retry (or the id used on another stream) in the same
    // seek that records it, so a command that is not a retry reads nothing for it. A refusal below rolls
    // the row back with the rest of the append.
    const earlier = this.recordCommand(commandId, streamId, nextVersion, lastPosition);
    if (earlier !== undefined) {
      if (earlier.stream_id !== streamId) throw new CommandIdReused(commandId, earlier.stream_id);
      return { streamId, nextVersion: Number(earlier.next_version), lastPosition: earlier.last_position, duplicate: true };
    }

    if (request.expectedVersion !== 'any' && request.expectedVersion !== currentVersion) {
      throw new WrongExpectedVersion(streamId, request.expectedVersion, currentVersion);
    }

    const { events: sealed, dataTexts, metadataText } = sealEventsWithTexts(request, head, currentVersion, this.clock());
    for (let i = 0; i < sealed.length; i++) {
      const event = sealed[i];
      this.insertEvent.run(
        event.position,
        streamId,
        event.version,
        event.type,
        event.schemaVersion,
        dataTexts[i],
        metadataText,
        event.metadata.recordedAt,
        commandId,
        event.hash,
        event.prevHash,
      );
    }
    // Handed on exactly as a later read returns them (sealing normalises data as storing it does).
    if (this.onAppended && sealed.length > 0) this.onAppended(sealed);
    return { streamId, nextVersion, lastPosition, duplicate: false };
  }

  /** Inserts the command's row; when its id is taken, returns the row that holds it (and inserts nothing). */
  private recordCommand(commandId: string, streamId: string, nextVersion: number, lastPosition: bigint): CommandRow | undefined {
    try {
      this.insertCommand.run(commandId, streamId, nextVersion, lastPosition);
      return undefined;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
      return this.findCommandRow.get(commandId);
    }
  }

  private readHead(): LogHead {
    return logHeadOf(this.findVersionAndHead.get(NO_STREAM) as VersionAndHeadRow);
  }

  private currentVersion(streamId: string): number {
    return streamVersionOf(this.findVersionAndHead.get(streamId) as VersionAndHeadRow);
  }

  private readPage(options: ReadAllOptions): RecordedEvent[] {
    const params = checkReadAllOptions(options);
    return this.readAllStatement(params).all(params).map(recordedEventOf);
  }

  /** One cached statement per filter combination, so each gets its own plan (stream filter uses the index). */
  private readAllStatement(params: ReadAllParams): Database.Statement<[ReadAllParams], RecordedEventColumns> {
    const key = `${params.streamId !== undefined}:${params.recordedUpTo !== undefined}`;
    let statement = this.readAllStatements.get(key);
    if (statement === undefined) {
      const conditions = ['position > @after'];
      if (params.streamId !== undefined) conditions.push('stream_id = @streamId');
      if (params.recordedUpTo !== undefined) conditions.push('recorded_at <= @recordedUpTo');
      statement = this.db
        .prepare<[ReadAllParams], RecordedEventColumns>(
          `SELECT ${RECORDED_EVENT_COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT @limit`,
        )
        .raw(true)
        .safeIntegers(true);
      this.readAllStatements.set(key, statement);
    }
    return statement;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('SqliteEventStore is closed');
  }
}

/** The stream's version in a versionAndHead row: 0 for a stream without events. */
function streamVersionOf([version]: VersionAndHeadRow): number {
  return version === null ? 0 : Number(version);
}

/** The log's head in a versionAndHead row: the genesis values for an empty log. */
function logHeadOf([, position, hash, recordedAt]: VersionAndHeadRow): LogHead {
  return position === null ? EMPTY_LOG_HEAD : { position, hash: hash as string, recordedAt };
}

function recordedEventOf([
  position,
  streamId,
  version,
  type,
  schemaVersion,
  data,
  metadata,
  hash,
  prevHash,
]: RecordedEventColumns): RecordedEvent {
  return {
    position,
    streamId,
    version: Number(version),
    type,
    schemaVersion: Number(schemaVersion),
    data: JSON.parse(data) as Record<string, unknown>,
    metadata: JSON.parse(metadata) as EventMetadata,
    hash,
    prevHash,
  };
}
