/**
 * The one port every event store adapter implements (SQLite today; PostgreSQL and KurrentDB later).
 * Nothing here may mention a database: positions are bigints, times are ISO strings, data is plain JSON.
 */

/** Who caused an event. `system` for imports. */
export interface Actor {
  id: string;
  partnerId: string | null;
  role: 'COORDINATOR' | 'PARTNER' | 'AUDITOR' | 'SYSTEM';
}

export interface EventMetadata {
  actor: Actor;
  /** The idempotency key of the command that produced the event. */
  commandId: string;
  /** Ties together every event caused by one request. */
  correlationId: string;
  /** ISO-8601 instant at which the store recorded the event (set by the store's clock, not the client). */
  recordedAt: string;
}

/** An event as the domain produces it, before the store gives it a place in the log. */
export interface NewEvent {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

export interface RecordedEvent extends NewEvent {
  /** Global, gap-free position in the log, starting at 1. */
  position: bigint;
  streamId: string;
  /** 1 for the first event of a stream. */
  version: number;
  metadata: EventMetadata;
  /** sha256 over the canonical serialisation of this event and the previous event's hash (hex). */
  hash: string;
  prevHash: string;
}

/**
 * `number`: the stream must be at exactly this version (0 = the stream must not exist yet).
 * `'any'`: no check.
 */
export type ExpectedVersion = number | 'any';

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expectedVersion: ExpectedVersion;
  /** Idempotency key: a second append with the same commandId writes nothing and returns the first result. */
  commandId: string;
  correlationId: string;
  actor: Actor;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append (for a duplicate: after the original append). */
  nextVersion: number;
  /** Position of the last event written (for a duplicate: of the original append; 0n when no events). */
  lastPosition: bigint;
  /** True when this commandId had already been appended: nothing new was written. */
  duplicate: boolean;
}

export interface CommandRecord {
  streamId: string;
  nextVersion: number;
  lastPosition: bigint;
}

export interface ReadAllOptions {
  /** Return events with position strictly greater than this. */
  after: bigint;
  limit: number;
  /** Only events of this stream (still in global position order). */
  streamId?: string;
  /** Only events recorded at or before this instant (ISO string). */
  recordedUpTo?: string;
}

/**
 * A catch-up subscription to the whole log: first every event after `after`, then each new one as it is
 * appended, in position order, each exactly once. The next batch is delivered only after `onEvents` has
 * settled. When `onEvents` throws, the subscription stops at that batch (nothing after it is delivered)
 * and `onError` is told once; the subscriber resubscribes from its own checkpoint when it is ready.
 * A store that cannot be read meanwhile is retried, not reported: the log comes back where it was.
 */
export interface SubscribeToAllOptions {
  after: bigint;
  onEvents(events: RecordedEvent[]): Promise<void> | void;
  onError?(error: unknown): void;
}

export interface EventSubscription {
  /** Stops deliveries; resolves when no onEvents call is running any more. */
  close(): Promise<void>;
}

export interface EventStore {
  append(request: AppendRequest): Promise<AppendResult>;
  /** All events of one stream in version order, optionally from a version (inclusive). */
  readStream(streamId: string, fromVersion?: number): Promise<RecordedEvent[]>;
  /** A page of the global log in position order. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The recorded outcome of an earlier append with this commandId, or null. Command handlers ask this
   * before deciding, so a retried command answers as the first attempt did even after the stream moved on.
   */
  findCommand(commandId: string): Promise<CommandRecord | null>;
  /** The current version of a stream (0 when it does not exist). */
  streamVersion(streamId: string): Promise<number>;
  /** Position of the last event in the log (0n when empty). */
  headPosition(): Promise<bigint>;
  /** Every event after `after`, then the new ones as they are appended (see SubscribeToAllOptions). */
  subscribeToAll(options: SubscribeToAllOptions): EventSubscription;
  /**
   * Offered only by a store that keeps the read models in its own transaction (SQLite): `listener`
   * runs inside every append's transaction with the events just written, so their projection commits
   * with them. It must not throw. The application's ReadModelFreshness decides whether to use it.
   */
  onAppendedInTransaction?(listener: (events: RecordedEvent[]) => void): void;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
