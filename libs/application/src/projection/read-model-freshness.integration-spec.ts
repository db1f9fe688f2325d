import Database from 'better-sqlite3';
import { SqliteEventStore } from '@actiemonitor/event-store';
import type { Actor, EventStore, RecordedEvent } from '@actiemonitor/event-store';
import { SqliteProjector, SqliteReadModelQueries } from '@actiemonitor/read-models';
import { ReadModelFreshness } from './read-model-freshness';

const actor: Actor = { id: 'system', partnerId: null, role: 'SYSTEM' };

function registerPartner(store: EventStore, id: string) {
  return store.append({
    streamId: `partner-${id}`,
    events: [
      { type: 'PartnerRegistered', schemaVersion: 1, data: { partnerId: id, name: `Partner ${id}`, kind: 'organisation', aliases: [] } },
    ],
    expectedVersion: 0,
    commandId: `register-${id}`,
    correlationId: 'x',
    actor,
  });
}

function setup() {
  const warnings: string[] = [];
  const db = new Database(':memory:');
  const store = new SqliteEventStore({ database: db, clock: () => new Date('2026-11-30T10:00:00Z') });
  const projector = new SqliteProjector(db, store);
  return {
    db,
    store,
    projector,
    queries: new SqliteReadModelQueries(db, store),
    warnings,
    freshness: new ReadModelFreshness(store, projector, { warn: (message) => warnings.push(message) }),
  };
}

describe('ReadModelFreshness: one policy for bringing the read models up to date after a write', () => {
  it('on SQLite, projects inside the append: the read model has the write before any catch-up runs', async () => {
    const { store, projector, queries, freshness } = setup();
    freshness.attach();
    const result = await registerPartner(store, 'VWS');
    expect(projector.checkpoint()).toBe(result.lastPosition);
    expect(queries.partner('VWS')?.name).toBe('Partner VWS');
  });

  it('without the in-transaction hook, afterAppend catches up so the caller reads its own write', async () => {
    const { store, projector, queries, freshness } = setup();
    await registerPartner(store, 'VNG');
    expect(projector.checkpoint()).toBe(0n);
    await freshness.afterAppend();
    expect(queries.partner('VNG')?.name).toBe('Partner VNG');
  });

  it('after an append projected in its own transaction, afterAppend reads nothing more; after one that was not, it catches up', async () => {
    const { store, projector, queries, freshness } = setup();
    const checkpointReads = jest.spyOn(projector, 'checkpoint');
    freshness.attach();
    const projected = await registerPartner(store, 'VWS');
    checkpointReads.mockClear();
    await freshness.afterAppend(projected.lastPosition);
    expect(checkpointReads).not.toHaveBeenCalled();

    jest.spyOn(projector, 'applyAppended').mockReturnValue(false); // as when the projection failed inside the append
    const behind = await registerPartner(store, 'VNG');
    expect(queries.partner('VNG')).toBeNull();
    await freshness.afterAppend(behind.lastPosition);
    expect(queries.partner('VNG')?.name).toBe('Partner VNG');
  });

  it('a transaction that projected its events and then did not commit leaves no claim for the next append at that position', async () => {
    let listener: (events: RecordedEvent[]) => void = () => undefined;
    const store = { onAppendedInTransaction: (l: typeof listener) => (listener = l) } as unknown as EventStore;
    let applies = true;
    let caughtUp = 0;
    const projector = { applyAppended: () => applies, checkpoint: () => 100n, catchUp: async () => ++caughtUp, applyBatch: () => 0 };
    const freshness = new ReadModelFreshness(store, projector, { warn: () => undefined }).attach();
    const at101 = [{ position: 101n }] as RecordedEvent[];

    listener(at101); // projected, then the commit failed: nobody calls afterAppend for it
    applies = false;
    listener(at101); // the next append takes position 101 again, and its projection fails
    await freshness.afterAppend(101n);
    expect(caughtUp).toBe(1);
  });

  it('a failing projection does not fail the acknowledged write: afterAppend resolves and the event stays in the log', async () => {
    const { db, store, freshness, warnings } = setup();
    freshness.attach();
    db.exec('DROP TABLE rm_partners');
    await expect(registerPartner(store, 'JN')).resolves.toMatchObject({ duplicate: false });
    await expect(freshness.afterAppend()).resolves.toBeUndefined();
    expect(await store.readStream('partner-JN')).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/^Read models behind after an acknowledged write: .*rm_partners/)]);
  });
});
