import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@actiemonitor/event-store';
import { BackgroundWalCheckpoint } from './background-wal-checkpoint';

describe('the background WAL checkpoint', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'actiemonitor-checkpoint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies committed pages into the database file while the writer never checkpoints, and lets the WAL go at close', async () => {
    const file = join(dir, 'actiemonitor.sqlite');
    const db = SqliteEventStore.openDatabase(file);
    db.pragma('wal_autocheckpoint = 0'); // only the background thread copies in this test
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run(Buffer.alloc(4000, i % 256)); // ~2 MB, one commit each
    const committedBytes = 500 * 4000;
    expect(statSync(file).size).toBeLessThan(committedBytes / 10); // still in the WAL only

    const checkpoints = BackgroundWalCheckpoint.start(file, 10);
    expect(checkpoints).not.toBeNull();
    const deadline = Date.now() + 5000;
    while (statSync(file).size < committedBytes && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statSync(file).size).toBeGreaterThanOrEqual(committedBytes);

    // Writes go on while it runs, and read back whole.
    for (let i = 0; i < 50; i++) insert.run(Buffer.alloc(4000, 7));
    await checkpoints!.stop();
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(550);
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false); // the writer's close was the last one
  });

  it('lets a process with nothing else to do finish closing (a script or CLI command ending with its module)', () => {
    const file = join(dir, 'actiemonitor.sqlite');
    const script = `
      const Database = require('better-sqlite3');
      const { BackgroundWalCheckpoint } = require(${JSON.stringify(join(__dirname, 'background-wal-checkpoint.ts'))});
      const db = new Database(${JSON.stringify(file)});
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE notes (body TEXT)');
      const checkpoints = BackgroundWalCheckpoint.start(${JSON.stringify(file)}, 10);
      checkpoints.stop().then(() => { db.close(); console.log('closed'); });
    `;
    const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { encoding: 'utf8' });
    expect(output.trim()).toBe('closed');
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('is not started for an in-memory database', () => {
    expect(BackgroundWalCheckpoint.start(':memory:')).toBeNull();
  });
});
