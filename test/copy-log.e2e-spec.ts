import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CHANGE_STATUS } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { ROOT, startTestServer, TestServer } from './support/test-server';

/** Queries whose answers must be the same on the copy: views, history, the log itself. */
const SAME_ANSWERS = [
  '{ plans { id title actionLines { id } } }',
  '{ action(id: "pleegzorg-3-1") { status statusNote version overdue } }',
  '{ partnerStatuses { partner { id } total byStatus { status count } } }',
  '{ events(first: 500) { nextAfter events { position streamId version type recordedAt actor { id partnerId role } commandId data hash } } }',
];

const headHash = (stdout: string) => /kop-hash ([0-9a-f]{64})/.exec(stdout)?.[1];

async function rowCount(url: string, table: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  } finally {
    await client.end();
  }
}

describeWithPostgres('copy-log: the embedded store to PostgreSQL', probePostgres(), () => {
  let source: TestServer;
  let coordinator: string;
  let auditor: string;
  const databases: Array<{ url: string; drop(): Promise<void> }> = [];
  const database = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    return db.url;
  };

  beforeAll(async () => {
    source = await startTestServer();
    coordinator = await source.token('COORDINATOR', 'JN');
    auditor = await source.token('AUDITOR', null);
    for (const [actionId, status] of [
      ['pleegzorg-3-1', 'IN_PROGRESS'],
      ['pleegzorg-3-1', 'AT_RISK'],
      ['pleegzorg-3-2', 'COMPLETED'],
    ]) {
      const res = await source.gql(CHANGE_STATUS, { input: { actionId, status, note: `via ${status}` } }, coordinator);
      expect(res.errors).toBeUndefined();
    }
    const revoked = await source.cli(['tokens', 'create', '--role', 'auditor', '--name', 'oud-token']);
    expect(revoked.code).toBe(0);
    expect((await source.cli(['tokens', 'revoke', '--name', 'oud-token'])).code).toBe(0);
  });
  afterAll(async () => {
    await source.close();
    for (const db of databases) await db.drop();
  });

  it('copies the log with the same head hash, the tokens and rebuilt read models: the copy answers every query the same', async () => {
    const url = await database();
    const copy = await source.cli(['copy-log', '--to', url, '--page-size', '50']);
    expect(copy.code).toBe(0);
    expect(copy.stderr).toMatch(/^copy-log: 50\/\d+ gebeurtenissen gekopieerd$/m);
    const original = await source.cli(['verify']);
    expect(headHash(copy.stdout)).toBe(headHash(original.stdout));

    const onPostgres = await source.cli(['verify'], { EVENT_STORE: 'postgres', DATABASE_URL: url });
    expect(onPostgres.stdout).toBe(original.stdout);

    const target = await startTestServer({ env: { EVENT_STORE: 'postgres', DATABASE_URL: url } });
    try {
      // The auditor's token was created on the source: it came along, hashed.
      for (const query of SAME_ANSWERS) {
        const [a, b] = [await source.gql(query, {}, auditor), await target.gql(query, {}, auditor)];
        expect(b.errors).toBeUndefined();
        expect(b.data).toEqual(a.data);
      }
      const list = await target.cli(['tokens', 'list']);
      expect(list.stdout).toMatch(/oud-token.*ingetrokken/);
      // The copy goes on as a log of its own: a write appends after the copied head.
      const write = await target.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-3-3', status: 'IN_PROGRESS' } }, coordinator);
      expect(write.errors).toBeUndefined();
      expect((await target.cli(['verify'])).code).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('resumes an interrupted copy after the target head, and a finished copy has nothing left to do', async () => {
    const url = await database();
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'copy-log', '--to', url, '--page-size', '5'], {
      env: source.childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Killed (no clean shutdown) as soon as the first pages are in.
    await new Promise<void>((resolve) => {
      let seen = 0;
      child.stderr!.on('data', (chunk: Buffer) => {
        seen += (chunk.toString().match(/gekopieerd/g) ?? []).length;
        if (seen >= 3 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.once('exit', () => resolve());
    });
    const copied = await rowCount(url, 'events');
    const total = Number(/OK: (\d+) gebeurtenissen/.exec((await source.cli(['verify'])).stdout)![1]);
    expect(copied).toBeGreaterThanOrEqual(15);
    expect(copied).toBeLessThan(total);

    const resumed = await source.cli(['copy-log', '--to', url]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`het doel bevat de eerste ${copied} gebeurtenissen van dit logboek`);
    expect(headHash(resumed.stdout)).toBe(headHash((await source.cli(['verify'])).stdout));
    expect(await rowCount(url, 'events')).toBe(total);

    const again = await source.cli(['copy-log', '--to', url]);
    expect(again.code).toBe(0);
    expect(await rowCount(url, 'events')).toBe(total);
  });

  it('refuses a target holding another log and leaves it untouched', async () => {
    const url = await database();
    // Another deployment's log: its own server, its own history.
    const other = await startTestServer({ env: { EVENT_STORE: 'postgres', DATABASE_URL: url } });
    const otherCoordinator = await other.token('COORDINATOR', 'VWS');
    await other.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-3-4', status: 'DELAYED', note: 'elders' } }, otherCoordinator);
    const before = (await other.cli(['verify'])).stdout;
    await other.close();
    const events = await rowCount(url, 'events');
    const tokens = await rowCount(url, 'api_tokens');

    const refused = await source.cli(['copy-log', '--to', url]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/het doel bevat een ander logboek .*er is niets geschreven/);
    expect(await rowCount(url, 'events')).toBe(events);
    expect(await rowCount(url, 'api_tokens')).toBe(tokens);
    expect((await source.cli(['verify'], { EVENT_STORE: 'postgres', DATABASE_URL: url })).stdout).toBe(before);
  });

  it('copies back from PostgreSQL into an empty embedded store: same head hash, same answers', async () => {
    const url = await database();
    expect((await source.cli(['copy-log', '--to', url])).code).toBe(0);
    const dataDir = mkdtempSync(join(tmpdir(), 'actiemonitor-copy-back-'));
    try {
      const back = await source.cli(['copy-log', '--from', url, '--to', `sqlite:${dataDir}`]);
      expect(back.stderr).not.toMatch(/Fout/);
      expect(back.code).toBe(0);
      expect(headHash(back.stdout)).toBe(headHash((await source.cli(['verify'])).stdout));
      const copy = await startTestServer({ dataDir });
      try {
        for (const query of SAME_ANSWERS)
          expect((await copy.gql(query, {}, auditor)).data).toEqual((await source.gql(query, {}, auditor)).data);
      } finally {
        await copy.close();
      }
      // The copy holds the whole source log: copying onto it again finds nothing left to do.
      const again = await source.cli(['copy-log', '--to', `sqlite:${dataDir}`]);
      expect(again.code).toBe(0);
      expect(again.stderr).not.toMatch(/gekopieerd/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a store it does not know, and the source itself as target', async () => {
    const unknown = await source.cli(['copy-log', '--to', 'mysql://x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/onbekende opslag/);
    const itself = await source.cli(['copy-log', '--to', `sqlite:${source.dataDir}`]);
    expect(itself.code).toBe(2);
    expect(itself.stderr).toMatch(/dezelfde opslag/);
  });
});
