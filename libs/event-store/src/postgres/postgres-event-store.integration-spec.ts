import { eventStoreContract } from '../contract/event-store.contract';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { readLog } from '../read-log';
import { MAX_READ_ALL_LIMIT, SqliteEventStore } from '../sqlite/sqlite-event-store';
import { migrateEventStore } from './postgres-migrations';
import { PostgresEventStore } from './postgres-event-store';
import { createPostgresPool } from './postgres-pool';
import { EVENT_STORE_MIGRATIONS } from './postgres-schema';
import { describeWithPostgres, probePostgres, TEST_DATABASE_URL, TestSchemas } from './postgres-test-database.testing';
import { READ_ALL_PAGE_CAP } from '../log/read-all-options';
import { appendRequest, newEvents } from '../contract/append-fixtures.testing';

/** A clock that moves one second per reading, so recordedAt values are distinct and predictable. */
function tickingClock(start = Date.parse('2025-03-01T09:00:00.000Z')): () => Date {
  let now = start;
  return () => new Date((now += 1000));
}

describeWithPostgres('PostgreSQL event store', probePostgres(), () => {
  const schemas = new TestSchemas();
  beforeAll(() => schemas.dropAbandoned());
  afterAll(() => schemas.end());

  eventStoreContract('PostgresEventStore', async () => {
    const schema = await schemas.create();
    const opened: PostgresEventStore[] = [];
    const open = async (): Promise<PostgresEventStore> => {
      const store = await PostgresEventStore.open({ connectionString: TEST_DATABASE_URL, schema, max: 4, clock: () => new Date() });
      opened.push(store);
      return store;
    };
    return {
      store: await open(),
      openAnotherInstance: open,
      cleanup: async () => {
        for (const store of opened) await store.close();
        await schemas.drop(schema);
      },
    };
  });

  describe('PostgresEventStore specifics', () => {
    let schema: string;
    const opened: PostgresEventStore[] = [];

    async function open(clock: () => Date = () => new Date()): Promise<PostgresEventStore> {
      const store = await PostgresEventStore.open({ connectionString: TEST_DATABASE_URL, schema, max: 4, clock });
      opened.push(store);
      return store;
    }

    beforeEach(async () => {
      schema = await schemas.create();
    });

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await schemas.drop(schema);
    });

    it('migrates once, even when several instances start together, and records what it applied', async () => {
      await Promise.all([open(), open(), open()]);
      const again = await open();
      await again.migrate();

      const { rows } = await schemas.query(`SELECT version FROM ${schema}.event_store_migrations ORDER BY version`);
      expect(rows.map((r: { version: number }) => r.version)).toEqual(EVENT_STORE_MIGRATIONS.map((m) => m.version));
      expect(await again.headPosition()).toBe(0n);
    });

    it('refuses to run against a database migrated by a newer build', async () => {
      await open();
      await schemas.query(`INSERT INTO ${schema}.event_store_migrations (version, description) VALUES (999, 'from the future')`);
      const pool = createPostgresPool({ connectionString: TEST_DATABASE_URL, schema, max: 1 });
      try {
        await expect(migrateEventStore(pool)).rejects.toThrow(/does not know \(999\)/);
      } finally {
        await pool.end();
      }
    });

    it('keeps events across close and reopen, and continues the chain', async () => {
      const first = await open(tickingClock());
      await first.append(appendRequest('plan-1', newEvents(3), 0));
      const headHash = await first.lastEventHash();
      await first.close();

      const second = await open(tickingClock(Date.parse('2025-03-02T09:00:00.000Z')));
      expect(await second.headPosition()).toBe(3n);
      expect(await second.lastEventHash()).toBe(headHash);
      expect((await second.append(appendRequest('plan-1', newEvents(1), 3))).lastPosition).toBe(4n);
      expect(verifyChain(await second.readAll({ after: 0n, limit: 10 }))).toEqual({
        ok: true,
        count: 4,
        headHash: await second.lastEventHash(),
      });
    });

    it('stores data and metadata as canonical JSON text, whatever the key order given', async () => {
      const store = await open(tickingClock());
      await store.append(appendRequest('plan-1', [{ type: 'PlanRenamed', schemaVersion: 1, data: { z: 1, a: { y: 'ë', b: [2, 1] } } }], 0));

      const { rows } = await schemas.query(`SELECT data, metadata FROM ${schema}.events`);

      expect(rows[0].data).toBe('{"a":{"b":[2,1],"y":"ë"},"z":1}');
      expect(rows[0].metadata).toMatch(/^\{"actor":\{"id":"user-1","partnerId":null,"role":"COORDINATOR"\},"commandId":/);
    });

    it('gives the same hashes as the SQLite store for the same appends', async () => {
      const postgres = await open(tickingClock());
      const database = SqliteEventStore.openDatabase(':memory:');
      const sqlite = new SqliteEventStore({ database, clock: tickingClock() });
      try {
        for (const request of [
          appendRequest('plan-a', newEvents(2), 0),
          appendRequest('plan-b', [{ type: 'PlanRenamed', schemaVersion: 2, data: { titel: '“één” – ’s-Hertogenbosch', n: 1e21 } }], 0),
          appendRequest('plan-a', newEvents(1), 2),
        ]) {
          await postgres.append(request);
          await sqlite.append(request);
        }

        const fromPostgres = await postgres.readAll({ after: 0n, limit: 10 });
        expect(fromPostgres).toEqual(await sqlite.readAll({ after: 0n, limit: 10 }));
        expect(await postgres.lastEventHash()).toBe(sqlite.lastEventHash());
      } finally {
        database.close();
      }
    });

    it('refuses UPDATE, DELETE and TRUNCATE on events', async () => {
      const store = await open();
      await store.append(appendRequest('plan-1', newEvents(2)));

      await expect(schemas.query(`UPDATE ${schema}.events SET data = '{}' WHERE position = 2`)).rejects.toThrow(
        /append-only: UPDATE refused/,
      );
      await expect(schemas.query(`DELETE FROM ${schema}.events WHERE position = 2`)).rejects.toThrow(/append-only: DELETE refused/);
      await expect(schemas.query(`TRUNCATE ${schema}.events`)).rejects.toThrow(/append-only: TRUNCATE refused/);
      expect(await store.headPosition()).toBe(2n);
    });

    it('lets verifyChain find an event altered behind the store', async () => {
      const store = await open();
      await store.append(appendRequest('plan-1', newEvents(3)));

      // What someone with the owner's role and psql can do: drop the guard, then edit.
      await schemas.query(`DROP TRIGGER events_refuse_update_delete ON ${schema}.events`);
      await schemas.query(`UPDATE ${schema}.events SET data = '{"index":99}' WHERE position = 2`);

      expect(verifyChain(await store.readAll({ after: 0n, limit: 10 }))).toMatchObject({ ok: false, position: 2n });
    });

    it('holds each append behind the append lock until the writer before it has committed', async () => {
      const store = await open(tickingClock());
      await store.append(appendRequest('plan-1', newEvents(1)));
      const slowWriter = createPostgresPool({ connectionString: TEST_DATABASE_URL, schema, max: 1 });
      const client = await slowWriter.connect();
      try {
        // A writer that has taken the lock and not yet committed, as a slow append would be.
        await client.query('BEGIN');
        await client.query(`SELECT pg_advisory_xact_lock(${0x416d4501}, hashtext(current_schema()))`);

        let settled = false;
        const waiting = store.append(appendRequest('plan-2', newEvents(1))).finally(() => (settled = true));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(settled).toBe(false);
        expect((await store.readAll({ after: 0n, limit: 10 })).map((e) => e.position)).toEqual([1n]);

        await client.query('COMMIT');
        expect((await waiting).lastPosition).toBe(2n);
      } finally {
        client.release();
        await slowWriter.end();
      }
    });

    it('never records an event earlier than the one before it, even from an instance whose clock is behind', async () => {
      const ahead = await open(() => new Date('2025-03-01T10:00:00.000Z'));
      const behind = await open(() => new Date('2025-03-01T09:00:00.000Z'));
      await ahead.append(appendRequest('plan-1', newEvents(1)));
      await behind.append(appendRequest('plan-1', newEvents(1)));

      const log = await ahead.readAll({ after: 0n, limit: 10 });
      expect(log.map((e) => e.metadata.recordedAt)).toEqual(['2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.000Z']);
    });

    it('compares recordedUpTo as an instant, whatever its ISO spelling', async () => {
      const readings = ['2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.500Z'];
      const store = await open(() => new Date(readings.shift() as string));
      await store.append(appendRequest('plan-1', newEvents(1)));
      await store.append(appendRequest('plan-1', newEvents(1)));

      expect(await store.readAll({ after: 0n, limit: 10, recordedUpTo: '2025-03-01T10:00:00Z' })).toHaveLength(1);
      expect(await store.readAll({ after: 0n, limit: 10, recordedUpTo: '2025-03-01T11:00:00+01:00' })).toHaveLength(1);
      await expect(store.readAll({ after: 0n, limit: 10, recordedUpTo: 'gisteren' })).rejects.toBeInstanceOf(RangeError);
    });

    it('streams the log in pages with readLog, from any position', async () => {
      const store = await open(tickingClock());
      await store.append(appendRequest('plan-1', newEvents(25)));

      const seen: bigint[] = [];
      for await (const page of readLog(store, { pageSize: 7 })) for (const event of page) seen.push(event.position);

      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => BigInt(i + 1)));
      const tail: bigint[] = [];
      for await (const page of readLog(store, { after: 20n, pageSize: 7 })) for (const event of page) tail.push(event.position);
      expect(tail).toEqual([21n, 22n, 23n, 24n, 25n]);
    });

    it('caps a readAll page like the SQLite store and refuses a limit below 1', async () => {
      const store = await open(tickingClock());
      await store.append(appendRequest('plan-big', newEvents(READ_ALL_PAGE_CAP + 1)));

      expect(READ_ALL_PAGE_CAP).toBe(MAX_READ_ALL_LIMIT);
      expect(await store.readAll({ after: 0n, limit: READ_ALL_PAGE_CAP + 500 })).toHaveLength(READ_ALL_PAGE_CAP);
      let count = 0;
      for await (const page of readLog(store, { pageSize: 50_000 })) count += page.length;
      expect(count).toBe(READ_ALL_PAGE_CAP + 1);
      await expect(store.readAll({ after: 0n, limit: 0 })).rejects.toBeInstanceOf(RangeError);
    });

    it('reports GENESIS_HASH for an empty log, refuses calls after close, and ends its own pool', async () => {
      const store = await open();
      expect(await store.lastEventHash()).toBe(GENESIS_HASH);

      await store.close();
      await store.close();

      await expect(store.headPosition()).rejects.toThrow(/closed/);
    });

    it('leaves a shared pool open on close', async () => {
      await open();
      const pool = createPostgresPool({ connectionString: TEST_DATABASE_URL, schema, max: 1 });
      const store = new PostgresEventStore({ pool, clock: () => new Date() });
      await store.close();
      expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
      await pool.end();
    });
  });
});
