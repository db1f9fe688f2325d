import { appendRequest, newEvents } from '../contract/append-fixtures.testing';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { verifyLog } from '../read-log';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { describeWithPostgres, probePostgres, TEST_DATABASE_URL, TestSchemas } from '../postgres/postgres-test-database.testing';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { SealedRunRefused } from './sealed-import';

type Importing = EventStore & { importSealed(events: readonly RecordedEvent[]): Promise<void> };

/** A source log of a few streams and commands, sealed by the SQLite adapter. */
async function sourceLog(): Promise<{ source: SqliteEventStore; events: RecordedEvent[] }> {
  const source = new SqliteEventStore({ database: SqliteEventStore.openDatabase(':memory:'), clock: () => new Date(), ownsDatabase: true });
  await source.append(appendRequest('plan-a', newEvents(3)));
  await source.append(appendRequest('action-b', newEvents(2)));
  await source.append(appendRequest('plan-a', newEvents(1)));
  return { source, events: await source.readAll({ after: 0n, limit: 100 }) };
}

/** What every target adapter must do with sealed events: keep them exactly, continue a prefix, refuse anything else. */
function sealedImportContract(name: string, openTarget: () => Promise<{ target: Importing; cleanup(): Promise<void> }>): void {
  describe(`${name}.importSealed`, () => {
    let target: Importing;
    let cleanup: () => Promise<void>;
    let source: SqliteEventStore;
    let events: RecordedEvent[];

    beforeEach(async () => {
      ({ target, cleanup } = await openTarget());
      ({ source, events } = await sourceLog());
    });
    afterEach(async () => {
      await cleanup();
      await source.close();
    });

    it('keeps positions, versions, metadata, times and hashes, in two runs, and appends continue the chain', async () => {
      await target.importSealed(events.slice(0, 4));
      await target.importSealed(events.slice(4));
      expect(await target.readAll({ after: 0n, limit: 100 })).toEqual(events);
      expect(await verifyLog(target)).toEqual(await verifyLog(source));
      expect(await target.streamVersion('plan-a')).toBe(4);
      expect(await target.findCommand(events[5].metadata.commandId)).toEqual(await source.findCommand(events[5].metadata.commandId));
      await target.append(appendRequest('plan-a', newEvents(1), 4));
      expect((await verifyLog(target)).ok).toBe(true);
    });

    it('refuses a run that does not continue the head, or whose hash does not recompute, and writes nothing of it', async () => {
      await target.importSealed(events.slice(0, 2));
      await expect(target.importSealed(events.slice(3))).rejects.toThrow(SealedRunRefused);
      const altered = events.slice(2).map((e, i) => (i === 1 ? { ...e, data: { index: 99 } } : e));
      await expect(target.importSealed(altered)).rejects.toThrow(/does not recompute/);
      expect(await target.headPosition()).toBe(2n);
    });
  });
}

sealedImportContract('SqliteEventStore', async () => {
  const target = new SqliteEventStore({ database: SqliteEventStore.openDatabase(':memory:'), clock: () => new Date(), ownsDatabase: true });
  return { target, cleanup: () => target.close() };
});

describeWithPostgres('sealed import into PostgreSQL', probePostgres(), () => {
  const schemas = new TestSchemas();
  afterAll(() => schemas.end());
  sealedImportContract('PostgresEventStore', async () => {
    const schema = await schemas.create();
    const target = await PostgresEventStore.open({ connectionString: TEST_DATABASE_URL, schema, max: 2, clock: () => new Date() });
    return {
      target,
      cleanup: async () => {
        await target.close();
        await schemas.drop(schema);
      },
    };
  });
});
