import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANGE_STATUS } from './support/queries';
import { startTestServer, TestServer } from './support/test-server';

const ACTIONS = ['pleegzorg-3-1', 'pleegzorg-3-2', 'pleegzorg-3-3'];
const COMMAND_IDS = `query ($after: String) { events(after: $after, first: 500) { nextAfter events { commandId } } }`;

/** Every command id in the log, paged through GraphQL as an auditor sees it. */
async function commandIds(server: TestServer, auditor: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null = null;
  do {
    const res: any = await server.gql(COMMAND_IDS, { after }, auditor);
    expect(res.errors).toBeUndefined();
    for (const e of res.data.events.events) ids.add(e.commandId);
    after = res.data.events.nextAfter;
  } while (after !== null);
  return ids;
}

describe('backup while the server writes, restore into an empty DATA_DIR', () => {
  let server: TestServer;
  let dir: string;
  let coordinator: string;
  let auditor: string;
  const acknowledged: Array<{ commandId: string; at: number }> = [];
  let backupBegan = 0;
  let backupResult: { stdout: string; stderr: string; code: number };

  beforeAll(async () => {
    // A write load faster than the default rate limit of 600 a minute.
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
    dir = mkdtempSync(join(tmpdir(), 'actiemonitor-backup-'));
    coordinator = await server.token('COORDINATOR', 'JN');
    auditor = await server.token('AUDITOR', null);

    // Three writers change statuses without pause until the backup is done; each acknowledged write is noted.
    let writing = true;
    const writer = async (actionId: string) => {
      for (let i = 0; writing; i++) {
        const commandId = `load-${actionId}-${i}`;
        const status = i % 2 === 0 ? 'IN_PROGRESS' : 'AT_RISK';
        const res = await server.gql(CHANGE_STATUS, { input: { actionId, status, commandId, note: `schrijflast ${i}` } }, coordinator);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
        acknowledged.push({ commandId, at: Date.now() });
      }
    };
    const writers = ACTIONS.map(writer);
    await new Promise((r) => setTimeout(r, 1500));
    backupBegan = Date.now();
    backupResult = await server.cli(['backup', '--output', join(dir, 'backup.sqlite')]);
    await new Promise((r) => setTimeout(r, 500));
    writing = false;
    await Promise.all(writers);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says done only after checking the copy, with the head hash, while writes kept being acknowledged', () => {
    expect(backupResult.stderr).toBe('');
    expect(backupResult.code).toBe(0);
    expect(backupResult.stdout).toMatch(
      /^OK: backup .*backup\.sqlite geschreven en gecontroleerd: \d+ gebeurtenissen, keten intact; kop-hash [0-9a-f]{64}\n$/,
    );
    expect(acknowledged.filter((w) => w.at < backupBegan).length).toBeGreaterThan(5);
    expect(acknowledged.filter((w) => w.at > backupBegan).length).toBeGreaterThan(0);
  });

  it('refuses to overwrite an existing file', async () => {
    const again = await server.cli(['backup', '--output', join(dir, 'backup.sqlite')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/bestaat al/);
  });

  it('refuses a non-empty DATA_DIR and writes nothing there', async () => {
    const busy = join(dir, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'van iemand anders');
    const result = await server.cli(['restore', '--from', join(dir, 'backup.sqlite')], { DATA_DIR: busy });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is niet leeg \(notes\.txt\)/);
    expect(readdirSync(busy)).toEqual(['notes.txt']);
  });

  it('refuses a file that is not a backup, leaving the empty DATA_DIR empty', async () => {
    writeFileSync(join(dir, 'not-a-backup.sqlite'), 'hallo');
    const empty = join(dir, 'still-empty');
    const result = await server.cli(['restore', '--from', join(dir, 'not-a-backup.sqlite')], { DATA_DIR: empty });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/geen backup van Actiemonitor/);
    expect(existsSync(empty)).toBe(false);
  });

  it('restores into an empty DATA_DIR; the restored server answers with every write acknowledged before the backup began', async () => {
    const restoredDir = join(dir, 'restored');
    const result = await server.cli(['restore', '--from', join(dir, 'backup.sqlite')], { DATA_DIR: restoredDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const backupHead = /kop-hash ([0-9a-f]{64})/.exec(backupResult.stdout)![1];
    expect(result.stdout).toContain(`kop-hash ${backupHead}`);
    expect(readdirSync(restoredDir).sort()).toEqual(['actiemonitor.sqlite', 'session.key']);
    expect(readFileSync(join(restoredDir, 'session.key'))).toEqual(readFileSync(join(server.dataDir, 'session.key')));

    const restored = await startTestServer({ dataDir: restoredDir });
    try {
      // The tokens came along (still hashed): the auditor's token works on the restored server.
      const ids = await commandIds(restored, auditor);
      const before = acknowledged.filter((w) => w.at < backupBegan);
      expect(before.filter((w) => !ids.has(w.commandId))).toEqual([]);
      const verify = await restored.cli(['verify']);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toContain(`kop-hash ${backupHead}`);
      // Its read models answer too: the last acknowledged status of each action in the copy is what it shows.
      const action = await restored.gql('{ action(id: "pleegzorg-3-1") { statusNote } }', {}, auditor);
      expect(action.data.action.statusNote).toMatch(/^schrijflast \d+$/);
    } finally {
      await restored.close();
    }
  });

  it('on PostgreSQL points to pg_dump instead', async () => {
    const result = await server.cli(['backup', '--output', join(dir, 'pg.sqlite')], {
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pg_dump/);
  });
});
