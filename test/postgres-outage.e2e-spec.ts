import request from 'supertest';
import { CHANGE_STATUS } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { TcpProxy } from './support/tcp-proxy';
import { startTestServer, TestServer } from './support/test-server';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeWithPostgres('the database goes away and comes back', probePostgres(), () => {
  let database: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let server: TestServer;
  let coordinator: string;
  let unseen: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const viaProxy = new URL(database.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    server = await startTestServer({ env: { EVENT_STORE: 'postgres', DATABASE_URL: viaProxy.toString() } });
    coordinator = await server.token('COORDINATOR', 'VWS');
    unseen = await server.token('AUDITOR', null);
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.cut();
    await database?.drop();
  });

  it('answers with a retryable error while it is gone, and recovers by itself', async () => {
    const write = () =>
      server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-1-1', status: 'IN_PROGRESS', commandId: 'outage-retry-1' } }, coordinator);
    expect((await request(server.url).get('/health/ready')).status).toBe(200);
    expect((await server.gql(`{ partners { id } }`, {}, coordinator)).errors).toBeUndefined();

    await proxy.cut();
    const during = await write();
    expect(during.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(JSON.stringify(during.errors)).not.toMatch(/ECONN|pg|postgres|at \//i);
    // The read models are in PostgreSQL too: reads fail the same clean, retryable way.
    const read = await server.gql(`{ partners { id } }`, {}, coordinator);
    expect(read.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(JSON.stringify(read.errors)).not.toMatch(/ECONN|pg|postgres|at \//i);
    // A token this instance has not confirmed cannot be checked now: retry later, not "unauthenticated".
    const unchecked = await request(server.url)
      .post('/graphql')
      .set('authorization', `Bearer ${unseen}`)
      .send({ query: '{ partners { id } }' });
    expect(unchecked.status).toBe(503);
    expect(unchecked.body.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(JSON.stringify(unchecked.body)).not.toMatch(/ECONN|pg|postgres|at \//i);
    expect((await request(server.url).get('/health/ready')).status).toBe(503);
    expect((await request(server.url).get('/health/live')).status).toBe(200);

    await proxy.restore();
    let after = await write();
    for (let i = 0; i < 50 && after.errors; i++) {
      await pause(200);
      after = await write();
    }
    expect(after.errors).toBeUndefined();
    expect(after.data.changeActionStatus.status).toBe('IN_PROGRESS');
    expect((await server.gql(`{ partners { id } }`, {}, unseen)).errors).toBeUndefined();
    let ready = 0;
    for (let i = 0; i < 20 && ready !== 200; i++) {
      ready = (await request(server.url).get('/health/ready')).status;
      if (ready !== 200) await pause(100);
    }
    expect(ready).toBe(200);
  });
});
