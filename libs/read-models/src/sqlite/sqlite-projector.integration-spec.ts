import Database from 'better-sqlite3';
import { SqliteEventStore } from '@actiemonitor/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, NewEvent, RecordedEvent } from '@actiemonitor/event-store';
import { SqliteProjector } from './sqlite-projector';
import { SqliteReadModelQueries } from './sqlite-read-model-queries';
import { READ_MODEL_TABLES } from '../read-model-tables';
import { seededHistory } from '../seeded-history.testing';

const actor: Actor = { id: 'system', partnerId: null, role: 'SYSTEM' };
let commandCounter = 0;

function setup() {
  const db = new Database(':memory:');
  const store = new SqliteEventStore({ database: db, clock: () => new Date('2026-11-23T10:00:00Z') });
  const projector = new SqliteProjector(db, store);
  const queries = new SqliteReadModelQueries(db, store);
  const append = (streamId: string, events: NewEvent[]) =>
    store.append({ streamId, events, expectedVersion: 'any', commandId: `c${++commandCounter}`, correlationId: 'test', actor });
  return { db, store, projector, queries, append };
}

const e = (type: string, data: Record<string, unknown>): NewEvent => ({ type, schemaVersion: 1, data });
const period = (end: string) => ({ text: end, start: null, end });

async function seed(append: ReturnType<typeof setup>['append']) {
  await append('partner-JN', [e('PartnerRegistered', { partnerId: 'JN', name: 'Jeugdzorg Nederland', kind: 'organisation', aliases: [] })]);
  await append('partner-VNG', [
    e('PartnerRegistered', { partnerId: 'VNG', name: 'Vereniging Nederlandse Gemeenten', kind: 'organisation', aliases: [] }),
  ]);
  await append('plan-p', [
    e('PlanRegistered', { planId: 'p', title: 'Plan', period: period('2018-12-31'), sourceDocument: null }),
    e('ActionLineRegistered', { planId: 'p', actionLineId: 'l1', code: '1', title: 'Lijn' }),
  ]);
  const action = (id: string, owners: string[], deadline: string | null) =>
    e('ActionRegistered', {
      actionId: id,
      planId: 'p',
      actionLineId: 'l1',
      title: id,
      result: null,
      owners,
      ownerScope: null,
      involved: [],
      deadline: deadline && period(deadline),
      provenance: { origin: null, sourceText: null, note: null },
    });
  await append('action-a1', [action('a1', ['JN', 'VNG'], '2017-06-30')]);
  await append('action-a2', [action('a2', ['JN'], '2030-12-31')]);
  await append('action-a3', [action('a3', ['VNG'], null)]);
}

describe('SqliteProjector', () => {
  it('builds the action views and moves the checkpoint to the head', async () => {
    const { store, projector, queries, append } = setup();
    await seed(append);
    expect(await projector.catchUp()).toBe(7);
    expect(projector.checkpoint()).toBe(await store.headPosition());
    expect(queries.actions({ planId: 'p' }).map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(queries.actions({ partnerId: 'VNG' }).map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(await projector.catchUp()).toBe(0);
  });

  it('counts per partner: an action with two owners counts for each; overdue uses the action’s own deadline', async () => {
    const { projector, queries, append } = setup();
    await seed(append);
    await append('action-a1', [
      e('ActionStatusChanged', { actionId: 'a1', status: 'IN_PROGRESS', previousStatus: 'NOT_REPORTED', note: null }),
    ]);
    await projector.catchUp();
    const rows = queries.partnerStatuses('p', '2026-11-23');
    const jn = rows.find((r) => r.partnerId === 'JN')!;
    const vng = rows.find((r) => r.partnerId === 'VNG')!;
    expect(jn).toMatchObject({ total: 2, overdue: 1 });
    expect(vng).toMatchObject({ total: 2, overdue: 1 });
    expect(jn.byStatus.find((s) => s.status === 'IN_PROGRESS')!.count).toBe(1);
    expect(jn.byStatus.reduce((n, s) => n + s.count, 0)).toBe(jn.total);
    // Completed actions are never overdue.
    await append('action-a1', [
      e('ActionStatusChanged', { actionId: 'a1', status: 'COMPLETED', previousStatus: 'IN_PROGRESS', note: null }),
    ]);
    await projector.catchUp();
    expect(queries.partnerStatuses('p', '2026-11-23').find((r) => r.partnerId === 'JN')!.overdue).toBe(0);
  });

  it('writes rows and checkpoint in one transaction: a failing batch leaves both untouched', async () => {
    const { db, store, projector, queries, append } = setup();
    await seed(append);
    await projector.catchUp();
    const before = projector.checkpoint();
    await append('action-a2', [
      e('ActionStatusChanged', { actionId: 'a2', status: 'AT_RISK', previousStatus: 'NOT_REPORTED', note: null }),
    ]);
    const batch = await store.readAll({ after: before, limit: 10 });
    db.exec("CREATE TRIGGER fail_owner_write BEFORE UPDATE ON rm_checkpoints BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    let thrown: unknown;
    try {
      projector.applyBatch(batch);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ message: expect.stringMatching(/disk full/) });
    expect(projector.checkpoint()).toBe(before);
    expect(queries.action('a2')!.status).toBe('NOT_REPORTED');
    db.exec('DROP TRIGGER fail_owner_write');
    await projector.catchUp();
    expect(queries.action('a2')!.status).toBe('AT_RISK');
  });

  it('gives the same rows whether events arrive in one batch or one at a time (replay equals live)', async () => {
    const live = setup();
    await seed(live.append);
    await live.append('action-a1', [e('OwnerRemoved', { actionId: 'a1', partnerId: 'VNG', reason: 'x' })]);
    for (let i = 0; i < 3; i++) await live.projector.catchUp();

    const replay = setup();
    const all = await live.store.readAll({ after: 0n, limit: 100 });
    for (const event of all) replay.projector.applyBatch([event]);

    const dump = (db: Database.Database) => READ_MODEL_TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
    expect(dump(replay.db)).toEqual(dump(live.db));
  });
});

describe('projecting inside the append transaction', () => {
  function inlineSetup() {
    const db = new Database(':memory:');
    let projector: SqliteProjector | null = null;
    const store = new SqliteEventStore({
      database: db,
      clock: () => new Date('2026-11-23T10:00:00Z'),
      onAppended: (events) => projector?.applyAppended(events),
    });
    projector = new SqliteProjector(db, store);
    const append = (streamId: string, events: NewEvent[]) =>
      store.append({ streamId, events, expectedVersion: 'any', commandId: `i${++commandCounter}`, correlationId: 'test', actor });
    return { db, store, projector, queries: new SqliteReadModelQueries(db, store), append };
  }

  it('updates the read models in the same commit as the events, identical to a later replay', async () => {
    const live = inlineSetup();
    await seed(live.append);
    expect(live.projector.checkpoint()).toBe(await live.store.headPosition());
    expect(live.queries.actions({}).map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);

    const replay = setup();
    replay.projector.applyBatch(await live.store.readAll({ after: 0n, limit: 100 }));
    const dump = (db: Database.Database) => READ_MODEL_TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
    expect(dump(live.db)).toEqual(dump(replay.db));
  });

  it('still commits the events when the projection fails, and catch-up stops at the failing event', async () => {
    const live = inlineSetup();
    await seed(live.append);
    const before = live.projector.checkpoint();
    live.db.exec("CREATE TRIGGER broken BEFORE UPDATE ON rm_checkpoints BEGIN SELECT RAISE(ABORT, 'projection broken'); END");
    await live.append('action-a2', [
      e('ActionStatusChanged', { actionId: 'a2', status: 'AT_RISK', previousStatus: 'NOT_REPORTED', note: null }),
    ]);
    expect(await live.store.headPosition()).toBe(before + 1n);
    expect(live.projector.checkpoint()).toBe(before);
    // toMatchObject, not toThrow: better-sqlite3's SqliteError belongs to the realm of the first test
    // file that loaded the native addon, so in later files it is not `instanceof Error`.
    await expect(live.projector.catchUp()).rejects.toMatchObject({ message: expect.stringMatching(/projection broken/) });
    live.db.exec('DROP TRIGGER broken');
    await live.projector.catchUp();
    expect(live.queries.action('a2')!.status).toBe('AT_RISK');
  });
});

describe('views remembered between appends (decision 129)', () => {
  const recorded = (position: bigint, type: string, data: Record<string, unknown>): RecordedEvent => ({
    position,
    streamId: `action-${String(data.actionId)}`,
    version: 99,
    type,
    schemaVersion: 1,
    data,
    metadata: { actor, commandId: `r${position}`, correlationId: 'test', recordedAt: '2026-11-23T10:00:00.000Z' },
    hash: '',
    prevHash: '',
  });
  const statusChanged = (actionId: string, note: string) =>
    e('ActionStatusChanged', { actionId, status: 'IN_PROGRESS', previousStatus: 'NOT_REPORTED', note });

  it('are read again after another connection wrote to the file: its change is kept, not overwritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recent-views-'));
    const db = SqliteEventStore.openDatabase(join(dir, 'a.sqlite'));
    let projector: SqliteProjector | null = null;
    const store = new SqliteEventStore({ database: db, clock: () => new Date(), onAppended: (events) => projector?.applyAppended(events) });
    projector = new SqliteProjector(db, store);
    const append = (streamId: string, events: NewEvent[]) =>
      store.append({ streamId, events, expectedVersion: 'any', commandId: `f${++commandCounter}`, correlationId: 'test', actor });
    const queries = new SqliteReadModelQueries(db, store);
    try {
      await seed(append);
      await append('action-a1', [statusChanged('a1', 'eerste')]); // a1's view is now remembered

      const other = new Database(join(dir, 'a.sqlite'));
      other.prepare("UPDATE rm_actions SET doc = json_set(doc, '$.title', 'Elders gewijzigd') WHERE id = 'a1'").run();
      other.close();

      await append('action-a1', [statusChanged('a1', 'tweede')]);
      expect(queries.action('a1')).toMatchObject({ title: 'Elders gewijzigd', statusNote: 'tweede' });
    } finally {
      await store.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are read again after a transaction of ours wrote them and did not commit', async () => {
    const { db, projector, queries, append } = setup();
    await seed(append);
    await projector.catchUp();
    const next = projector.checkpoint() + 1n;

    db.exec('BEGIN');
    expect(projector.applyAppended([recorded(next, 'OwnerAssigned', { actionId: 'a3', partnerId: 'JN', reason: null })])).toBe(true);
    expect(queries.action('a3')!.owners).toEqual(['VNG', 'JN']);
    db.exec('ROLLBACK'); // as when the append's commit fails

    db.exec('BEGIN');
    expect(
      projector.applyAppended([
        recorded(next, 'ActionStatusChanged', { actionId: 'a3', status: 'AT_RISK', previousStatus: 'NOT_REPORTED', note: 'x' }),
      ]),
    ).toBe(true);
    db.exec('COMMIT');
    expect(queries.action('a3')).toMatchObject({ owners: ['VNG'], status: 'AT_RISK' });
  });
});

describe('time-travel history', () => {
  it('is the same however the log arrives, so a replay equals the live read models', async () => {
    const { steps } = seededHistory(11, { actionCount: 6, changes: 300 });
    const source = setup();
    // Commands of one, two and three events, so batches of every size meet the same actions.
    for (let i = 0; i < steps.length;) {
      const size = 1 + (i % 3);
      let end = i + 1;
      while (end < Math.min(i + size, steps.length) && steps[end].streamId === steps[i].streamId) end++;
      const group = steps.slice(i, end);
      await source.append(
        steps[i].streamId,
        group.map((s) => s.event),
      );
      i += group.length;
    }
    const log = await source.store.readAll({ after: 0n, limit: 10_000 });
    const dump = (db: Database.Database) =>
      READ_MODEL_TABLES.map((t) =>
        db
          .prepare(`SELECT * FROM ${t}`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      );

    const oneByOne = setup();
    const byOne = new SqliteProjector(oneByOne.db, oneByOne.store);
    for (const event of log) byOne.applyBatch([event]);
    const pages = setup();
    const byPage = new SqliteProjector(pages.db, pages.store);
    for (let i = 0; i < log.length; i += 10) byPage.applyBatch(log.slice(i, i + 10));

    // A rebuild keeps the views in memory and writes them once at the end: the same rows again.
    const rebuilt = setup();
    async function* inPagesOf(size: number) {
      for (let i = 0; i < log.length; i += size) yield log.slice(i, i + size);
    }
    const rebuiltEvents = await new SqliteProjector(rebuilt.db, rebuilt.store).rebuildFrom(inPagesOf(13));
    // The whole log as one page: its history rows are staged many to an INSERT (64), the rest one by one.
    const onePage = setup();
    await new SqliteProjector(onePage.db, onePage.store).rebuildFrom(inPagesOf(log.length));
    // With room for only three views in memory, the others are written early and read back: same rows.
    const bounded = setup();
    await new SqliteProjector(bounded.db, bounded.store).rebuildFrom(inPagesOf(13), 3);

    // A contribution row only where an action's status, deadline, owners or plans changed.
    const rows = (table: string) => oneByOne.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    expect(rows('rm_status_history')).toBeGreaterThan(64 + 1);
    const actionEvents = source.db.prepare("SELECT count(*) FROM events WHERE stream_id LIKE 'action-%'").pluck().get() as number;
    expect(rows('rm_status_history')).toBeLessThan(actionEvents);
    expect(dump(pages.db)).toEqual(dump(oneByOne.db));
    expect(rebuiltEvents).toBe(log.length);
    expect(dump(rebuilt.db)).toEqual(dump(oneByOne.db));
    expect(dump(bounded.db)).toEqual(dump(oneByOne.db));
    expect(dump(onePage.db)).toEqual(dump(oneByOne.db));
    expect(rebuilt.db.prepare('SELECT position FROM rm_checkpoints').pluck().get()).toBe(log.length);
  });
});

describe('read models built by an older projection', () => {
  it('are cleared and rebuilt from the log, the status history included; the events are untouched', async () => {
    const old = setup();
    await seed(old.append);
    await old.append('target-t1', [
      e('TargetDefined', {
        targetId: 't1',
        planId: 'p',
        actionLineId: 'l1',
        actionIds: ['a1'],
        owners: ['JN'],
        description: 'Doel',
        sourceText: null,
        unit: '%',
        baseline: null,
        baselineDate: null,
        baselineNote: null,
        targetValue: 5,
        dueDate: null,
        direction: 'INCREASE',
        note: null,
      }),
    ]);
    await old.projector.catchUp();
    // What an older build left: rows this build would not have written, and no schema mark.
    old.db.exec('DELETE FROM rm_status_history; DROP TABLE rm_schema');
    const events = await old.store.headPosition();

    const upgraded = new SqliteProjector(old.db, old.store);
    expect(upgraded.checkpoint()).toBe(0n);
    await upgraded.catchUp();
    expect(upgraded.checkpoint()).toBe(events);
    expect(await old.store.headPosition()).toBe(events);
    expect(old.db.prepare('SELECT count(*) FROM rm_status_history').pluck().get()).toBe(3);
    expect((await old.queries.targetsOfActionAsOf('a1', '2030-01-01T00:00:00.000Z')).map((t) => t.id)).toEqual(['t1']);
    // A second start of the same build leaves the rebuilt models alone.
    expect(new SqliteProjector(old.db, old.store).checkpoint()).toBe(events);
  });
});

describe('the cost of a write', () => {
  it('does not grow with the history: the same change writes the same rows at event 1,000 and at 6,000', async () => {
    const { steps } = seededHistory(5, { actionCount: 40, changes: 6000 });
    const source = setup();
    // An action of its own, with a deadline no other has, that only the probe changes.
    const probe = async () => {
      const status = source.queries.action('peiling')?.status === 'AT_RISK' ? 'IN_PROGRESS' : 'AT_RISK';
      await source.append('action-peiling', [e('ActionStatusChanged', { actionId: 'peiling', status, note: 'peiling' })]);
    };
    const total = source.db.prepare('SELECT total_changes()').pluck();
    const rowsPerEvent: number[] = [];
    const project = async () => {
      for (const event of await source.store.readAll({ after: source.projector.checkpoint(), limit: 100_000 })) {
        const before = total.get() as number;
        source.projector.applyBatch([event]);
        rowsPerEvent.push((total.get() as number) - before);
      }
    };
    const probeRows = async () => {
      await project();
      await probe();
      await project();
      return rowsPerEvent[rowsPerEvent.length - 1];
    };
    for (const step of steps.slice(0, 1000)) await source.append(step.streamId, [step.event]);
    await source.append('action-peiling', [
      e('ActionRegistered', {
        actionId: 'peiling',
        planId: 'p1',
        actionLineId: 'l',
        title: 'Peiling',
        result: null,
        owners: ['JN'],
        ownerScope: null,
        involved: [],
        deadline: period('2099-12-31'),
        provenance: { origin: null, sourceText: null, note: null },
      }),
    ]);
    const early = await probeRows();
    for (const step of steps.slice(1000)) await source.append(step.streamId, [step.event]);
    const late = await probeRows();

    expect(late).toBe(early);
    // No event writes anything like a copy of the aggregate (which a periodic snapshot would).
    const cells = source.db.prepare('SELECT count(*) FROM rm_status_counts').pluck().get() as number;
    expect(Math.max(...rowsPerEvent.slice(100))).toBeLessThan(cells / 2);
  });
});
