import { ACTION, CHANGE_STATUS } from './support/queries';
import { startTestServer, TestServer } from './support/test-server';

const STATUSES = ['IN_PROGRESS', 'AT_RISK', 'DELAYED', 'NOT_STARTED'];

describe('an acknowledged write survives kill -9 of the server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('keeps every acknowledged status change and the read models agree with the log', async () => {
    const coordinator = await server.token('COORDINATOR', 'JN');
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
    const acknowledged = new Map<string, { status: string; version: number }>();

    // Eight writers, one action each, as fast as they can; stop them all by killing the server.
    let stop = false;
    const writers = actionIds.map(async (actionId, w) => {
      for (let i = 0; !stop; i++) {
        const status = STATUSES[(i + w) % STATUSES.length];
        try {
          const res = await server.gql(CHANGE_STATUS, { input: { actionId, status, note: `schrijver ${w} ronde ${i}` } }, coordinator);
          if (res.data?.changeActionStatus) acknowledged.set(actionId, res.data.changeActionStatus);
        } catch {
          return; // connection refused: the server is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    await server.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.size).toBe(actionIds.length);

    await server.start();
    for (const [actionId, last] of acknowledged) {
      const res = await server.gql(ACTION, { id: actionId }, coordinator);
      // Nothing acknowledged is lost; a write in flight at the kill may have landed after its answer was lost.
      expect(res.data.action.version).toBeGreaterThanOrEqual(last.version);
      if (res.data.action.version === last.version) expect(res.data.action.status).toBe(last.status);
    }
    // The read models equal a rebuild from the log, and the hash chain is intact.
    const replay = await server.cli(['replay', '--verify']);
    expect([replay.code, replay.stdout]).toEqual([0, expect.stringMatching(/^OK/)]);
    expect((await server.cli(['verify'])).code).toBe(0);
  });
});
