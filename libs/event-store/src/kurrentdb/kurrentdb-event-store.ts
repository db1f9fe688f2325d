import type { ReadStreamOptions, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { assertValidAppendRequest } from '../append-request-validation';
import { CommandIdReused, WrongExpectedVersion } from '../errors';
import type {
  AppendRequest,
  AppendResult,
  CommandRecord,
  EventStore,
  EventSubscription,
  ReadAllOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { checkReadAllOptions } from '../log/read-all-options';
import { EMPTY_LOG_HEAD, LogHead, sealEvents } from '../log/sealed-events';
import {
  APPEND_CONSISTENCY_VIOLATION,
  hasErrorType,
  KurrentClientLike,
  STREAM_NOT_FOUND,
  WRONG_EXPECTED_VERSION,
} from './kurrentdb-client-like';
import { appendRequestsFor, commandRecordFrom, fromResolvedEvent, logHeadFrom } from './kurrentdb-event-mapping';
import { DEFAULT_RESUBSCRIBE_DELAY_MS, kurrentLogSubscription } from './kurrentdb-log-subscription';
import { countAtRevision, revisionOfVersion } from './kurrentdb-revisions';
import { KurrentStreamNames } from './kurrentdb-stream-names';

export interface KurrentDbEventStoreOptions {
  client: KurrentClientLike;
  clock: () => Date;
  /** Prefix for every stream name: keeps test runs, or two deployments on one cluster, apart. */
  namespace?: string;
  /** Tries before an append that keeps losing the race for the log head gives up (with a retryable error). */
  maxAppendAttempts?: number;
  /** Pause (ms) before a subscription whose connection failed subscribes again from where it was. */
  resubscribeDelayMs?: number;
}

/** The append lost a race and must be decided again from fresh reads. */
const LOST_RACE = Symbol('LOST_RACE');

/**
 * The event store in KurrentDB (25.1 or later: it relies on the atomic multiStreamAppend).
 *
 * Positions: KurrentDB's own commit/prepare positions in $all are byte offsets, not 1..n, and $all also
 * holds other applications' and the server's events. Our gap-free position comes from a single-writer
 * log stream instead: every append also writes copies of its events to `@actiemonitor-log`, expecting it
 * at the head it read, in the same atomic request as the events in their own stream and the command
 * record. So log revision r is position r+1, and two writers can never take the same positions: the
 * second one's expectation fails and it decides again from fresh reads (as an optimistic lock). The hash
 * chain follows the same order. readAll reads the log stream; readStream the aggregate's own stream.
 *
 * Expected versions: the aggregate stream is expected at the version read (revision version-1, or
 * NO_STREAM at 0), so KurrentDB itself refuses a second event at one version. Idempotency: the command
 * record's stream must not exist yet; a retry finds it and answers as the first attempt did. Event ids
 * derive from the command id, so KurrentDB also recognises a retried write as the same one.
 *
 * Subscriptions: subscribeToAll is KurrentDB's own catch-up subscription of the log stream (not of
 * $all, whose positions are not ours), see kurrentdb-log-subscription.ts.
 */
export class KurrentDbEventStore implements EventStore {
  /**
   * Connects with a connection string such as kurrentdb://localhost:2113?tls=false. The client (gRPC and
   * a native bridge) is loaded only here, so servers on SQLite or PostgreSQL never load it.
   */
  static async connect(connectionString: string, options: Omit<KurrentDbEventStoreOptions, 'client'>): Promise<KurrentDbEventStore> {
    const { KurrentDBClient } = await import('@kurrent/kurrentdb-client');
    return new KurrentDbEventStore({ ...options, client: KurrentDBClient.connectionString(connectionString) });
  }

  private readonly client: KurrentClientLike;
  private readonly clock: () => Date;
  private readonly names: KurrentStreamNames;
  private readonly maxAppendAttempts: number;
  private readonly resubscribeDelayMs: number;
  private readonly subscriptions = new Set<EventSubscription>();
  private closed = false;

  constructor(options: KurrentDbEventStoreOptions) {
    this.client = options.client;
    this.clock = options.clock;
    this.names = new KurrentStreamNames(options.namespace);
    this.maxAppendAttempts = options.maxAppendAttempts ?? 50;
    this.resubscribeDelayMs = options.resubscribeDelayMs ?? DEFAULT_RESUBSCRIBE_DELAY_MS;
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    this.assertOpen();
    assertValidAppendRequest(request);
    this.names.assertWritable(request.streamId);
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.tryAppend(request);
      if (outcome !== LOST_RACE) return outcome;
      if (attempt >= this.maxAppendAttempts) {
        throw new Error(`KurrentDB append to ${request.streamId} lost the race for the log ${attempt} times; retry the command`);
      }
      // Jittered, growing pause so writers that collided do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(attempt, 6)));
    }
  }

  async readStream(streamId: string, fromVersion = 1): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (this.names.isReserved(streamId)) return [];
    const resolved = await this.read(this.names.aggregate(streamId), { fromRevision: revisionOfVersion(fromVersion) });
    return resolved.map((event) => fromResolvedEvent(event, 'stream'));
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const checked = checkReadAllOptions(options);
    let events: RecordedEvent[];
    if (checked.streamId !== undefined) {
      // One aggregate's stream is short; its events carry their global positions.
      events = (await this.readStream(checked.streamId)).filter((event) => event.position > checked.after);
    } else {
      // Position p is log revision p-1, so the events after `after` start at revision `after`.
      const resolved = await this.read(this.names.log, { fromRevision: checked.after, maxCount: checked.limit });
      events = resolved.map((event) => fromResolvedEvent(event, 'log'));
    }
    if (checked.recordedUpTo !== undefined) {
      const upTo = checked.recordedUpTo;
      events = events.filter((event) => event.metadata.recordedAt <= upTo);
    }
    return events.slice(0, checked.limit);
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.assertOpen();
    const [record] = await this.read(this.names.command(commandId), { maxCount: 1 });
    return record === undefined ? null : commandRecordFrom(record);
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    if (this.names.isReserved(streamId)) return 0;
    const [last] = await this.read(this.names.aggregate(streamId), { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    return last?.event === undefined ? 0 : Number(countAtRevision(last.event.revision));
  }

  async headPosition(): Promise<bigint> {
    return (await this.logHead()).position;
  }

  /** Hash of the last event, GENESIS_HASH when the log is empty: the value to publish as an anchor. */
  async lastEventHash(): Promise<string> {
    return (await this.logHead()).hash;
  }

  subscribeToAll(options: SubscribeToAllOptions): EventSubscription {
    this.assertOpen();
    // Our gap-free positions are the log stream's revisions, so the subscription is to that stream, not $all.
    const subscription = kurrentLogSubscription(this.client, options, {
      logStream: this.names.log,
      resubscribeDelayMs: this.resubscribeDelayMs,
    });
    const handle: EventSubscription = {
      close: async () => {
        this.subscriptions.delete(handle);
        await subscription.close();
      },
    };
    this.subscriptions.add(handle);
    return handle;
  }

  /** Closes the open subscriptions (waiting for running handlers), then the client. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async tryAppend(request: AppendRequest): Promise<AppendResult | typeof LOST_RACE> {
    const { streamId, commandId } = request;
    const earlier = await this.findCommand(commandId);
    if (earlier !== null) {
      if (earlier.streamId !== streamId) throw new CommandIdReused(commandId, earlier.streamId);
      return { ...earlier, streamId, duplicate: true };
    }
    const [currentVersion, head] = await Promise.all([this.streamVersion(streamId), this.logHead()]);
    if (request.expectedVersion !== 'any' && request.expectedVersion !== currentVersion) {
      throw new WrongExpectedVersion(streamId, request.expectedVersion, currentVersion);
    }

    const sealed = sealEvents(request, head, currentVersion, this.clock());
    const outcome: CommandRecord = {
      streamId,
      nextVersion: currentVersion + sealed.length,
      lastPosition: sealed.length > 0 ? sealed[sealed.length - 1].position : 0n,
    };
    try {
      await this.client.multiStreamAppend(appendRequestsFor(this.names, request, sealed, currentVersion, head, outcome));
    } catch (error) {
      // Another writer moved the stream, the log or this very command first. Which one decides the
      // answer (WrongExpectedVersion, a duplicate, or simply trying again on the new head), and the
      // fresh reads of the next attempt tell it more reliably than the error's details could.
      if (hasErrorType(error, WRONG_EXPECTED_VERSION) || hasErrorType(error, APPEND_CONSISTENCY_VIOLATION)) return LOST_RACE;
      throw error;
    }
    return { ...outcome, duplicate: false };
  }

  private async logHead(): Promise<LogHead> {
    this.assertOpen();
    const [last] = await this.read(this.names.log, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    return last === undefined ? EMPTY_LOG_HEAD : logHeadFrom(last);
  }

  /** A stream's events as an array; a stream that does not exist reads as empty. */
  private async read(streamName: string, options: ReadStreamOptions): Promise<ResolvedEvent[]> {
    const events: ResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, options)) events.push(resolved);
    } catch (error) {
      if (hasErrorType(error, STREAM_NOT_FOUND)) return [];
      throw error;
    }
    return events;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('KurrentDbEventStore is closed');
  }
}
