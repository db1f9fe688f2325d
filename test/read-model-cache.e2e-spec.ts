import { CHANGE_STATUS } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { startTestServer, TestServer } from './support/test-server';

// partnerStatuses and the partner list are cached per read-model checkpoint: a write through another
// instance (or the CLI) must show in the next answer all the same.
const COUNTS = `query ($planId: ID) { partnerStatuses(planId: $planId) { partner { id name } total byStatus { status count } } }`;
const PLAN = 'actieplan-pleegzorg-2017-2018';
const ACTION_ID = 'pleegzorg-2-2'; // NVP alone
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function nvpCounts(server: TestServer, token: string): Promise<Record<string, number>> {
  const res = await server.gql(COUNTS, { planId: PLAN }, token);
  expect(res.errors).toBeUndefined();
  const row = res.data.partnerStatuses.find((r: any) => r.partner.id === 'NVP');
  expect(row.partner.name).not.toBe('NVP'); // the partner's own record, not the fallback
  return Object.fromEntries(row.byStatus.map((s: any) => [s.status, s.count]));
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await pause(50);
  }
}

describe('cached read answers with two instances on one SQLite file', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    a = await startTestServer();
    b = await startTestServer({ dataDir: a.dataDir });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a write through one instance shows in the other one at once', async () => {
    const tokenA = await a.token('COORDINATOR', 'VWS');
    const tokenB = await b.token('COORDINATOR', 'VWS');
    const before = await nvpCounts(a, tokenA);
    expect(await nvpCounts(a, tokenA)).toEqual(before); // now cached
    const res = await b.gql(CHANGE_STATUS, { input: { actionId: ACTION_ID, status: 'IN_PROGRESS' } }, tokenB);
    expect(res.errors).toBeUndefined();
    // No waiting: the file's checkpoint has moved, so the first instance recomputes.
    expect(await nvpCounts(a, tokenA)).toEqual({ ...before, IN_PROGRESS: before.IN_PROGRESS + 1, NOT_REPORTED: before.NOT_REPORTED - 1 });
    // And a write through the first shows in the second, which had its own cached answer.
    expect((await nvpCounts(b, tokenB)).IN_PROGRESS).toBe(before.IN_PROGRESS + 1);
    expect((await a.gql(CHANGE_STATUS, { input: { actionId: ACTION_ID, status: 'COMPLETED' } }, tokenA)).errors).toBeUndefined();
    expect((await nvpCounts(b, tokenB)).COMPLETED).toBe(before.COMPLETED + 1);
  });

  it('commands decide on the whole stream, whichever instance appended last (each keeps folded states)', async () => {
    const tokenA = await a.token('COORDINATOR', 'VWS');
    const tokenB = await b.token('COORDINATOR', 'VWS');
    const change = async (server: TestServer, token: string, status: string, expectedVersion: number) =>
      server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-1-1', status, expectedVersion } }, token);
    let version = (await change(a, tokenA, 'IN_PROGRESS', 1)).data.changeActionStatus.version; // a folds and keeps the state
    for (const [server, token, status] of [
      [b, tokenB, 'DELAYED'],
      [a, tokenA, 'IN_PROGRESS'],
      [a, tokenA, 'COMPLETED'],
      [b, tokenB, 'IN_PROGRESS'],
    ] as const) {
      const res = await change(server, token, status, version);
      expect(res.errors).toBeUndefined();
      expect(res.data.changeActionStatus).toMatchObject({ status, version: version + 1 });
      version += 1;
    }
    // A stale expected version is still refused by the instance whose cached state is older than the stream.
    const stale = await change(a, tokenA, 'DELAYED', version - 1);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await change(a, tokenA, 'DELAYED', version)).data.changeActionStatus.version).toBe(version + 1);
  });
});

describeWithPostgres('cached read answers with two instances on one PostgreSQL log', probePostgres(), () => {
  let database: { url: string; drop(): Promise<void> };
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { EVENT_STORE: 'postgres', DATABASE_URL: database.url, PROJECTION_POLL_MS: '100' };
    a = await startTestServer({ env });
    b = await startTestServer({ env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it("a write through one instance shows in the other once that instance's projection has it", async () => {
    const tokenA = await a.token('COORDINATOR', 'VWS');
    const tokenB = await b.token('COORDINATOR', 'VWS');
    const before = await nvpCounts(a, tokenA);
    expect(await nvpCounts(a, tokenA)).toEqual(before);
    expect((await b.gql(CHANGE_STATUS, { input: { actionId: ACTION_ID, status: 'IN_PROGRESS' } }, tokenB)).errors).toBeUndefined();
    const after = await eventually(
      () => nvpCounts(a, tokenA),
      (c) => c.IN_PROGRESS === before.IN_PROGRESS + 1,
      5000,
    );
    expect(after).toEqual({ ...before, IN_PROGRESS: before.IN_PROGRESS + 1, NOT_REPORTED: before.NOT_REPORTED - 1 });
  });
});
