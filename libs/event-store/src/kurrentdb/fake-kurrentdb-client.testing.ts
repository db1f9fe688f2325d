/**
 * For specs only (not exported): an in-memory stand-in for a KurrentDB server and its client, faithful
 * in what the adapter relies on. multiStreamAppend checks every stream's expected state and writes all
 * or nothing, and throws the client's own WrongExpectedVersionError; reading a missing stream throws the
 * client's StreamNotFoundError; data and metadata go through JSON as over the wire, and the server adds
 * metadata keys of its own. Every call yields to the event loop first, as a network round trip would,
 * so concurrent appenders really interleave. subscribeToStream is a catch-up subscription with the real
 * one's start semantics (fromRevision exclusive, START inclusive, END only new events), existing events
 * first, then each event as an append commits it; tests can drop subscriptions as a lost connection does.
 */
import {
  AppendStreamRequest,
  AppendStreamState,
  CurrentStreamState,
  MultiAppendResult,
  ReadRevision,
  ReadStreamOptions,
  ResolvedEvent,
  StreamNotFoundError,
  SubscribeToStreamOptions,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { KurrentClientLike, KurrentSubscriptionLike } from './kurrentdb-client-like';

interface StoredEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  created: Date;
}

/** One server; each client() is one application instance's connection to it. */
export class FakeKurrentServer {
  readonly streams = new Map<string, StoredEvent[]>();
  /** Every multiStreamAppend received, in order (including refused ones). */
  readonly appendCalls: AppendStreamRequest[][] = [];
  /** Runs after a request arrives and before the server checks it: lets a test put a competing write first. */
  beforeAppend: ((requests: AppendStreamRequest[]) => Promise<void> | void) | undefined;
  /** Makes the next multiStreamAppend fail with this error, writing nothing. */
  failNextAppend: Error | undefined;
  /** Every subscribeToStream received, in order. */
  readonly subscribeCalls: { streamName: string; fromRevision: ReadRevision }[] = [];
  /**
   * Makes subscriptions from a revision deliver that revision too, as a server that took fromRevision as
   * inclusive would (the real one does not): what the adapter must not deliver twice.
   */
  subscriptionsIncludeStartRevision = false;
  /** Subscriptions neither unsubscribed, dropped nor failed. */
  readonly openSubscriptions = new Set<FakeStreamSubscription>();
  private position = 0n;

  /** A lost connection: every open subscription's iteration throws this (the client's UnavailableError by default). */
  dropSubscriptions(error: Error = new UnavailableError(undefined, 'connection lost')): void {
    for (const subscription of [...this.openSubscriptions]) subscription.fail(error);
  }

  client(): FakeKurrentClient {
    return new FakeKurrentClient(this);
  }

  /** What the server does with an atomic multi-stream append, after the round trip. */
  applyAppend(requests: AppendStreamRequest[]): MultiAppendResult {
    const names = requests.map((r) => r.streamName);
    if (new Set(names).size !== names.length) throw new Error('Each stream can only appear once in the request');
    for (const request of requests) {
      const current = this.currentState(request.streamName);
      if (!satisfies(request.expectedState, current)) {
        throw new WrongExpectedVersionError(undefined, { streamName: request.streamName, expected: request.expectedState, current });
      }
    }
    this.position += 1n;
    const responses = requests.map((request) => {
      const stream = this.streams.get(request.streamName) ?? [];
      for (const event of request.events) {
        const metadata = { ...(event.metadata as Record<string, string>), '$schema.name': event.type, '$schema.data-format': 'Json' };
        stream.push({
          streamId: request.streamName,
          id: event.id,
          revision: BigInt(stream.length),
          type: event.type,
          data: JSON.stringify(event.data),
          metadata: JSON.stringify(metadata),
          created: new Date(),
        });
      }
      this.streams.set(request.streamName, stream);
      return { streamName: request.streamName, revision: BigInt(stream.length - 1) };
    });
    // Committed: live subscriptions see the new events (all streams of the append at once).
    for (const subscription of this.openSubscriptions) subscription.wake();
    return { position: this.position, responses };
  }

  currentState(streamName: string): CurrentStreamState {
    const stream = this.streams.get(streamName);
    return stream === undefined || stream.length === 0 ? 'no_stream' : BigInt(stream.length - 1);
  }
}

export class FakeKurrentClient implements KurrentClientLike {
  disposed = false;

  constructor(private readonly server: FakeKurrentServer) {}

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncGenerator<ResolvedEvent, void, undefined> {
    await roundTrip();
    this.assertUsable();
    const stream = this.server.streams.get(streamName);
    if (stream === undefined) throw new StreamNotFoundError(undefined, streamName);
    const snapshot = [...stream];
    const backwards = options.direction === 'backwards';
    const last = BigInt(snapshot.length - 1);
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    let revision = from === 'start' ? 0n : from === 'end' ? (backwards ? last : last + 1n) : from;
    let remaining = BigInt(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    while (remaining > 0n && revision >= 0n && revision <= last) {
      yield toResolved(snapshot[Number(revision)]);
      revision += backwards ? -1n : 1n;
      remaining -= 1n;
    }
  }

  async multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult> {
    assertStringMetadata(requests);
    await roundTrip();
    this.assertUsable();
    this.server.appendCalls.push(requests);
    await this.server.beforeAppend?.(requests);
    const failure = this.server.failNextAppend;
    if (failure !== undefined) {
      this.server.failNextAppend = undefined;
      throw failure;
    }
    return this.server.applyAppend(requests);
  }

  /** Like the real client: the request leaves at once, events are read from the returned subscription. */
  subscribeToStream(streamName: string, { fromRevision = 'start' }: SubscribeToStreamOptions = {}): FakeStreamSubscription {
    this.server.subscribeCalls.push({ streamName, fromRevision });
    return new FakeStreamSubscription(this.server, streamName, fromRevision, () => this.assertUsable());
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('the client was disposed');
  }
}

/**
 * One catch-up subscription: the server reads the stream from the start revision on and then pushes each
 * newly committed event, in revision order, without gaps. Iterating it throws when it was dropped (the
 * events not yet taken are lost, as with a broken connection); after unsubscribe() it ends.
 */
export class FakeStreamSubscription implements KurrentSubscriptionLike {
  unsubscribed = false;
  private failure: { error: Error } | undefined;
  private waiting: (() => void) | undefined;
  private readonly startRevision: bigint;

  constructor(
    private readonly server: FakeKurrentServer,
    private readonly streamName: string,
    fromRevision: ReadRevision,
    private readonly assertUsable: () => void,
  ) {
    const length = BigInt(server.streams.get(streamName)?.length ?? 0);
    if (fromRevision === 'start') this.startRevision = 0n;
    else if (fromRevision === 'end') this.startRevision = length;
    else this.startRevision = server.subscriptionsIncludeStartRevision ? fromRevision : fromRevision + 1n;
    server.openSubscriptions.add(this);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ResolvedEvent, void, undefined> {
    await roundTrip();
    this.assertUsable();
    let revision = this.startRevision;
    for (;;) {
      if (this.failure !== undefined) throw this.failure.error;
      if (this.unsubscribed) return;
      const stream = this.server.streams.get(this.streamName) ?? [];
      if (revision < BigInt(stream.length)) {
        yield toResolved(stream[Number(revision)]);
        revision += 1n;
      } else {
        await new Promise<void>((resolve) => (this.waiting = resolve));
      }
    }
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.server.openSubscriptions.delete(this);
    this.wake();
    await roundTrip();
  }

  /** For the server: something changed (an append committed, or the subscription ended). */
  wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  /** For the server: the connection broke. */
  fail(error: Error): void {
    this.failure ??= { error };
    this.server.openSubscriptions.delete(this);
    this.wake();
  }
}

function satisfies(expected: AppendStreamState, current: CurrentStreamState): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === 'no_stream';
  if (expected === 'stream_exists') return current !== 'no_stream';
  return current === expected;
}

/** The real client refuses anything but a plain object of strings as multiStreamAppend metadata. */
function assertStringMetadata(requests: AppendStreamRequest[]): void {
  for (const event of requests.flatMap((r) => r.events)) {
    const metadata = event.metadata as unknown;
    if (metadata == null) continue;
    if (
      typeof metadata !== 'object' ||
      Array.isArray(metadata) ||
      metadata instanceof Uint8Array ||
      Object.values(metadata).some((value) => typeof value !== 'string')
    ) {
      throw new Error('multiStreamAppend requires metadata to be a plain object with string keys and string values.');
    }
  }
}

function toResolved(stored: StoredEvent): ResolvedEvent {
  return {
    event: {
      streamId: stored.streamId,
      id: stored.id,
      revision: stored.revision,
      type: stored.type,
      data: JSON.parse(stored.data),
      metadata: JSON.parse(stored.metadata),
      isJson: true,
      created: stored.created,
    },
  } as ResolvedEvent;
}

function roundTrip(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
