import { randomBytes } from 'node:crypto';
import { UnavailableError } from '@kurrent/kurrentdb-client';
import { InvalidAppendRequest } from '../append-request-validation';
import { eventStoreContract } from '../contract/event-store.contract';
import { WrongExpectedVersion } from '../errors';
import type { AppendRequest, EventSubscription, NewEvent, RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { readLog } from '../read-log';
import { FakeKurrentServer } from './fake-kurrentdb-client.testing';
import { eventIdFor } from './kurrentdb-event-ids';
import { COMMAND_RECORDED, UnreadableKurrentEvent } from './kurrentdb-event-mapping';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { appendRequest as sharedAppendRequest, newEvents } from '../contract/append-fixtures.testing';

const vwsCoordinator = { id: 'user-1', partnerId: 'VWS', role: 'COORDINATOR' } as const;
const appendRequest = (streamId: string, events: NewEvent[], expectedVersion: AppendRequest['expectedVersion'] = 'any'): AppendRequest =>
  sharedAppendRequest(streamId, events, expectedVersion, { actor: vwsCoordinator });

const fixedClock = () => new Date('2026-11-23T09:00:00.000Z');

// The whole contract, against the adapter with a faithful in-memory server: the adapter's own logic
// (revisions, the log stream, retries, idempotency, the hash chain) is exercised on every `npm test`.
eventStoreContract('KurrentDbEventStore (in-memory fake server)', async () => {
  const server = new FakeKurrentServer();
  const stores: KurrentDbEventStore[] = [];
  const open = async (): Promise<KurrentDbEventStore> => {
    const store = new KurrentDbEventStore({ client: server.client(), clock: () => new Date() });
    stores.push(store);
    return store;
  };
  return {
    store: await open(),
    openAnotherInstance: open,
    cleanup: async () => {
      for (const store of stores) await store.close();
    },
  };
});

// The same contract against a real server, wherever one is reachable (see docs/operations.md, "Production stores").
const kurrentDbUrl = process.env.KURRENTDB_URL;
if (kurrentDbUrl !== undefined && kurrentDbUrl !== '') {
  eventStoreContract(`KurrentDbEventStore (${kurrentDbUrl})`, async () => {
    // A fresh namespace per test: KurrentDB streams cannot be dropped like a schema, so each test gets its own.
    const namespace = `t${Date.now().toString(36)}${randomBytes(4).toString('hex')}-`;
    const stores: KurrentDbEventStore[] = [];
    const open = async (): Promise<KurrentDbEventStore> => {
      const store = await KurrentDbEventStore.connect(kurrentDbUrl, { clock: () => new Date(), namespace });
      stores.push(store);
      return store;
    };
    return {
      store: await open(),
      openAnotherInstance: open,
      cleanup: async () => {
        for (const store of stores) await store.close();
      },
    };
  });
} else {
  console.warn(
    'Skipped "EventStore contract: KurrentDbEventStore" against a real server: KURRENTDB_URL is not set (see docs/operations.md, "Production stores").',
  );
  describe.skip('EventStore contract: KurrentDbEventStore against a real server (set KURRENTDB_URL)', () => {
    it('runs only where a KurrentDB server is reachable', () => undefined);
  });
}

describe('KurrentDbEventStore mapping onto KurrentDB', () => {
  let server: FakeKurrentServer;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    server = new FakeKurrentServer();
    store = new KurrentDbEventStore({ client: server.client(), clock: fixedClock });
  });

  it('writes a new stream expecting NO_STREAM, then revision version-1; the log at head-1; the command record once', async () => {
    const first = appendRequest('action-1', newEvents(2), 0);
    await store.append(first);
    await store.append(appendRequest('action-1', newEvents(1), 2));

    const [firstCall, secondCall] = server.appendCalls;
    expect(firstCall.map((r) => [r.streamName, r.expectedState])).toEqual([
      ['action-1', 'no_stream'],
      ['@actiemonitor-log', 'no_stream'],
      [expect.stringMatching(/^@actiemonitor-command-[0-9a-f]{64}$/), 'no_stream'],
    ]);
    expect(secondCall.map((r) => r.expectedState)).toEqual([1n, 1n, 'no_stream']);
    expect(server.streams.get('action-1')?.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(server.streams.get('@actiemonitor-log')?.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(firstCall[2].events[0]).toMatchObject({
      type: COMMAND_RECORDED,
      data: { commandId: first.commandId, streamId: 'action-1', nextVersion: 2, lastPosition: '2' },
    });
  });

  it('maps revisions to versions and log revisions to positions when reading back', async () => {
    await store.append(appendRequest('action-1', newEvents(2), 0));
    await store.append(appendRequest('action-2', newEvents(1), 0));
    await store.append(appendRequest('action-1', newEvents(1), 2));

    expect((await store.readStream('action-1')).map((e) => [e.version, e.position])).toEqual([
      [1, 1n],
      [2, 2n],
      [3, 4n],
    ]);
    expect((await store.readStream('action-1', 2)).map((e) => e.version)).toEqual([2, 3]);
    expect((await store.readAll({ after: 1n, limit: 2 })).map((e) => [e.streamId, e.position])).toEqual([
      ['action-1', 2n],
      ['action-2', 3n],
    ]);
    expect(await store.streamVersion('action-1')).toBe(3);
    expect(await store.headPosition()).toBe(4n);
  });

  it('carries actor, command, correlation, time, position and hashes in string metadata', async () => {
    const request = appendRequest('action-1', [{ type: 'ActionRegistered', schemaVersion: 2, data: { titel: 'één' } }], 0);
    await store.append(request);

    const [stored] = server.streams.get('action-1') ?? [];
    const metadata = JSON.parse(stored.metadata) as Record<string, string>;
    expect(Object.values(metadata).every((value) => typeof value === 'string')).toBe(true);
    const [event] = await store.readStream('action-1');
    expect(metadata).toMatchObject({
      streamId: 'action-1',
      version: '1',
      position: '1',
      schemaVersion: '2',
      actor: '{"id":"user-1","partnerId":"VWS","role":"COORDINATOR"}',
      commandId: request.commandId,
      correlationId: request.correlationId,
      recordedAt: '2026-11-23T09:00:00.000Z',
      hash: event.hash,
      prevHash: GENESIS_HASH,
    });
    expect(JSON.parse(stored.data)).toEqual({ titel: 'één' });
    expect(stored.type).toBe('ActionRegistered');
  });

  it('derives event ids from the command id, so a resent command carries the same ids', async () => {
    const request = appendRequest('action-1', newEvents(2), 0);
    server.failNextAppend = new UnavailableError(undefined, 'server gone');
    await expect(store.append(request)).rejects.toBeInstanceOf(UnavailableError);

    await store.append(request);

    const [lost, delivered] = server.appendCalls;
    expect(delivered.map((r) => r.events.map((e) => e.id))).toEqual(lost.map((r) => r.events.map((e) => e.id)));
    expect(delivered[0].events.map((e) => e.id)).toEqual([
      eventIdFor(request.commandId, 'stream', 0),
      eventIdFor(request.commandId, 'stream', 1),
    ]);
    expect(delivered[1].events[0].id).toBe(eventIdFor(request.commandId, 'log', 0));
  });

  it('translates a competing write to the same stream into WrongExpectedVersion with the actual version', async () => {
    await store.append(appendRequest('action-1', newEvents(1), 0));
    const rival = new KurrentDbEventStore({ client: server.client(), clock: fixedClock });
    server.beforeAppend = async () => {
      server.beforeAppend = undefined;
      await rival.append(appendRequest('action-1', newEvents(1), 1));
    };

    const error = await store.append(appendRequest('action-1', newEvents(1), 1)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect(error).toMatchObject({ streamId: 'action-1', expectedVersion: 1, actualVersion: 2 });
    expect(await store.headPosition()).toBe(2n);
  });

  it('tries again on the new head when only the log moved (another stream was written)', async () => {
    await store.append(appendRequest('action-1', newEvents(1), 0));
    const rival = new KurrentDbEventStore({ client: server.client(), clock: fixedClock });
    server.beforeAppend = async () => {
      server.beforeAppend = undefined;
      await rival.append(appendRequest('action-2', newEvents(1), 0));
    };

    const result = await store.append(appendRequest('action-1', newEvents(1), 1));

    expect(result).toEqual({ streamId: 'action-1', nextVersion: 2, lastPosition: 3n, duplicate: false });
    expect(verifyChain(await store.readAll({ after: 0n, limit: 10 }))).toMatchObject({ ok: true, count: 3 });
  });

  it('answers as a duplicate when the same command won on another instance meanwhile', async () => {
    const request = appendRequest('action-1', newEvents(1), 0);
    const rival = new KurrentDbEventStore({ client: server.client(), clock: fixedClock });
    server.beforeAppend = async () => {
      server.beforeAppend = undefined;
      await rival.append(request);
    };

    expect(await store.append(request)).toEqual({ streamId: 'action-1', nextVersion: 1, lastPosition: 1n, duplicate: true });
  });

  it('passes other client errors through unchanged and writes nothing', async () => {
    const unavailable = new UnavailableError(undefined, 'server gone');
    server.failNextAppend = unavailable;

    await expect(store.append(appendRequest('action-1', newEvents(1), 0))).rejects.toBe(unavailable);
    expect(await store.headPosition()).toBe(0n);
  });

  it('gives up with a retryable error after losing the race for the log too often', async () => {
    const rival = new KurrentDbEventStore({ client: server.client(), clock: fixedClock });
    const impatient = new KurrentDbEventStore({ client: server.client(), clock: fixedClock, maxAppendAttempts: 3 });
    server.beforeAppend = async (requests) => {
      if (requests.some((r) => r.streamName === 'action-1')) await rival.append(appendRequest('action-2', newEvents(1)));
    };

    await expect(impatient.append(appendRequest('action-1', newEvents(1)))).rejects.toThrow(/lost the race for the log 3 times; retry/);
    expect(await store.streamVersion('action-1')).toBe(0);
  });

  it('refuses stream ids KurrentDB or this adapter reserve, and reads them as empty', async () => {
    await expect(store.append(appendRequest('$all', newEvents(1), 0))).rejects.toBeInstanceOf(InvalidAppendRequest);
    await expect(store.append(appendRequest('@actiemonitor-log', newEvents(1), 0))).rejects.toBeInstanceOf(InvalidAppendRequest);
    await store.append(appendRequest('action-1', newEvents(1), 0));

    expect(await store.readStream('@actiemonitor-log')).toEqual([]);
    expect(await store.streamVersion('@actiemonitor-log')).toBe(0);
  });

  it('refuses to read an event whose metadata is not ours, or disagrees with its revision', async () => {
    server.applyAppend([
      {
        streamName: 'action-x',
        expectedState: 'any',
        events: [
          {
            id: eventIdFor('x', 'stream', 0),
            contentType: 'application/json',
            type: 'Foreign',
            data: {},
            metadata: { source: 'elsewhere' },
          },
        ],
      },
    ]);
    await expect(store.readStream('action-x')).rejects.toThrow(UnreadableKurrentEvent);

    await store.append(appendRequest('action-1', newEvents(1), 0));
    const [stored] = server.streams.get('action-1') ?? [];
    stored.metadata = stored.metadata.replace('"version":"1"', '"version":"7"');
    await expect(store.readStream('action-1')).rejects.toThrow(/metadata says version 7, its revision says 1/);
  });

  it('keeps separate namespaces apart on one server', async () => {
    const a = new KurrentDbEventStore({ client: server.client(), clock: fixedClock, namespace: 'a-' });
    const b = new KurrentDbEventStore({ client: server.client(), clock: fixedClock, namespace: 'b-' });
    await a.append(appendRequest('action-1', newEvents(2), 0));

    expect(await b.headPosition()).toBe(0n);
    expect(await b.streamVersion('action-1')).toBe(0);
    expect(server.streams.has('a-action-1')).toBe(true);
    expect(server.streams.has('a-@actiemonitor-log')).toBe(true);
  });

  it('iterates the log in pages, reports the head hash and disposes the client on close', async () => {
    const client = server.client();
    const owned = new KurrentDbEventStore({ client, clock: fixedClock });
    expect(await owned.lastEventHash()).toBe(GENESIS_HASH);
    await owned.append(appendRequest('action-1', newEvents(5)));

    const seen: bigint[] = [];
    for await (const page of readLog(owned, { after: 1n, pageSize: 2 })) for (const event of page) seen.push(event.position);
    expect(seen).toEqual([2n, 3n, 4n, 5n]);
    expect(await owned.lastEventHash()).toBe((await owned.readStream('action-1'))[4].hash);

    await owned.close();
    expect(client.disposed).toBe(true);
    await expect(owned.headPosition()).rejects.toThrow(/closed/);
  });
});

describe('KurrentDbEventStore subscribeToAll: a catch-up subscription of the log stream', () => {
  let server: FakeKurrentServer;
  let store: KurrentDbEventStore;
  const open: EventSubscription[] = [];

  beforeEach(() => {
    server = new FakeKurrentServer();
    store = new KurrentDbEventStore({ client: server.client(), clock: fixedClock, resubscribeDelayMs: 5 });
  });

  afterEach(async () => {
    for (const subscription of open.splice(0)) await subscription.close();
    await store.close();
  });

  /** Subscribes and records every batch (as positions) and every reported error. */
  function subscribe(after: bigint, onEvents: (events: RecordedEvent[]) => Promise<void> | void = () => undefined) {
    const batches: bigint[][] = [];
    const errors: unknown[] = [];
    const subscription = store.subscribeToAll({
      after,
      onEvents: async (events) => {
        await onEvents(events);
        batches.push(events.map((e) => e.position));
      },
      onError: (error) => errors.push(error),
    });
    open.push(subscription);
    return { subscription, batches, errors, positions: () => batches.flat() };
  }

  async function waitUntil(what: string, done: () => boolean, ms = 2000): Promise<void> {
    const started = Date.now();
    while (!done()) {
      if (Date.now() - started > ms) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
  const upTo = (n: number, from = 1) => Array.from({ length: n - from + 1 }, (_, i) => BigInt(from + i));

  function gate() {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  }

  it('takes the client fake as the real client does: fromRevision exclusive, START inclusive', async () => {
    await store.append(appendRequest('action-1', newEvents(3)));
    const firstRevision = async (fromRevision: bigint | 'start') => {
      const subscription = server.client().subscribeToStream('@actiemonitor-log', { fromRevision });
      for await (const resolved of subscription) {
        await subscription.unsubscribe();
        return resolved.event?.revision;
      }
    };

    expect(await firstRevision('start')).toBe(0n);
    expect(await firstRevision(0n)).toBe(1n);
    server.subscriptionsIncludeStartRevision = true;
    expect(await firstRevision(0n)).toBe(0n);
  });

  it('subscribes to the log stream from START after position 0, and from revision n-1 (exclusive) after position n', async () => {
    await store.append(appendRequest('action-1', newEvents(3)));
    await store.append(appendRequest('action-2', newEvents(2)));

    const all = subscribe(0n);
    const rest = subscribe(3n);
    await waitUntil('both caught up', () => all.positions().length === 5 && rest.positions().length === 2);

    expect(server.subscribeCalls).toEqual([
      { streamName: '@actiemonitor-log', fromRevision: 'start' },
      { streamName: '@actiemonitor-log', fromRevision: 2n },
    ]);
    expect(all.positions()).toEqual(upTo(5));
    expect(rest.positions()).toEqual([4n, 5n]);
  });

  it('maps log events as readAll does, delivers what has arrived as one batch, then live appends as they commit', async () => {
    await store.append(appendRequest('action-1', newEvents(5)));
    const received: RecordedEvent[] = [];
    const { batches } = subscribe(0n, (events) => void received.push(...events));
    await waitUntil('caught up', () => batches.length === 1);

    await store.append(appendRequest('action-2', newEvents(2)));
    await waitUntil('the live append is delivered', () => received.length === 7);

    expect(batches).toEqual([upTo(5), [6n, 7n]]);
    expect(received).toEqual(await store.readAll({ after: 0n, limit: 100 }));
  });

  it('delivers no duplicate when the server also sends the boundary event', async () => {
    server.subscriptionsIncludeStartRevision = true;
    await store.append(appendRequest('action-1', newEvents(4)));

    const { positions } = subscribe(2n);
    await waitUntil('caught up', () => positions().length >= 2);
    await store.append(appendRequest('action-1', newEvents(1)));
    await waitUntil('the live event is delivered', () => positions().includes(5n));
    await settle();

    expect(server.subscribeCalls.map((c) => c.fromRevision)).toEqual([1n]);
    expect(positions()).toEqual([3n, 4n, 5n]);
  });

  it('resubscribes after a dropped connection from the last delivered position, without gap or duplicate, and tells no one', async () => {
    const { positions, errors } = subscribe(0n);
    await store.append(appendRequest('action-1', newEvents(3)));
    await waitUntil('the first events are delivered', () => positions().length === 3);

    server.dropSubscriptions();
    await store.append(appendRequest('action-2', newEvents(2)));
    await waitUntil('the events written while it was away are delivered', () => positions().length >= 5);
    await store.append(appendRequest('action-3', newEvents(1)));
    await waitUntil('live again', () => positions().length >= 6);
    await settle();

    expect(positions()).toEqual(upTo(6));
    expect(server.subscribeCalls.map((c) => c.fromRevision)).toEqual(['start', 2n]);
    expect(errors).toEqual([]);
    expect(server.openSubscriptions.size).toBe(1);
  });

  it('resubscribes without a duplicate when the connection drops while a handler runs and the server repeats the boundary', async () => {
    server.subscriptionsIncludeStartRevision = true;
    await store.append(appendRequest('action-1', newEvents(3)));
    const slow = gate();
    let started = false;
    const { positions, errors } = subscribe(0n, async () => {
      started = true;
      await slow.opened;
    });
    await waitUntil('the first batch is being handled', () => started);

    await store.append(appendRequest('action-2', newEvents(2)));
    await settle(); // position 4 arrives meanwhile; 5 is still on the server when the connection breaks
    server.dropSubscriptions();
    slow.open();
    await waitUntil('all five are delivered', () => positions().length >= 5);
    await settle();

    // Position 4 had already arrived (taken while the handler ran) and is delivered before the failure;
    // the new subscription starts after it, and the repeated boundary (revision 3 = position 4) is dropped.
    expect(positions()).toEqual(upTo(5));
    expect(server.subscribeCalls.map((c) => c.fromRevision)).toEqual(['start', 3n]);
    expect(errors).toEqual([]);
  });

  it('subscribes again when the server ends the subscription unasked', async () => {
    await store.append(appendRequest('action-1', newEvents(2)));
    const { positions } = subscribe(0n);
    await waitUntil('caught up', () => positions().length === 2);

    const [ended] = server.openSubscriptions;
    await ended.unsubscribe();
    await store.append(appendRequest('action-1', newEvents(1)));
    await waitUntil('the next event is delivered', () => positions().length === 3);

    expect(positions()).toEqual(upTo(3));
    expect(server.subscribeCalls.map((c) => c.fromRevision)).toEqual(['start', 1n]);
  });

  it('stops at a batch whose handler throws, reports it once, unsubscribes and does not resubscribe', async () => {
    await store.append(appendRequest('action-1', newEvents(2)));
    let calls = 0;
    const failure = new Error('projection broken');
    const { errors } = subscribe(0n, () => {
      calls += 1;
      throw failure;
    });
    await waitUntil('the failure is reported', () => errors.length > 0);

    await store.append(appendRequest('action-1', newEvents(2)));
    server.dropSubscriptions();
    await settle();

    expect(errors).toEqual([failure]);
    expect(calls).toBe(1);
    expect(server.subscribeCalls).toHaveLength(1);
    expect(server.openSubscriptions.size).toBe(0);
  });

  it('close() waits for the running handler, unsubscribes, and nothing is delivered after it', async () => {
    await store.append(appendRequest('action-1', newEvents(2)));
    const slow = gate();
    let started = false;
    const { subscription, positions, errors } = subscribe(0n, async () => {
      started = true;
      await slow.opened;
    });
    await waitUntil('the handler runs', () => started);

    let closed = false;
    const closing = subscription.close().then(() => (closed = true));
    await settle();
    expect(closed).toBe(false);
    slow.open();
    await closing;

    expect(positions()).toEqual([1n, 2n]);
    expect(server.openSubscriptions.size).toBe(0);
    await store.append(appendRequest('action-1', newEvents(1)));
    await settle();
    expect(positions()).toEqual([1n, 2n]);
    expect(errors).toEqual([]);
  });

  it('close() during the pause before resubscribing ends it at once', async () => {
    const patient = new KurrentDbEventStore({ client: server.client(), clock: fixedClock, resubscribeDelayMs: 60_000 });
    const subscription = patient.subscribeToAll({ after: 0n, onEvents: () => undefined });
    await settle();
    server.dropSubscriptions();
    await settle();

    const started = Date.now();
    await subscription.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.subscribeCalls).toHaveLength(1);
    await patient.close();
  });

  it('closing the store closes its open subscriptions before the client, and refuses new ones', async () => {
    const client = server.client();
    const owned = new KurrentDbEventStore({ client, clock: fixedClock });
    const positions: bigint[] = [];
    owned.subscribeToAll({ after: 0n, onEvents: (events) => void positions.push(...events.map((e) => e.position)) });
    await store.append(appendRequest('action-1', newEvents(1)));
    await waitUntil('delivered', () => positions.length === 1);

    await owned.close();

    expect(server.openSubscriptions.size).toBe(0);
    expect(client.disposed).toBe(true);
    await store.append(appendRequest('action-1', newEvents(1)));
    await settle();
    expect(positions).toEqual([1n]);
    expect(() => owned.subscribeToAll({ after: 0n, onEvents: () => undefined })).toThrow(/closed/);
  });
});
