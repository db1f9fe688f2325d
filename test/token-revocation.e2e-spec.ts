import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startTestServer, TestServer } from './support/test-server';

/**
 * Servers keep verified tokens in memory (libs/application/src/auth/verified-tokens.ts). Whatever they
 * remember, a token revoked or changed anywhere on the store is judged anew on the very next request,
 * by every server on it.
 */
describe('a token revoked anywhere is refused at once by every server on the store', () => {
  let first: TestServer;
  let second: TestServer;

  beforeAll(async () => {
    first = await startTestServer();
    second = await startTestServer({ dataDir: first.dataDir });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const LOG = '{ events(first: 1) { nextAfter } }';
  const code = async (server: TestServer, secret: string) =>
    (await server.gql(`{ partners { id } }`, {}, secret)).errors?.[0]?.extensions?.code;

  it('refuses a token revoked through the CLI on both servers, after both have used it many times', async () => {
    const secret = await first.token('COORDINATOR');
    const listed = (await first.cli(['tokens', 'list'])).stdout.split('\n');
    const name = listed.find((line) => line.startsWith('e2e-coordinator-'))!.split('\t')[0];
    for (let i = 0; i < 3; i++) {
      expect(await code(first, secret)).toBeUndefined();
      expect(await code(second, secret)).toBeUndefined();
    }
    expect((await first.cli(['tokens', 'revoke', '--name', name])).code).toBe(0);
    expect(await code(first, secret)).toBe('UNAUTHENTICATED');
    expect(await code(second, secret)).toBe('UNAUTHENTICATED');
  });

  it('follows an operator who edits the token table by hand', async () => {
    const secret = await first.token('AUDITOR', null);
    expect((await first.gql(LOG, {}, secret)).errors).toBeUndefined();
    expect((await second.gql(LOG, {}, secret)).errors).toBeUndefined();
    const db = new Database(join(first.dataDir, 'actiemonitor.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare("UPDATE api_tokens SET role = 'PARTNER', partner_id = 'VNG' WHERE name LIKE 'e2e-auditor-%'").run();
    } finally {
      db.close();
    }
    // A partner may not read the log: the new role counts at once, on both servers.
    expect((await first.gql(LOG, {}, secret)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await second.gql(LOG, {}, secret)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
