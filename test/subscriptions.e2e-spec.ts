import { CHANGE_STATUS } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { startTestServer, TestServer } from './support/test-server';
import { GqlWsClient } from './support/ws-client';
import { mintJwts, Minted, nowSeconds } from './security/support/jwt';

const PLAN = 'actieplan-pleegzorg-2017-2018';
const ACTION_CHANGED = `subscription ($planId: ID, $partnerId: ID) {
  actionChanged(planId: $planId, partnerId: $partnerId) { id status statusNote version owners { id } }
}`;
const ACTION_AS_QUERIED = `query ($id: ID!) { action(id: $id) { id status statusNote version owners { id } } }`;
/** Short intervals so that a revoked token is noticed within the test; small limits so they are reached. */
const FEED_ENV = {
  PROJECTION_POLL_MS: '100',
  SUBSCRIPTION_TOKEN_CHECK_MS: '200',
  SUBSCRIPTIONS_PER_CONNECTION: '3',
  WS_MAX_MESSAGE_BYTES: '2048',
  WS_INIT_TIMEOUT_MS: '500',
};

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** The subscribe message is not acknowledged by the protocol: give the server a moment to start listening. */
const settle = () => pause(400);
const nexts = (client: GqlWsClient, id: string) => client.of(id).filter((m) => m.type === 'next');

async function changeStatus(server: TestServer, token: string, actionId: string, status: string, note: string) {
  const res = await server.gql(CHANGE_STATUS, { input: { actionId, status, note } }, token);
  expect(res.errors).toBeUndefined();
  return res.data.changeActionStatus;
}

/** A partner that owns some of the plan's actions, one action it owns and one it does not. */
async function ownership(server: TestServer, token: string): Promise<{ partnerId: string; own: string; other: string }> {
  const res = await server.gql(`{ actions(planId: "${PLAN}") { id owners { id } } }`, {}, token);
  const actions: Array<{ id: string; owners: Array<{ id: string }> }> = res.data.actions;
  const partnerId = actions[0].owners[0].id;
  const owns = (a: (typeof actions)[number]) => a.owners.some((o) => o.id === partnerId);
  return { partnerId, own: actions.find(owns)!.id, other: actions.find((a) => !owns(a))!.id };
}

async function tokenNamed(server: TestServer, name: string, role: string, partner: string | null): Promise<string> {
  const args = ['tokens', 'create', '--role', role, '--name', name, ...(partner ? ['--partner', partner] : [])];
  const result = await server.cli(args);
  expect(result.code).toBe(0);
  return result.stdout.trim().split('\n').pop()!;
}

describe('actionChanged over WebSocket (embedded store)', () => {
  let server: TestServer;
  let coordinator: string;
  const clients: GqlWsClient[] = [];
  const connect = async (payload: Record<string, unknown> | undefined) => {
    const client = await GqlWsClient.connect(server.url, payload);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ env: FEED_ENV });
    coordinator = await server.token('COORDINATOR');
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => server?.close());

  it('refuses a connection_init without a token, with an unknown token or with a malformed header', async () => {
    for (const payload of [undefined, {}, bearer('am_nietbestaand'), { authorization: `Basic ${coordinator}` }]) {
      const client = await connect(payload);
      expect(client.acknowledged).toBe(false);
      expect(await client.waitClosed()).not.toBeNull();
    }
  });

  it('closes a socket that sends no connection_init in time (4408), and one that subscribes before it', async () => {
    const silent = await GqlWsClient.open(server.url);
    clients.push(silent);
    expect((await silent.waitClosed(3000))?.code).toBe(4408);

    const early = await GqlWsClient.open(server.url);
    clients.push(early);
    early.subscribe('1', ACTION_CHANGED, {});
    expect(await early.waitClosed(3000)).not.toBeNull();
    expect(early.of('1').filter((m) => m.type === 'next')).toEqual([]);
  });

  it('delivers each status change as the action is after it, in log order, once', async () => {
    const client = await connect(bearer(coordinator));
    expect(client.acknowledged).toBe(true);
    client.subscribe('1', ACTION_CHANGED, { planId: PLAN });
    await settle();
    const first = await changeStatus(server, coordinator, 'pleegzorg-1-2', 'IN_PROGRESS', 'gestart');
    const second = await changeStatus(server, coordinator, 'pleegzorg-1-2', 'AT_RISK', 'vertraging dreigt');

    await client.received('1', 2);
    await pause(500); // nothing more arrives: each change once
    const delivered = nexts(client, '1').map((m) => m.payload.data.actionChanged);
    expect(delivered.map((a) => [a.id, a.status, a.statusNote, a.version])).toEqual([
      ['pleegzorg-1-2', 'IN_PROGRESS', 'gestart', first.version],
      ['pleegzorg-1-2', 'AT_RISK', 'vertraging dreigt', second.version],
    ]);
  });

  it('a partner subscriber receives what a partner can query: its own actions when it filters on itself, nothing else', async () => {
    const { partnerId, own, other } = await ownership(server, coordinator);
    const partner = await server.token('PARTNER', partnerId);
    const client = await connect(bearer(partner));
    client.subscribe('mine', ACTION_CHANGED, { partnerId });
    await settle();
    await changeStatus(server, coordinator, other, 'DELAYED', 'niet van deze partner');
    await changeStatus(server, coordinator, own, 'IN_PROGRESS', 'van deze partner');

    await client.received('mine', 1);
    await pause(500);
    const delivered = nexts(client, 'mine').map((m) => m.payload.data.actionChanged);
    expect(delivered.map((a) => a.id)).toEqual([own]);
    // The same answer the partner gets from the query, field for field.
    expect(delivered[0]).toEqual((await server.gql(ACTION_AS_QUERIED, { id: own }, partner)).data.action);
  });

  it('refuses a subscription over the limit per connection, and a message over the size limit closes the socket (1009)', async () => {
    const client = await connect(bearer(coordinator));
    // A refused subscription (a plan that does not exist) holds no place.
    client.subscribe('typo', ACTION_CHANGED, { planId: 'bestaat-niet' });
    const [typo] = await client.received('typo', 1);
    expect(typo).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'NOT_FOUND' } }] });
    for (const id of ['a', 'b', 'c', 'd']) client.subscribe(id, ACTION_CHANGED, {});
    await client.received('d', 1);
    expect(client.of('d')[0]).toMatchObject({ type: 'error' });
    expect(JSON.stringify(client.of('d')[0].payload)).toContain('TOO_MANY_SUBSCRIPTIONS');
    expect(['a', 'b', 'c'].map((id) => client.of(id).length)).toEqual([0, 0, 0]);

    client.subscribe('big', ACTION_CHANGED, { planId: 'x'.repeat(4000) });
    expect((await client.waitClosed())?.code).toBe(1009);
  });

  it('validates a subscription as a query over HTTP: unknown fields and too deep selections are refused', async () => {
    const client = await connect(bearer(coordinator));
    client.subscribe('unknown', `subscription { actionChanged { id geheim } }`);
    const deep = `subscription { actionChanged { plan { actionLines { actions { plan { actionLines { actions { plan { actionLines { actions { id } } } } } } } } } } }`;
    client.subscribe('deep', deep);
    for (const id of ['unknown', 'deep']) {
      const [message] = await client.received(id, 1);
      expect(message).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    }
  });

  it("closes a revoked token's subscription (4403), and the token no longer connects", async () => {
    const secret = await tokenNamed(server, 'feed-revoked-sqlite', 'partner', 'NVP');
    const client = await connect(bearer(secret));
    client.subscribe('1', ACTION_CHANGED, {});
    await settle();
    expect((await server.cli(['tokens', 'revoke', '--name', 'feed-revoked-sqlite'])).code).toBe(0);
    expect((await client.waitClosed(3000))?.code).toBe(4403);
    expect((await connect(bearer(secret))).acknowledged).toBe(false);
  });
});

describe('actionChanged with OpenID Connect tokens', () => {
  const ISSUER = 'https://login.example.nl/realms/actiemonitor';
  const AUDIENCE = 'actiemonitor-api';
  let server: TestServer;
  let minted: Minted;
  const clients: GqlWsClient[] = [];

  beforeAll(async () => {
    const now = nowSeconds();
    const person = { iss: ISSUER, aud: AUDIENCE, iat: now, sub: 'person-nvp-1', actiemonitor_role: 'partner', actiemonitor_partner: 'NVP' };
    minted = mintJwts({
      keys: { trusted: 'RS256', untrusted: 'RS256' },
      tokens: {
        partner: { key: 'trusted', payload: { ...person, exp: now + 600 } },
        // Long enough to outlast the server's start, short enough to expire during the test.
        expiresSoon: { key: 'trusted', payload: { ...person, exp: now + 12 } },
        untrusted: { key: 'untrusted', payload: { ...person, exp: now + 600 } },
      },
    });
    const env = { ...FEED_ENV, OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE, OIDC_PUBLIC_KEY: minted.publicKeys.trusted };
    server = await startTestServer({ env: { ...env, OIDC_CLOCK_TOLERANCE_SECONDS: '0' } });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => server?.close());

  it('accepts a JWT in connection_init as it does in the Authorization header, and refuses one signed by another key', async () => {
    const person = await GqlWsClient.connect(server.url, bearer(minted.tokens.partner));
    const stranger = await GqlWsClient.connect(server.url, bearer(minted.tokens.untrusted));
    clients.push(person, stranger);
    expect([person.acknowledged, stranger.acknowledged]).toEqual([true, false]);
  });

  it('closes the subscription (4403) once its JWT has expired', async () => {
    const client = await GqlWsClient.connect(server.url, bearer(minted.tokens.expiresSoon));
    clients.push(client);
    expect(client.acknowledged).toBe(true);
    client.subscribe('1', ACTION_CHANGED, {});
    expect((await client.waitClosed(15_000))?.code).toBe(4403);
  }, 30_000);
});

describeWithPostgres('actionChanged with two instances on one PostgreSQL log', probePostgres(), () => {
  let database: { url: string; drop(): Promise<void> };
  let a: TestServer;
  let b: TestServer;
  let coordinator: string;
  const clients: GqlWsClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { ...FEED_ENV, EVENT_STORE: 'postgres', DATABASE_URL: database.url };
    a = await startTestServer({ env });
    b = await startTestServer({ env });
    coordinator = await a.token('COORDINATOR');
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('a subscriber on one instance receives a status change written through the other, and a partner only its own', async () => {
    const { partnerId, own, other } = await ownership(a, coordinator);
    const partner = await b.token('PARTNER', partnerId);
    const watcher = await GqlWsClient.connect(b.url, bearer(coordinator));
    const partnerClient = await GqlWsClient.connect(b.url, bearer(partner));
    clients.push(watcher, partnerClient);
    watcher.subscribe('all', ACTION_CHANGED, { planId: PLAN });
    partnerClient.subscribe('mine', ACTION_CHANGED, { partnerId });
    await settle();

    await changeStatus(a, coordinator, other, 'AT_RISK', 'via instantie A');
    const written = await changeStatus(a, coordinator, own, 'COMPLETED', 'via instantie A, klaar');

    await watcher.received('all', 2);
    await partnerClient.received('mine', 1);
    await pause(500);
    expect(nexts(watcher, 'all').map((m) => [m.payload.data.actionChanged.id, m.payload.data.actionChanged.status])).toEqual([
      [other, 'AT_RISK'],
      [own, 'COMPLETED'],
    ]);
    expect(nexts(partnerClient, 'mine').map((m) => m.payload.data.actionChanged)).toEqual([
      expect.objectContaining({ id: own, status: 'COMPLETED', version: written.version }),
    ]);
  });

  it('a token revoked through one instance closes its subscription on the other', async () => {
    const secret = await tokenNamed(a, 'feed-revoked-pg', 'auditor', null);
    const client = await GqlWsClient.connect(b.url, bearer(secret));
    clients.push(client);
    client.subscribe('1', ACTION_CHANGED, {});
    await settle();
    expect((await a.cli(['tokens', 'revoke', '--name', 'feed-revoked-pg'])).code).toBe(0);
    expect((await client.waitClosed(3000))?.code).toBe(4403);
  });
});
