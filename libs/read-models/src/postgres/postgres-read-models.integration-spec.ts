import Database from 'better-sqlite3';
import type { Pool } from 'pg';
import { createPostgresPool, SqliteEventStore } from '@actiemonitor/event-store';
import type { Actor, RecordedEvent } from '@actiemonitor/event-store';
import {
  describeWithPostgres,
  probePostgres,
  TEST_DATABASE_URL,
  TestSchemas,
} from '../../../event-store/src/postgres/postgres-test-database.testing';
import { HISTORY_PARTNERS, HISTORY_PLANS, prng, seededHistory } from '../seeded-history.testing';
import { ACTION_STATUSES } from '@actiemonitor/domain';
import { SqliteProjector } from '../sqlite/sqlite-projector';
import { SqliteReadModelQueries } from '../sqlite/sqlite-read-model-queries';
import type { ReadModelReader } from '../ports/read-model-reader';
import { READ_MODEL_TABLES } from '../read-model-tables';
import { migratePostgresReadModels } from './postgres-read-model-schema';
import { PostgresProjector } from './postgres-projector';
import { PostgresReadModelQueries } from './postgres-read-model-queries';
import { PostgresReadModelMaintenance } from './postgres-read-model-maintenance';
import { describeDifference } from '../read-model-difference';

const actor: Actor = { id: 'system', partnerId: null, role: 'SYSTEM' };

/** A log in SQLite (any store will do: projectors only read it) filled with a seeded history. */
async function seededLog(seed: number, onAppended?: () => Promise<void>) {
  let now = Date.parse('2018-01-01T00:00:00Z');
  const db = new Database(':memory:');
  const store = new SqliteEventStore({ database: db, clock: () => new Date(now) });
  const { steps, actionIds } = seededHistory(seed, { actionCount: 6, changes: 160 });
  let c = 0;
  for (const { streamId, event } of steps) {
    now += 1000;
    await store.append({ streamId, events: [event], expectedVersion: 'any', commandId: `c${++c}`, correlationId: 'x', actor });
    await onAppended?.();
  }
  const log: RecordedEvent[] = await store.readAll({ after: 0n, limit: 100_000 });
  return { db, store, log, actionIds, end: new Date(now + 1).toISOString() };
}

/** Every question a user can ask the read models, asked of one reader. */
async function everyAnswer(reader: ReadModelReader, log: RecordedEvent[], actionIds: string[], end: string) {
  const answers: Array<[string, unknown]> = [];
  const ask = async (question: string, answer: unknown) => answers.push([question, await answer]);
  await ask('plans', reader.plans());
  await ask('partners', reader.partners());
  await ask('partner VNG', reader.partner('VNG'));
  await ask('resolve alias', reader.resolvePartnerId('jn-alias'));
  await ask('resolve lower case', reader.resolvePartnerId('vws'));
  await ask('resolve unknown', reader.resolvePartnerId('onbekend'));
  await ask('all actions', reader.actions({}));
  for (const planId of HISTORY_PLANS) {
    await ask(`plan ${planId}`, reader.plan(planId));
    await ask(`actions of ${planId}`, reader.actions({ planId }));
    await ask(`actions of ${planId}/l`, reader.actions({ planId, actionLineId: 'l' }));
    await ask(`targets of ${planId}/l`, reader.targetsOfActionLine(planId, 'l'));
  }
  for (const partnerId of HISTORY_PARTNERS) await ask(`actions of ${partnerId}`, reader.actions({ partnerId }));
  for (const status of ACTION_STATUSES) await ask(`actions ${status}`, reader.actions({ status, planId: 'p1' }));
  for (const id of actionIds) {
    await ask(`action ${id}`, reader.action(id));
    await ask(`targets of ${id}`, reader.targetsOfAction(id));
  }
  await ask('target t1', reader.target('t1'));
  const exported = [];
  for await (const action of reader.iterateActions()) exported.push(action);
  await ask('export', exported);
  for (const plan of [null, ...HISTORY_PLANS]) {
    for (const today of ['2018-03-15', '2019-06-01', '2021-01-01'])
      await ask(`statuses ${plan} ${today}`, reader.partnerStatuses(plan, today));
  }
  // Time travel at every fourth instant of the history, and after its end.
  const instants = [...log.filter((_, i) => i % 4 === 0).map((e) => e.metadata.recordedAt), end, '2017-01-01T00:00:00.000Z'];
  for (const asOf of instants) {
    for (const plan of [null, ...HISTORY_PLANS])
      await ask(`statuses ${plan} at ${asOf}`, reader.partnerStatusesAsOf(plan, asOf, asOf.slice(0, 10)));
    await ask(`actions at ${asOf}`, reader.actionsAsOf({}, asOf));
    await ask(`actions of p2/VNG at ${asOf}`, reader.actionsAsOf({ planId: 'p2', partnerId: 'VNG' }, asOf));
    for (const id of actionIds.slice(0, 3)) await ask(`action ${id} at ${asOf}`, reader.actionAsOf(id, asOf));
    for (const id of actionIds) await ask(`targets of ${id} at ${asOf}`, reader.targetsOfActionAsOf(id, asOf));
  }
  return answers;
}

const postgres = probePostgres();

describeWithPostgres('read models in PostgreSQL', postgres, () => {
  const schemas = new TestSchemas();
  const pools: Pool[] = [];
  const created: string[] = [];
  beforeAll(() => schemas.dropAbandoned());
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
    for (const schema of created.splice(0)) await schemas.drop(schema);
  });
  afterAll(() => schemas.end());

  async function freshPool(): Promise<Pool> {
    const schema = await schemas.create();
    created.push(schema);
    const pool = createPostgresPool({ connectionString: TEST_DATABASE_URL, schema, max: 4 });
    pools.push(pool);
    await migratePostgresReadModels(pool);
    return pool;
  }

  it.each([1, 2, 3])('answers every query exactly as the SQLite read models do (seed %i)', async (seed) => {
    const pool = await freshPool();
    const random = prng(seed * 7);
    let pgProjector: PostgresProjector | null = null;
    let sqliteProjector: SqliteProjector | null = null;
    // Both catch up at random moments, so batches of every size are applied.
    const { db, log, actionIds, end } = await seededLog(seed, async () => {
      if (random() < 0.25) await pgProjector?.catchUp();
      if (random() < 0.25) await sqliteProjector?.catchUp();
    });
    const store = new SqliteEventStore({ database: db, clock: () => new Date() });
    pgProjector = new PostgresProjector(pool, store);
    sqliteProjector = new SqliteProjector(db, store);
    await pgProjector.catchUp();
    await sqliteProjector.catchUp();
    expect(await pgProjector.checkpoint()).toBe(BigInt(log.length));

    const expected = await everyAnswer(new SqliteReadModelQueries(db, store), log, actionIds, end);
    const actual = await everyAnswer(new PostgresReadModelQueries(pool, store), log, actionIds, end);
    expect(actual.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) expect(actual[i]).toEqual(expected[i]);
  });

  it('applies each event once when two instances catch up on the same tables at the same time', async () => {
    const pool = await freshPool();
    const { store, log } = await seededLog(4);
    const single = await freshPool();
    await new PostgresProjector(single, store).catchUp();

    // Two projectors (two server instances), each with its own connections, racing page by page.
    const other = createPostgresPool({ connectionString: TEST_DATABASE_URL, schema: created[0], max: 4 });
    pools.push(other);
    const a = new PostgresProjector(pool, store);
    const b = new PostgresProjector(other, store);
    const pages = [];
    for (let i = 0; i < log.length; i += 25) pages.push(log.slice(i, i + 25));
    await Promise.all(pages.flatMap((page) => [a.applyBatch(page), b.applyBatch(page)]));
    await Promise.all([a.catchUp(), b.catchUp()]);

    expect(await a.checkpoint()).toBe(BigInt(log.length));
    const dump = async (p: Pool) => {
      const tables = [];
      for (const table of READ_MODEL_TABLES) tables.push((await p.query(`SELECT * FROM ${table} t ORDER BY t::text`)).rows);
      return tables;
    };
    expect(await dump(pool)).toEqual(await dump(single));
  });

  it('commits rows and checkpoint together: a failing batch leaves both untouched, and catch-up resumes after a fix', async () => {
    const pool = await freshPool();
    const { store, log } = await seededLog(5);
    const projector = new PostgresProjector(pool, store);
    const queries = new PostgresReadModelQueries(pool, store);
    await projector.applyBatch(log.slice(0, 20));
    const before = await queries.actions({});
    await pool.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await pool.query('CREATE TRIGGER refuse BEFORE UPDATE ON rm_checkpoints FOR EACH ROW EXECUTE FUNCTION refuse()');

    await expect(projector.catchUp()).rejects.toThrow(/disk full/);
    expect(await projector.checkpoint()).toBe(20n);
    expect(await queries.actions({})).toEqual(before);

    await pool.query('DROP TRIGGER refuse ON rm_checkpoints');
    await projector.catchUp();
    expect(await projector.checkpoint()).toBe(BigInt(log.length));
  });

  it('replay: a rebuild equals the live tables, names a row changed behind their back, and repairs it', async () => {
    const pool = await freshPool();
    const { store, log } = await seededLog(6);
    await new PostgresProjector(pool, store).catchUp();
    const maintenance = new PostgresReadModelMaintenance(pool, store, (schema) =>
      createPostgresPool({ connectionString: TEST_DATABASE_URL, schema, max: 2 }),
    );
    const scratchSchemas = async () =>
      (await pool.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rm\\_rebuild\\_%'")).rows.length;
    const schemasBefore = await scratchSchemas();

    const clean = await maintenance.rebuild(BigInt(log.length));
    expect(clean.events).toBe(log.length);
    expect(await clean.firstDifference()).toBeNull();
    await clean.discard();

    await pool.query(`UPDATE rm_actions SET doc = jsonb_set(doc, '{title}', '"vervalst"') WHERE id = 'a1'`);
    const rebuilt = await maintenance.rebuild(BigInt(log.length));
    const difference = await rebuilt.firstDifference();
    expect(difference).toMatchObject({
      table: 'rm_actions',
      onlyIn: 'live',
      row: { id: 'a1', doc: expect.objectContaining({ title: 'vervalst' }) },
      counterpart: { id: 'a1', doc: expect.objectContaining({ title: 'a1' }) },
    });
    expect(describeDifference(difference!)).toBe(
      'VERSCHIL in rm_actions (id="a1"): de rij verschilt\n  doc.title: live "vervalst", herbouw "a1"',
    );
    await rebuilt.replaceLive();
    expect(await rebuilt.firstDifference()).toBeNull();
    await rebuilt.discard();
    expect(await scratchSchemas()).toBe(schemasBefore);
  });
});
