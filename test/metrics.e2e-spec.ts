import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { CHANGE_STATUS } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { rawRequest, startTestServer, TestServer } from './support/test-server';

const TOKEN = 'm'.repeat(40);

/** One sample's value from the text format, e.g. metric('x_total{outcome="ok"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics for Prometheus', () => {
  let server: TestServer;

  beforeAll(async () => {
    // Polling off, so a checkpoint moved back stays behind (as in health.e2e-spec.ts).
    server = await startTestServer({ env: { METRICS_TOKEN: TOKEN, PROJECTION_POLL_MS: '0', READY_MAX_LAG: '1000' } });
  });
  afterAll(() => server.close());

  const scrape = (authorization?: string) =>
    rawRequest(server, { method: 'GET', path: '/metrics', headers: authorization ? { authorization } : {} });

  it('is refused without its token and with a wrong one', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${'x'.repeat(40)}`)).status).toBe(401);
    const coordinator = await server.token('COORDINATOR', 'JN');
    expect((await scrape(`Bearer ${coordinator}`)).status).toBe(401);
  });

  it('is scraped with it: requests by route, operation and outcome, appends, the log, process metrics', async () => {
    const coordinator = await server.token('COORDINATOR', 'JN');
    const write = await server.gql(
      CHANGE_STATUS,
      { input: { actionId: 'pleegzorg-3-1', status: 'IN_PROGRESS', commandId: 'm-1' } },
      coordinator,
    );
    expect(write.errors).toBeUndefined();
    await server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-3-1', status: 'IN_PROGRESS', commandId: 'm-1' } }, coordinator);
    await server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-3-1', status: 'AT_RISK', expectedVersion: 1 } }, coordinator);
    await server.gql('{ plans { id } }');

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(sample(text, 'actiemonitor_http_requests_total{route="/graphql",operation="mutation",outcome="ok"}')).toBe(2);
    expect(sample(text, 'actiemonitor_http_requests_total{route="/graphql",operation="mutation",outcome="CONFLICT"}')).toBe(1);
    expect(sample(text, 'actiemonitor_http_requests_total{route="/graphql",operation="none",outcome="UNAUTHENTICATED"}')).toBe(1);
    expect(sample(text, 'actiemonitor_http_request_duration_seconds_count{route="/graphql",operation="mutation",outcome="ok"}')).toBe(2);
    expect(sample(text, 'actiemonitor_appends_total{outcome="appended"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'actiemonitor_append_duration_seconds_count{outcome="appended"}')).toBeGreaterThanOrEqual(1);
    const verify = await server.cli(['verify']);
    expect(sample(text, 'actiemonitor_events_in_log')).toBe(Number(/OK: (\d+)/.exec(verify.stdout)![1]));
    expect(sample(text, 'actiemonitor_projection_lag_events')).toBe(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('shows the projection lag rising when the read models are held back', async () => {
    const db = new Database(join(server.dataDir, 'actiemonitor.sqlite'));
    db.prepare("UPDATE rm_checkpoints SET position = position - 5 WHERE projection = 'views'").run();
    db.close();
    const text = (await scrape(`Bearer ${TOKEN}`)).text;
    expect(sample(text, 'actiemonitor_projection_lag_events')).toBe(5);
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  it('does not exist', async () => {
    const server = await startTestServer();
    try {
      expect((await rawRequest(server, { method: 'GET', path: '/metrics' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describeWithPostgres('/metrics on PostgreSQL', probePostgres(), () => {
  it('counts appends and shows the lag rising when the shared checkpoint is held back', async () => {
    const database = await createTestDatabase();
    const server = await startTestServer({
      env: { EVENT_STORE: 'postgres', DATABASE_URL: database.url, METRICS_TOKEN: TOKEN, PROJECTION_POLL_MS: '0', READY_MAX_LAG: '1000' },
    });
    try {
      const scrape = async () =>
        (await rawRequest(server, { method: 'GET', path: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).text;
      const appended = (text: string) => sample(text, 'actiemonitor_appends_total{outcome="appended"}') ?? 0;
      const start = await scrape();
      const coordinator = await server.token('COORDINATOR', 'JN');
      const write = await server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-3-1', status: 'IN_PROGRESS' } }, coordinator);
      expect(write.errors).toBeUndefined();
      const before = await scrape();
      expect(appended(before) - appended(start)).toBe(1);
      expect(sample(before, 'actiemonitor_projection_lag_events')).toBe(0);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query("UPDATE rm_checkpoints SET position = position - 3 WHERE projection = 'views'");
      await client.end();
      expect(sample(await scrape(), 'actiemonitor_projection_lag_events')).toBe(3);
    } finally {
      await server.close();
      await database.drop();
    }
  });
});
