/**
 * The behaviour every EventStore adapter must show. Each adapter's spec calls eventStoreContract with a
 * factory; makeStore must return an EMPTY store each time (positions start at 1 in every test).
 * Not exported from the library index: only specs import it, by path.
 */
import { InvalidAppendRequest, MAX_STREAM_ID_LENGTH } from '../append-request-validation';
import { canonicalJson } from '../canonical-json';
import { CommandIdReused, WrongExpectedVersion } from '../errors';
import type { Actor, EventStore, RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { appendRequest, newEvents } from './append-fixtures.testing';

export interface EventStoreUnderTest {
  store: EventStore;
  /** Closes every instance the factory opened (including those from openAnotherInstance) and removes the storage. */
  cleanup: () => Promise<void>;
  /**
   * A second, independent instance on the same storage (its own pool, connection or client), as a second
   * server would have. Adapters whose factory leaves it out run the multi-instance tests with both
   * appenders on `store`.
   */
  openAnotherInstance?: () => Promise<EventStore>;
}

export type EventStoreFactory = () => Promise<EventStoreUnderTest>;

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  return store.readAll({ after: 0n, limit: 10_000 });
}

export function eventStoreContract(name: string, makeStore: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    let openAnotherInstance: (() => Promise<EventStore>) | undefined;

    beforeEach(async () => {
      ({ store, cleanup, openAnotherInstance } = await makeStore());
    });

    /** A second server's view of the same log, where the adapter's factory offers one. */
    async function anotherInstance(): Promise<EventStore> {
      return openAnotherInstance === undefined ? store : openAnotherInstance();
    }

    afterEach(async () => {
      await cleanup();
    });

    /** Three streams, interleaved, ten events in all, one append each. */
    async function appendInterleaved(): Promise<void> {
      const plan: Array<[string, number]> = [
        ['plan-a', 2],
        ['plan-b', 1],
        ['plan-a', 1],
        ['plan-c', 3],
        ['plan-b', 2],
        ['plan-a', 1],
      ];
      for (const [streamId, count] of plan) {
        await store.append(appendRequest(streamId, newEvents(count), 'any'));
      }
    }

    describe('an empty store', () => {
      it('has head position 0n, stream versions 0 and no events', async () => {
        expect(await store.headPosition()).toBe(0n);
        expect(await store.streamVersion('plan-none')).toBe(0);
        expect(await store.readStream('plan-none')).toEqual([]);
        expect(await readWholeLog(store)).toEqual([]);
      });
    });

    describe('append', () => {
      it('gives a new stream versions 1..n at log positions 1..n', async () => {
        const result = await store.append(appendRequest('plan-1', newEvents(3), 0));

        expect(result).toEqual({ streamId: 'plan-1', nextVersion: 3, lastPosition: 3n, duplicate: false });
        const events = await store.readStream('plan-1');
        expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
        expect(events.map((e) => e.position)).toEqual([1n, 2n, 3n]);
        expect(events.every((e) => typeof e.position === 'bigint')).toBe(true);
        expect(events.map((e) => e.data)).toEqual([{ index: 1 }, { index: 2 }, { index: 3 }]);
        expect(await store.streamVersion('plan-1')).toBe(3);
        expect(await store.headPosition()).toBe(3n);
      });

      it('continues versions per stream and positions across streams', async () => {
        await store.append(appendRequest('plan-a', newEvents(2), 0));
        await store.append(appendRequest('plan-b', newEvents(1), 0));
        const result = await store.append(appendRequest('plan-a', newEvents(2), 2));

        expect(result).toEqual({ streamId: 'plan-a', nextVersion: 4, lastPosition: 5n, duplicate: false });
        const a = await store.readStream('plan-a');
        expect(a.map((e) => [e.version, e.position])).toEqual([
          [1, 1n],
          [2, 2n],
          [3, 4n],
          [4, 5n],
        ]);
        expect((await store.readStream('plan-b')).map((e) => e.position)).toEqual([3n]);
      });

      it('refuses a stale expectedVersion, reports the actual version and writes nothing', async () => {
        await store.append(appendRequest('plan-1', newEvents(2), 0));

        const error = await rejectionOf(store.append(appendRequest('plan-1', newEvents(1), 1)));

        expect(error).toBeInstanceOf(WrongExpectedVersion);
        expect(error).toMatchObject({ streamId: 'plan-1', expectedVersion: 1, actualVersion: 2 });
        expect(await store.headPosition()).toBe(2n);
        expect(await store.streamVersion('plan-1')).toBe(2);
      });

      it('refuses expectedVersion 0 for an existing stream and a version ahead of a new one', async () => {
        await store.append(appendRequest('plan-1', newEvents(1), 0));

        expect(await rejectionOf(store.append(appendRequest('plan-1', newEvents(1), 0)))).toMatchObject({
          name: 'WrongExpectedVersion',
          actualVersion: 1,
        });
        expect(await rejectionOf(store.append(appendRequest('plan-new', newEvents(1), 5)))).toMatchObject({
          name: 'WrongExpectedVersion',
          actualVersion: 0,
        });
        expect(await store.headPosition()).toBe(1n);
      });

      it("skips the version check for 'any'", async () => {
        expect((await store.append(appendRequest('plan-1', newEvents(1), 'any'))).nextVersion).toBe(1);
        expect((await store.append(appendRequest('plan-1', newEvents(2), 'any'))).nextVersion).toBe(3);
        expect(await store.headPosition()).toBe(3n);
      });

      it('does not consume the commandId of a refused append, so the corrected retry goes through', async () => {
        await store.append(appendRequest('plan-1', newEvents(1), 0));
        const request = appendRequest('plan-1', newEvents(1), 0);
        await expect(store.append(request)).rejects.toBeInstanceOf(WrongExpectedVersion);

        const retried = await store.append({ ...request, expectedVersion: 1 });

        expect(retried).toEqual({ streamId: 'plan-1', nextVersion: 2, lastPosition: 2n, duplicate: false });
      });
    });

    describe('idempotency', () => {
      it('answers a repeated commandId with the first result and writes nothing', async () => {
        const request = appendRequest('plan-1', newEvents(2), 0);
        const first = await store.append(request);

        // The retry still says expectedVersion 0, now stale: a duplicate must win over the version check.
        const second = await store.append(request);

        expect(first.duplicate).toBe(false);
        expect(second).toEqual({ ...first, duplicate: true });
        expect(await store.headPosition()).toBe(2n);
        expect(await readWholeLog(store)).toHaveLength(2);
      });

      it('finds the recorded outcome of a commandId, and null for an unknown one', async () => {
        const request = appendRequest('plan-1', newEvents(2), 0);
        await store.append(request);

        expect(await store.findCommand(request.commandId)).toEqual({ streamId: 'plan-1', nextVersion: 2, lastPosition: 2n });
        expect(await store.findCommand('never-used')).toBeNull();
      });

      it('returns the original lastPosition even after other appends', async () => {
        const request = appendRequest('plan-1', newEvents(1), 0);
        await store.append(request);
        await store.append(appendRequest('plan-2', newEvents(3), 0));

        expect(await store.append(request)).toEqual({
          streamId: 'plan-1',
          nextVersion: 1,
          lastPosition: 1n,
          duplicate: true,
        });
      });

      it('refuses a commandId reused for another stream', async () => {
        const request = appendRequest('plan-1', newEvents(1), 0);
        await store.append(request);

        const error = await rejectionOf(store.append({ ...request, streamId: 'plan-2' }));

        expect(error).toBeInstanceOf(CommandIdReused);
        expect(error).toMatchObject({ commandId: request.commandId, originalStreamId: 'plan-1' });
        expect(await store.streamVersion('plan-2')).toBe(0);
        expect(await store.headPosition()).toBe(1n);
      });

      it('records a command with no events, so its retry is a duplicate too', async () => {
        await store.append(appendRequest('plan-1', newEvents(2), 0));
        const request = appendRequest('plan-1', [], 2);

        const first = await store.append(request);
        const retry = await store.append(request);

        expect(first).toEqual({ streamId: 'plan-1', nextVersion: 2, lastPosition: 0n, duplicate: false });
        expect(retry).toEqual({ ...first, duplicate: true });
        expect(await store.headPosition()).toBe(2n);
      });

      it('does not create a stream for a command with no events', async () => {
        const result = await store.append(appendRequest('plan-empty', [], 0));

        expect(result).toEqual({ streamId: 'plan-empty', nextVersion: 0, lastPosition: 0n, duplicate: false });
        expect(await store.streamVersion('plan-empty')).toBe(0);
        expect(await store.headPosition()).toBe(0n);
      });
    });

    describe('readStream', () => {
      it('returns the events of one stream in version order, from a version on', async () => {
        await store.append(appendRequest('plan-1', newEvents(2), 0));
        await store.append(appendRequest('plan-2', newEvents(1), 0));
        await store.append(appendRequest('plan-1', newEvents(3), 2));

        expect((await store.readStream('plan-1')).map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
        expect((await store.readStream('plan-1', 3)).map((e) => e.version)).toEqual([3, 4, 5]);
        expect(await store.readStream('plan-1', 6)).toEqual([]);
        expect((await store.readStream('plan-1')).every((e) => e.streamId === 'plan-1')).toBe(true);
      });
    });

    describe('readAll', () => {
      it('returns every stream in strictly increasing, gap-free position order', async () => {
        await appendInterleaved();

        const log = await readWholeLog(store);

        expect(log.map((e) => e.position)).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i + 1)));
        expect(new Set(log.map((e) => e.streamId))).toEqual(new Set(['plan-a', 'plan-b', 'plan-c']));
      });

      it('pages with after/limit so that every event is visited exactly once', async () => {
        await appendInterleaved();
        const visited: bigint[] = [];

        let after = 0n;
        for (;;) {
          const page = await store.readAll({ after, limit: 3 });
          expect(page.length).toBeLessThanOrEqual(3);
          if (page.length === 0) break;
          visited.push(...page.map((e) => e.position));
          after = page[page.length - 1].position;
        }

        expect(visited).toEqual((await readWholeLog(store)).map((e) => e.position));
        expect((await store.readAll({ after: 4n, limit: 2 })).map((e) => e.position)).toEqual([5n, 6n]);
        expect(await store.readAll({ after: 10n, limit: 5 })).toEqual([]);
      });

      it('filters on one stream, still in global position order', async () => {
        await appendInterleaved();
        const log = await readWholeLog(store);

        const b = await store.readAll({ after: 0n, limit: 100, streamId: 'plan-b' });

        expect(b).toEqual(log.filter((e) => e.streamId === 'plan-b'));
        expect(b.map((e) => e.version)).toEqual([1, 2, 3]);
        expect((await store.readAll({ after: b[0].position, limit: 100, streamId: 'plan-b' })).map((e) => e.version)).toEqual([2, 3]);
      });

      it('filters on recordedUpTo (inclusive)', async () => {
        await appendInterleaved();
        const log = await readWholeLog(store);
        const cutoff = log[4].metadata.recordedAt;
        const expected = log.filter((e) => Date.parse(e.metadata.recordedAt) <= Date.parse(cutoff));

        const upTo = await store.readAll({ after: 0n, limit: 100, recordedUpTo: cutoff });

        expect(upTo).toEqual(expected);
        expect(upTo.map((e) => e.position)).toContain(log[4].position);
        expect(await store.readAll({ after: 0n, limit: 100, recordedUpTo: '2000-01-01T00:00:00.000Z' })).toEqual([]);
        expect(await store.readAll({ after: 0n, limit: 100, recordedUpTo: '9999-12-31T23:59:59.999Z' })).toEqual(log);
      });
    });

    describe('recorded events', () => {
      it('round-trip type, schemaVersion and metadata (actor, commandId, correlationId, recordedAt)', async () => {
        const partner: Actor = { id: 'user-partner-7', partnerId: 'partner-42', role: 'PARTNER' };
        const request = appendRequest('target-9', [{ type: 'TargetProgressReported', schemaVersion: 2, data: { percentage: 40 } }], 0, {
          actor: partner,
          commandId: 'cmd-fixed-1',
          correlationId: 'corr-fixed-1',
        });
        await store.append(request);

        const [event] = await store.readStream('target-9');

        expect(event.type).toBe('TargetProgressReported');
        expect(event.schemaVersion).toBe(2);
        expect(event.metadata).toEqual({
          actor: partner,
          commandId: 'cmd-fixed-1',
          correlationId: 'corr-fixed-1',
          recordedAt: expect.any(String),
        });
        expect(new Date(event.metadata.recordedAt).toISOString()).toBe(event.metadata.recordedAt);
      });

      it('round-trip Dutch text byte for byte', async () => {
        const data = {
          titel: 'Actieplan Pleegzorg – “één” loket voor gezinshuizen',
          opmerking: 'Coördinatie met de ’s-Hertogenbosch-regio; ideeën over ‘naïeve’ aannames',
          tekens: ['ë', 'ï', '“', '”', '–', '’'],
          // Decomposed ë (e + combining diaeresis): a store must not normalise it to the composed form.
          ontleed: 'e\u0308',
          genest: { diepte: { tekst: 'reïntegratie – “geslaagd”' } },
        };
        await store.append(appendRequest('plan-nl', [{ type: 'PlanRenamed', schemaVersion: 1, data }], 0));

        const [event] = await store.readStream('plan-nl');

        expect(event.data).toEqual(data);
        // Key order is not part of the contract (stores may reorder keys, as jsonb does); the bytes of every value are.
        const utf8 = (value: unknown): Buffer => Buffer.from(canonicalJson(value), 'utf8');
        expect(utf8(event.data).equals(utf8(data))).toBe(true);
        expect(event.data.ontleed).toBe('e\u0308');
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of 20 appends with the same expectedVersion win', async () => {
        await store.append(appendRequest('plan-hot', newEvents(1), 0));

        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, () => store.append(appendRequest('plan-hot', newEvents(1), 1))),
        );

        const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
        const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(fulfilled).toHaveLength(1);
        expect(rejected).toHaveLength(19);
        for (const outcome of rejected) {
          expect(outcome.reason).toBeInstanceOf(WrongExpectedVersion);
          expect(outcome.reason).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
        }
        expect(await store.streamVersion('plan-hot')).toBe(2);
        expect(await store.headPosition()).toBe(2n);
      });

      it('lets exactly one of two instances win each race on the same expectedVersion', async () => {
        const other = await anotherInstance();
        await store.append(appendRequest('plan-race', newEvents(1), 0));

        for (let expected = 1; expected <= 15; expected += 1) {
          const outcomes = await Promise.allSettled([
            store.append(appendRequest('plan-race', newEvents(1), expected)),
            other.append(appendRequest('plan-race', newEvents(1), expected)),
          ]);

          const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
          expect(rejected).toHaveLength(1);
          expect(rejected[0].reason).toBeInstanceOf(WrongExpectedVersion);
          expect(rejected[0].reason).toMatchObject({ expectedVersion: expected, actualVersion: expected + 1 });
        }
        expect((await other.readStream('plan-race')).map((e) => e.version)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
        expect(await store.streamVersion('plan-race')).toBe(16);
      });

      it('never gives two events one version when two instances append at once, and keeps one gap-free chain', async () => {
        const other = await anotherInstance();
        const writers = [store, other];

        const sizes = Array.from({ length: 24 }, (_, i) => 1 + (i % 2));
        await Promise.all(
          sizes.map((size, i) => writers[i % 2].append(appendRequest(i % 3 === 0 ? 'plan-y' : 'plan-x', newEvents(size), 'any'))),
        );

        const log = await readWholeLog(other);
        const total = sizes.reduce((sum, size) => sum + size, 0);
        expect(log.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => BigInt(i + 1)));
        for (const streamId of ['plan-x', 'plan-y']) {
          const versions = log.filter((e) => e.streamId === streamId).map((e) => e.version);
          expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
          expect(await store.streamVersion(streamId)).toBe(versions.length);
        }
        expect(verifyChain(log)).toMatchObject({ ok: true, count: log.length });
        expect(await store.headPosition()).toBe(await other.headPosition());
      });

      it('writes a command once when its retry races the original on another instance', async () => {
        const other = await anotherInstance();
        await store.append(appendRequest('plan-retry', newEvents(1), 0));
        const request = appendRequest('plan-retry', newEvents(2), 1);

        const [first, second] = await Promise.all([store.append(request), other.append(request)]);

        expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
        expect({ ...first, duplicate: false }).toEqual({ ...second, duplicate: false });
        expect(await store.headPosition()).toBe(3n);
        expect(await store.findCommand(request.commandId)).toEqual({ streamId: 'plan-retry', nextVersion: 3, lastPosition: 3n });
      });

      it('never lets a reader paging readAll skip or repeat a position while others append', async () => {
        const other = await anotherInstance();
        const sizes = Array.from({ length: 8 }, (_, i) => 1 + (i % 3));
        let writing = true;
        const writes = (async () => {
          await Promise.all(
            Array.from({ length: 4 }, async (_, w) => {
              for (const size of sizes) {
                await (w % 2 === 0 ? store : other).append(appendRequest(`plan-w${w}`, newEvents(size), 'any'));
              }
            }),
          );
        })().finally(() => {
          writing = false;
        });

        const seen: bigint[] = [];
        let after = 0n;
        for (;;) {
          // Read the flag before the page: a page requested after the last write finished sees all of it.
          const stillWriting = writing;
          const page = await store.readAll({ after, limit: 3 });
          for (const event of page) {
            expect(event.position).toBe(after + 1n);
            seen.push(event.position);
            after = event.position;
          }
          if (page.length === 0 && !stillWriting) break;
          if (page.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
        }
        await writes;

        const total = 4 * sizes.reduce((sum, size) => sum + size, 0);
        expect(await other.headPosition()).toBe(BigInt(total));
        expect(seen).toEqual(Array.from({ length: total }, (_, i) => BigInt(i + 1)));
      });
    });

    describe('catch-up subscription', () => {
      /** Polls until `done` holds, or fails after `ms` naming what it waited for. */
      async function waitUntil(what: string, done: () => boolean, ms = 10_000): Promise<void> {
        const started = Date.now();
        while (!done()) {
          if (Date.now() - started > ms) throw new Error(`timed out waiting until ${what}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }

      it('delivers every event after `after`, then new ones from any instance, each once and in order', async () => {
        await appendInterleaved();
        const received: RecordedEvent[] = [];
        const subscription = store.subscribeToAll({ after: 4n, onEvents: (events) => void received.push(...events) });
        try {
          const other = await anotherInstance();
          await Promise.all(
            Array.from({ length: 4 }, async (_, w) => {
              for (let i = 0; i < 5; i++)
                await (w % 2 === 0 ? store : other).append(appendRequest(`plan-s${w}`, newEvents(1 + (i % 2)), 'any'));
            }),
          );
          const head = await store.headPosition();
          await waitUntil(`position ${head} is delivered`, () => received.at(-1)?.position === head);
          expect(received.map((e) => e.position)).toEqual(Array.from({ length: Number(head) - 4 }, (_, i) => BigInt(i + 5)));
          expect(received).toEqual(await store.readAll({ after: 4n, limit: 10_000 }));
        } finally {
          await subscription.close();
        }
        const delivered = received.length;
        await store.append(appendRequest('plan-after-close', newEvents(1), 'any'));
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(received.length).toBe(delivered);
      });

      it('starts from an empty log and waits for the handler before delivering the next batch', async () => {
        let running = 0;
        let overlapped = false;
        const received: bigint[] = [];
        const subscription = store.subscribeToAll({
          after: 0n,
          onEvents: async (events) => {
            overlapped ||= running > 0;
            running++;
            await new Promise((resolve) => setTimeout(resolve, 10));
            received.push(...events.map((e) => e.position));
            running--;
          },
        });
        try {
          for (let i = 0; i < 6; i++) await store.append(appendRequest('plan-slow', newEvents(2), 'any'));
          await waitUntil('all 12 events are handled', () => received.length >= 12);
          expect(received).toEqual(Array.from({ length: 12 }, (_, i) => BigInt(i + 1)));
          expect(overlapped).toBe(false);
        } finally {
          await subscription.close();
        }
      });

      it('stops at a batch whose handler throws, reports it once, and delivers nothing after it', async () => {
        await appendInterleaved();
        const handled: bigint[] = [];
        const errors: unknown[] = [];
        const subscription = store.subscribeToAll({
          after: 0n,
          onEvents: (events) => {
            if (events.some((e) => e.position === 7n)) throw new Error('projection broken at 7');
            handled.push(...events.map((e) => e.position));
          },
          onError: (error) => errors.push(error),
        });
        try {
          await waitUntil('the failure is reported', () => errors.length > 0);
          await store.append(appendRequest('plan-more', newEvents(2), 'any'));
          await new Promise((resolve) => setTimeout(resolve, 400));
          expect(errors).toHaveLength(1);
          expect(String(errors[0])).toMatch(/projection broken at 7/);
          expect(handled.every((position) => position < 7n)).toBe(true);
        } finally {
          await subscription.close();
        }
        // The subscriber resumes from its own checkpoint once fixed: nothing was skipped.
        const resumed: bigint[] = [];
        const again = store.subscribeToAll({
          after: handled.at(-1) ?? 0n,
          onEvents: (events) => void resumed.push(...events.map((e) => e.position)),
        });
        try {
          await waitUntil('the rest is delivered', () => resumed.at(-1) === 12n);
          expect([...handled, ...resumed]).toEqual(Array.from({ length: 12 }, (_, i) => BigInt(i + 1)));
        } finally {
          await again.close();
        }
      });

      it('close() resolves only after a running handler has finished', async () => {
        await appendInterleaved();
        let finished = false;
        let started = false;
        const subscription = store.subscribeToAll({
          after: 0n,
          onEvents: async () => {
            started = true;
            await new Promise((resolve) => setTimeout(resolve, 50));
            finished = true;
          },
        });
        await waitUntil('the handler runs', () => started);
        await subscription.close();
        expect(finished).toBe(true);
      });
    });

    describe('hash chain', () => {
      it('links every event to the one before it, from the genesis hash', async () => {
        await appendInterleaved();
        const log = await readWholeLog(store);

        const verification = verifyChain(log);

        expect(verification).toEqual({ ok: true, count: 10, headHash: log[9].hash });
        expect(log[0].prevHash).toBe(GENESIS_HASH);
        log.slice(1).forEach((event, i) => expect(event.prevHash).toBe(log[i].hash));
        expect(log.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
      });
    });

    describe('validation', () => {
      it.each([
        ['an empty streamId', appendRequest('', newEvents(1), 0)],
        ['a streamId over the maximum length', appendRequest('s'.repeat(MAX_STREAM_ID_LENGTH + 1), newEvents(1), 0)],
        ['an event without a type', appendRequest('plan-1', [{ type: '', schemaVersion: 1, data: {} }], 0)],
      ])('refuses %s and writes nothing', async (_label, request) => {
        await expect(store.append(request)).rejects.toBeInstanceOf(InvalidAppendRequest);
        expect(await store.headPosition()).toBe(0n);
      });

      it('accepts a streamId of exactly the maximum length', async () => {
        const streamId = 'ë'.repeat(MAX_STREAM_ID_LENGTH);
        await store.append(appendRequest(streamId, newEvents(1), 0));
        expect(await store.streamVersion(streamId)).toBe(1);
      });
    });
  });
}
