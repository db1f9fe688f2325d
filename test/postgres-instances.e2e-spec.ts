import { ACTION, CHANGE_STATUS, EVENTS, PARTNER_STATUSES } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { startTestServer, TestServer } from './support/test-server';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeWithPostgres('two server instances on one PostgreSQL log', probePostgres(), () => {
  let database: { url: string; drop(): Promise<void> };
  let a: TestServer;
  let b: TestServer;
  let tokenA: string;
  let tokenB: string;
  let auditor: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { EVENT_STORE: 'postgres', DATABASE_URL: database.url, PROJECTION_POLL_MS: '100' };
    a = await startTestServer({ env });
    b = await startTestServer({ env });
    tokenA = await a.token('COORDINATOR', 'VWS');
    tokenB = await b.token('COORDINATOR', 'VNG');
    auditor = await a.token('AUDITOR', null); // every instance asks PostgreSQL: no wait for tokens to spread
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('imported the plans once, although both started on the empty log', async () => {
    const res = await a.gql(EVENTS, { streamId: 'action-pleegzorg-1-1' }, auditor);
    expect(res.data.events.events.map((e: any) => e.type)).toEqual(['ActionRegistered']);
  });

  it('a race on one expected version: exactly one success, one CONFLICT', async () => {
    const version = (await a.gql(ACTION, { id: 'pleegzorg-2-3' }, tokenA)).data.action.version;
    const [ra, rb] = await Promise.all([
      a.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-2-3', status: 'IN_PROGRESS', expectedVersion: version } }, tokenA),
      b.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-2-3', status: 'AT_RISK', expectedVersion: version } }, tokenB),
    ]);
    const codes = [ra, rb].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });

  it('concurrent writes through both never share a version, and both report the same version within a second', async () => {
    const statuses = ['IN_PROGRESS', 'AT_RISK', 'DELAYED', 'NOT_STARTED'];
    const write = (server: TestServer, token: string, i: number) =>
      server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-4-3', status: statuses[i % 4], note: `schrijver ${i}` } }, token);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? write(a, tokenA, i) : write(b, tokenB, i))));

    const events = (await a.gql(EVENTS, { streamId: 'action-pleegzorg-4-3', first: 500 }, auditor)).data.events.events;
    const versions = events.map((e: any) => e.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual(versions.map((_: number, i: number) => i + 1));

    const expected = versions.length;
    const versionAt = async (server: TestServer, token: string) =>
      (await server.gql(ACTION, { id: 'pleegzorg-4-3' }, token)).data.action.version;
    const started = Date.now();
    let seen: number[] = [];
    while (Date.now() - started < 1000) {
      seen = [await versionAt(a, tokenA), await versionAt(b, tokenB)];
      if (seen.every((v) => v === expected)) break;
      await pause(50);
    }
    expect(seen).toEqual([expected, expected]);
  });

  it('shares one set of read models: a write through one instance is read through the other at once, counts included', async () => {
    const nvpCompleted = async (server: TestServer, token: string) => {
      const res = await server.gql(PARTNER_STATUSES, { planId: 'actieplan-pleegzorg-2017-2018' }, token);
      const row = res.data.partnerStatuses.find((r: any) => r.partner.id === 'NVP');
      return row.byStatus.find((s: any) => s.status === 'COMPLETED').count;
    };
    const before = await nvpCompleted(b, tokenB); // also fills b's answer cache
    const written = await a.gql(
      CHANGE_STATUS,
      { input: { actionId: 'pleegzorg-2-2', status: 'COMPLETED', note: 'Informatiepunt live' } },
      tokenA,
    );
    expect(written.errors).toBeUndefined();
    // No waiting: a answered only after projecting into the tables b reads.
    expect((await b.gql(ACTION, { id: 'pleegzorg-2-2' }, tokenB)).data.action).toMatchObject({
      status: 'COMPLETED',
      version: written.data.changeActionStatus.version,
    });
    expect(await nvpCompleted(b, tokenB)).toBe(before + 1);
  });

  it('a token created or revoked through one instance is honoured by the other at once', async () => {
    const { stdout } = await a.cli(['tokens', 'create', '--role', 'partner', '--partner', 'NVP', '--name', 'nvp-shared']);
    const secret = stdout.trim().split('\n').pop()!;
    expect((await b.gql(`{ partners { id } }`, {}, secret)).errors).toBeUndefined();
    expect((await a.gql(`{ partners { id } }`, {}, secret)).errors).toBeUndefined();
    expect((await a.cli(['tokens', 'revoke', '--name', 'nvp-shared'])).code).toBe(0);
    expect((await b.gql(`{ partners { id } }`, {}, secret)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await a.gql(`{ partners { id } }`, {}, secret)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('loses no acknowledged write when an instance is killed under load, and its read models equal a rebuild', async () => {
    const actionIds = [
      'pleegzorg-3-1',
      'pleegzorg-3-2',
      'pleegzorg-3-3',
      'pleegzorg-3-5',
      'pleegzorg-3-6',
      'pleegzorg-3-7',
      'pleegzorg-2-1',
      'pleegzorg-2-4',
    ];
    const acknowledged = new Map<string, number>();
    let stop = false;
    const writers = actionIds.map(async (actionId, w) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await a.gql(
            CHANGE_STATUS,
            { input: { actionId, status: i % 2 ? 'IN_PROGRESS' : 'AT_RISK', note: `w${w} r${i}` } },
            tokenA,
          );
          if (res.data?.changeActionStatus) acknowledged.set(actionId, res.data.changeActionStatus.version);
        } catch {
          return;
        }
      }
    });
    await pause(1500);
    await a.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.size).toBe(actionIds.length);
    await a.start();
    for (const [actionId, version] of acknowledged) {
      expect((await a.gql(ACTION, { id: actionId }, tokenA)).data.action.version).toBeGreaterThanOrEqual(version);
    }
    const replay = await a.cli(['replay', '--verify']);
    expect([replay.code, replay.stdout]).toEqual([0, expect.stringMatching(/^OK/)]);
    expect((await a.cli(['verify'])).code).toBe(0);
  });
});
