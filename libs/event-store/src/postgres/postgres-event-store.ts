import type { Pool, PoolClient } from 'pg';
import { assertValidAppendRequest } from '../append-request-validation';
import { canonicalJson } from '../canonical-json';
import { CommandIdReused, WrongExpectedVersion } from '../errors';
import type {
  AppendRequest,
  AppendResult,
  CommandRecord,
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  EventSubscription,
  SubscribeToAllOptions,
} from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { DEFAULT_SUBSCRIPTION_POLL_MS, PollingSubscriptions } from '../polling-subscription';
import { TAKE_APPEND_LOCK } from './postgres-locks';
import { migrateEventStore } from './postgres-migrations';
import { createPostgresPool, PostgresPoolOptions } from './postgres-pool';
import { AppendStateRow, EVENT_COLUMNS, PostgresEventRow, toRecordedEvent } from './postgres-rows';
import { checkReadAllOptions } from '../log/read-all-options';
import { EMPTY_LOG_HEAD, LogHead, sealEvents } from '../log/sealed-events';
import { importSealedIntoPostgres } from './postgres-sealed-import';
import { inTransaction } from './transaction';

export interface PostgresEventStoreOptions {
  pool: Pool;
  clock: () => Date;
  /** Whether close() also ends the pool. Off when the pool is shared (with the token table). */
  ownsPool?: boolean;
  /** How often subscriptions look for events other instances appended (ms); own appends wake them at once. */
  subscriptionPollMs?: number;
}

/** Everything one append needs to decide, read under the lock in one round trip. */
const READ_APPEND_STATE = `
SELECT c.stream_id AS command_stream_id, c.next_version AS command_next_version, c.last_position AS command_last_position,
       s.version AS stream_version,
       h.position AS head_position, h.hash AS head_hash, h.recorded_at AS head_recorded_at
FROM (SELECT 1) AS one
LEFT JOIN commands c ON c.command_id = $1
LEFT JOIN streams s ON s.stream_id = $2
LEFT JOIN LATERAL (SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1) h ON true`;

/** All events of one append in one statement: the per-event columns as arrays, the shared ones once. */
const INSERT_EVENTS = `
INSERT INTO events (position, stream_id, version, type, schema_version, data, metadata, recorded_at, command_id, hash, prev_hash)
SELECT e.position, $1, e.version, e.type, e.schema_version, e.data, $2, $3::timestamptz, $4, e.hash, e.prev_hash
FROM unnest($5::bigint[], $6::integer[], $7::text[], $8::integer[], $9::text[], $10::text[], $11::text[])
  AS e(position, version, type, schema_version, data, hash, prev_hash)`;

/** The command is recorded even with no events (a retried no-op is a duplicate too); the stream only with events. */
const RECORD_COMMAND = `
WITH stream AS (
  INSERT INTO streams (stream_id, version) SELECT $2::varchar, $3::integer WHERE $5::boolean
  ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version
)
INSERT INTO commands (command_id, stream_id, next_version, last_position) VALUES ($1, $2::varchar, $3::integer, $4::bigint)`;

/**
 * The event store in PostgreSQL.
 *
 * Commit order: every append takes one transaction-level advisory lock (TAKE_APPEND_LOCK) before it
 * reads anything, computes position = max(position)+1 and the hash chain under it, and holds it until
 * COMMIT. The transaction that gets position N+1 therefore cannot even read the head before N has
 * committed (or rolled back), so:
 *  - positions are gap-free (a rollback gives its numbers back; no sequence is involved),
 *  - the chain links each event to its true predecessor, whichever instance wrote it,
 *  - commits happen in position order, so a reader paging `position > after` can never see N+1 while
 *    N is still invisible and then skip N for good. That is the classic bug with a sequence or an
 *    identity column: numbers are handed out in call order, not commit order.
 * The price is one writer at a time per database schema, a few milliseconds per append: far above what
 * coordinators and imports produce. Readers never take the lock.
 *
 * Optimistic concurrency and idempotency are checked under the lock; the unique constraints on
 * (stream_id, version) and command_id stand behind them.
 */
export class PostgresEventStore implements EventStore {
  /** Creates its own pool, applies the migrations, and ends the pool on close(). */
  static async open(options: PostgresPoolOptions & { clock: () => Date }): Promise<PostgresEventStore> {
    const pool = createPostgresPool(options);
    try {
      await migrateEventStore(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore({ pool, clock: options.clock, ownsPool: true });
  }

  private readonly pool: Pool;
  private readonly clock: () => Date;
  private readonly ownsPool: boolean;
  private closed = false;
  private readonly subscriptions: PollingSubscriptions;

  constructor(options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.clock = options.clock;
    this.ownsPool = options.ownsPool ?? false;
    this.subscriptions = new PollingSubscriptions(this, options.subscriptionPollMs ?? DEFAULT_SUBSCRIPTION_POLL_MS);
  }

  /** Idempotent; safe when several instances start together. */
  async migrate(): Promise<void> {
    await migrateEventStore(this.pool);
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    this.assertOpen();
    assertValidAppendRequest(request);
    try {
      return this.announced(await inTransaction(this.pool, (client) => this.appendUnderLock(client, request)));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Cannot happen while every writer takes the lock. If one did not (an older build, a hand-written
      // INSERT), a second attempt reads what it wrote and answers as the port says: duplicate, or
      // WrongExpectedVersion, or the append goes through on top of it.
      return this.announced(await inTransaction(this.pool, (client) => this.appendUnderLock(client, request)));
    }
  }

  /**
   * Polling, not LISTEN/NOTIFY: with the read models shared in this database, other instances' events
   * are projected by the instance that wrote them; a subscription here only picks up what a writer that
   * died before projecting left behind, and a poll is one indexed read.
   */
  subscribeToAll(options: SubscribeToAllOptions): EventSubscription {
    this.assertOpen();
    return this.subscriptions.subscribe(options);
  }

  private announced(result: AppendResult): AppendResult {
    if (!result.duplicate && result.lastPosition > 0n) this.subscriptions.appended();
    return result;
  }

  async readStream(streamId: string, fromVersion = 1): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { rows } = await this.pool.query<PostgresEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND version >= $2 ORDER BY version`,
      [streamId, fromVersion],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const checked = checkReadAllOptions(options);
    const values: unknown[] = [checked.after.toString(), checked.limit];
    const conditions = ['position > $1'];
    if (checked.streamId !== undefined) {
      values.push(checked.streamId);
      conditions.push(`stream_id = $${values.length}`);
    }
    if (checked.recordedUpTo !== undefined) {
      values.push(checked.recordedUpTo);
      conditions.push(`recorded_at <= $${values.length}::timestamptz`);
    }
    const { rows } = await this.pool.query<PostgresEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT $2`,
      values,
    );
    return rows.map(toRecordedEvent);
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ stream_id: string; next_version: number; last_position: string }>(
      'SELECT stream_id, next_version, last_position FROM commands WHERE command_id = $1',
      [commandId],
    );
    return rows.length === 0
      ? null
      : { streamId: rows[0].stream_id, nextVersion: rows[0].next_version, lastPosition: BigInt(rows[0].last_position) };
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ version: number }>('SELECT version FROM streams WHERE stream_id = $1', [streamId]);
    return rows[0]?.version ?? 0;
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ position: string | null }>('SELECT max(position) AS position FROM events');
    return rows[0].position === null ? 0n : BigInt(rows[0].position);
  }

  /** Hash of the last event, GENESIS_HASH when the log is empty: the value to publish as an anchor. */
  async lastEventHash(): Promise<string> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ hash: string }>('SELECT hash FROM events ORDER BY position DESC LIMIT 1');
    return rows[0]?.hash ?? GENESIS_HASH;
  }

  /** `copy-log` only: takes events sealed by another store, unchanged, after this log's head (see postgres-sealed-import.ts). */
  async importSealed(events: readonly RecordedEvent[]): Promise<void> {
    this.assertOpen();
    await importSealedIntoPostgres(this.pool, events);
    this.subscriptions.appended();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.closeAll();
    if (this.ownsPool) await this.pool.end();
  }

  private async appendUnderLock(client: PoolClient, request: AppendRequest): Promise<AppendResult> {
    const { streamId, commandId } = request;
    await client.query(TAKE_APPEND_LOCK);
    const state = (await client.query<AppendStateRow>(READ_APPEND_STATE, [commandId, streamId])).rows[0];

    if (state.command_stream_id !== null) {
      if (state.command_stream_id !== streamId) throw new CommandIdReused(commandId, state.command_stream_id);
      return {
        streamId,
        nextVersion: state.command_next_version as number,
        lastPosition: BigInt(state.command_last_position as string),
        duplicate: true,
      };
    }

    const currentVersion = state.stream_version ?? 0;
    if (request.expectedVersion !== 'any' && request.expectedVersion !== currentVersion) {
      throw new WrongExpectedVersion(streamId, request.expectedVersion, currentVersion);
    }

    const sealed = sealEvents(request, headOf(state), currentVersion, this.clock());
    if (sealed.length > 0) {
      const { metadata } = sealed[0];
      await client.query(INSERT_EVENTS, [
        streamId,
        canonicalJson(metadata),
        metadata.recordedAt,
        commandId,
        sealed.map((e) => e.position.toString()),
        sealed.map((e) => e.version),
        sealed.map((e) => e.type),
        sealed.map((e) => e.schemaVersion),
        sealed.map((e) => canonicalJson(e.data)),
        sealed.map((e) => e.hash),
        sealed.map((e) => e.prevHash),
      ]);
    }
    const nextVersion = currentVersion + sealed.length;
    const lastPosition = sealed.length > 0 ? sealed[sealed.length - 1].position : 0n;
    await client.query(RECORD_COMMAND, [commandId, streamId, nextVersion, lastPosition.toString(), sealed.length > 0]);
    return { streamId, nextVersion, lastPosition, duplicate: false };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('PostgresEventStore is closed');
  }
}

function headOf(state: AppendStateRow): LogHead {
  if (state.head_position === null) return EMPTY_LOG_HEAD;
  return {
    position: BigInt(state.head_position),
    hash: state.head_hash as string,
    recordedAt: (state.head_recorded_at as Date).toISOString(),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
