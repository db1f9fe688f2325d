import request from 'supertest';
import { startTestServer, TestServer } from './support/test-server';

describe('health endpoints (no token needed)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('/health/live answers while the process runs', async () => {
    const res = await request(server.url).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('/health/ready answers 200 when the store answers and the read models are caught up', async () => {
    const res = await request(server.url).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.details.eventStore).toMatchObject({ status: 'up', projectionLag: '0' });
  });

  it('/health/ready answers 503 when the read models lag more than READY_MAX_LAG', async () => {
    const lagging = await startTestServer({ env: { READY_MAX_LAG: '0', PROJECTION_POLL_MS: '0' } });
    try {
      // Move the checkpoint back behind the server's back; with polling off it does not catch up.
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(`${lagging.dataDir}/actiemonitor.sqlite`);
      db.prepare("UPDATE rm_checkpoints SET position = position - 5 WHERE projection = 'views'").run();
      db.close();
      const res = await request(lagging.url).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body.error.eventStore).toMatchObject({
        status: 'down',
        projectionLag: '5',
        message: 'leesmodellen lopen achter',
        reason: 'read models behind',
      });
    } finally {
      await lagging.close();
    }
  });
});
