import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { eventStoreContract } from '../contract/event-store.contract';
import { CommandIdReused, WrongExpectedVersion } from '../errors';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { MAX_READ_ALL_LIMIT, SqliteEventStore } from './sqlite-event-store';
import { appendRequest, newEvents } from '../contract/append-fixtures.testing';

/** A clock that moves one second per reading, so recordedAt values are distinct and predictable. */
function tickingClock(start = Date.parse('2025-03-01T09:00:00.000Z')): () => Date {
  let now = start;
  return () => new Date((now += 1000));
}

async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'actiemonitor-event-store-'));
}

eventStoreContract('SqliteEventStore (:memory:)', async () => {
  const database = SqliteEventStore.openDatabase(':memory:');
  const store = new SqliteEventStore({ database, clock: tickingClock() });
  return {
    store,
    cleanup: async () => {
      await store.close();
      database.close();
    },
  };
});

eventStoreContract('SqliteEventStore (file)', async () => {
  const dir = await makeTempDir();
  const database = SqliteEventStore.openDatabase(join(dir, 'events.sqlite'));
  const store = new SqliteEventStore({ database, clock: () => new Date() });
  return {
    store,
    cleanup: async () => {
      await store.close();
      database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore on a file', () => {
  let dir: string;
  let file: string;
  const openDatabases: Database.Database[] = [];

  function open(clock: () => Date = () => new Date()): { db: Database.Database; store: SqliteEventStore } {
    const db = SqliteEventStore.openDatabase(file);
    openDatabases.push(db);
    return { db, store: new SqliteEventStore({ database: db, clock }) };
  }

  beforeEach(async () => {
    dir = await makeTempDir();
    file = join(dir, 'nested', 'dir', 'actiemonitor.sqlite');
  });

  afterEach(async () => {
    for (const db of openDatabases.splice(0)) if (db.open) db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates missing directories and sets WAL, synchronous FULL, foreign keys, a busy timeout, its checkpoint interval and temporary storage', () => {
    const { db } = open();

    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
  });

  it('keeps its events across close and reopen, and continues the chain after restart', async () => {
    const first = open();
    await first.store.append(appendRequest('plan-1', newEvents(3), 0));
    const headHashBefore = first.store.lastEventHash();
    first.db.close();

    const second = open();
    expect(await second.store.headPosition()).toBe(3n);
    expect(second.store.lastEventHash()).toBe(headHashBefore);
    const result = await second.store.append(appendRequest('plan-1', newEvents(1), 3));

    expect(result.lastPosition).toBe(4n);
    expect(verifyChain(second.store.iterateAll(0n))).toEqual({ ok: true, count: 4, headHash: second.store.lastEventHash() });
  });

  it('migrates idempotently on an existing database', async () => {
    const { db, store } = open();
    await store.append(appendRequest('plan-1', newEvents(1), 0));

    const again = new SqliteEventStore({ database: db, clock: () => new Date() });
    again.migrate();

    expect(await again.headPosition()).toBe(1n);
  });

  it('brings a file of an earlier release to this schema: commands kept in a table without rowid, stream versions read from the events', async () => {
    const { db, store } = open();
    const first = appendRequest('plan-1', newEvents(2), 0);
    await store.append(first);
    await store.append(appendRequest('plan-2', newEvents(1), 0));
    // The earlier release's tables: commands with a rowid, and a row per stream holding its version.
    db.exec(`
      CREATE TABLE commands_old (command_id TEXT PRIMARY KEY, stream_id TEXT NOT NULL, next_version INTEGER NOT NULL, last_position INTEGER NOT NULL);
      INSERT INTO commands_old SELECT * FROM commands;
      DROP TABLE commands;
      ALTER TABLE commands_old RENAME TO commands;
      CREATE TABLE streams (stream_id TEXT PRIMARY KEY, version INTEGER NOT NULL);
      INSERT INTO streams VALUES ('plan-1', 2), ('plan-2', 1);
    `);

    const upgraded = new SqliteEventStore({ database: db, clock: () => new Date() });

    const tables = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all();
    expect(tables.map((t) => t.name)).not.toContain('streams');
    expect(tables.find((t) => t.name === 'commands')?.sql).toMatch(/WITHOUT ROWID/);
    expect(await upgraded.findCommand(first.commandId)).toEqual({ streamId: 'plan-1', nextVersion: 2, lastPosition: 2n });
    expect(await upgraded.streamVersion('plan-1')).toBe(2);
    expect(await upgraded.streamVersion('plan-2')).toBe(1);
    await expect(upgraded.append(appendRequest('plan-1', newEvents(1), 1))).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(await upgraded.append({ ...appendRequest('plan-1', newEvents(1), 0), commandId: first.commandId })).toMatchObject({
      duplicate: true,
      nextVersion: 2,
    });
    expect(await upgraded.append(appendRequest('plan-1', newEvents(1), 2))).toMatchObject({ nextVersion: 3, lastPosition: 4n });
    upgraded.migrate(); // and again on the next start: nothing left to change
    expect(await upgraded.streamVersion('plan-1')).toBe(3);
  });

  it('keeps one chain when two connections append to the same file', async () => {
    const a = open();
    const b = open();
    await a.store.append(appendRequest('plan-a', newEvents(2)));
    await b.store.append(appendRequest('plan-b', newEvents(2)));
    await a.store.append(appendRequest('plan-a', newEvents(1)));

    const log = await a.store.readAll({ after: 0n, limit: 100 });
    expect(log.map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(verifyChain(log)).toMatchObject({ ok: true, count: 5 });
  });

  it('refuses UPDATE and DELETE on events through the connection', async () => {
    const { db, store } = open();
    await store.append(appendRequest('plan-1', newEvents(2)));

    expect(() => db.prepare(`UPDATE events SET data = '{}' WHERE position = 2`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events WHERE position = 2').run()).toThrow(/append-only/);
  });

  it('lets verifyChain find an event altered behind the store at its position', async () => {
    const { db, store } = open();
    await store.append(appendRequest('plan-1', newEvents(3)));
    expect(verifyChain(store.iterateAll(0n))).toMatchObject({ ok: true, count: 3 });

    // What someone with the file and the sqlite3 shell can do: drop the guard, then edit.
    db.exec('DROP TRIGGER events_refuse_update');
    db.prepare(`UPDATE events SET data = '{"index":99}' WHERE position = 2`).run();

    const verification = verifyChain(store.iterateAll(0n));
    expect(verification).toMatchObject({ ok: false, position: 2n });
  });

  it('loses no acknowledged append when the writing process is killed with SIGKILL', async () => {
    const { db } = open(); // creates the file and schema before the child starts
    db.close();

    const acknowledged = await runAppenderAndKillIt(file, 300);

    expect(acknowledged.length).toBeGreaterThan(0);
    const { store } = open();
    const positions = new Set((await store.readAll({ after: 0n, limit: MAX_READ_ALL_LIMIT })).map((e) => e.position));
    for (const position of acknowledged) expect(positions.has(position)).toBe(true);
    expect(verifyChain(store.iterateAll(0n))).toMatchObject({ ok: true });
  }, 10_000);
});

describe('SqliteEventStore specifics', () => {
  let db: Database.Database;

  beforeEach(() => {
    db = SqliteEventStore.openDatabase(':memory:');
  });

  afterEach(() => {
    if (db.open) db.close();
  });

  it('reports GENESIS_HASH as the last hash of an empty log, then the head event hash', async () => {
    const store = new SqliteEventStore({ database: db, clock: tickingClock() });
    expect(store.lastEventHash()).toBe(GENESIS_HASH);

    await store.append(appendRequest('plan-1', newEvents(2)));

    const [, last] = await store.readAll({ after: 0n, limit: 10 });
    expect(store.lastEventHash()).toBe(last.hash);
  });

  it('iterates the whole log in batches, from a position, while the connection stays usable for writes', async () => {
    const store = new SqliteEventStore({ database: db, clock: tickingClock() });
    await store.append(appendRequest('plan-1', newEvents(25)));
    db.exec('CREATE TABLE projection_rows (position INTEGER PRIMARY KEY)');
    const insertRow = db.prepare('INSERT INTO projection_rows (position) VALUES (?)');

    const seen: bigint[] = [];
    for (const event of store.iterateAll(0n, 7)) {
      insertRow.run(event.position); // a projection writing as it replays
      seen.push(event.position);
    }

    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => BigInt(i + 1)));
    expect([...store.iterateAll(20n, 7)].map((e) => e.position)).toEqual([21n, 22n, 23n, 24n, 25n]);
    expect([...store.iterateAll(25n)]).toEqual([]);
  });

  it('never records an event earlier than the one before it, even when the clock steps back', async () => {
    const readings = ['2025-03-01T10:00:00.000Z', '2025-03-01T09:00:00.000Z', '2025-03-01T11:00:00.000Z'];
    const store = new SqliteEventStore({ database: db, clock: () => new Date(readings.shift() as string) });
    for (let i = 0; i < 3; i += 1) await store.append(appendRequest('plan-1', newEvents(1)));

    const log = await store.readAll({ after: 0n, limit: 10 });

    expect(log.map((e) => e.metadata.recordedAt)).toEqual([
      '2025-03-01T10:00:00.000Z',
      '2025-03-01T10:00:00.000Z',
      '2025-03-01T11:00:00.000Z',
    ]);
  });

  it('compares recordedUpTo as an instant, whatever its ISO spelling', async () => {
    const readings = ['2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.500Z'];
    const store = new SqliteEventStore({ database: db, clock: () => new Date(readings.shift() as string) });
    await store.append(appendRequest('plan-1', newEvents(1)));
    await store.append(appendRequest('plan-1', newEvents(1)));

    // As strings "…00.500Z" <= "…00Z" would hold; as instants the second event is later.
    expect(await store.readAll({ after: 0n, limit: 10, recordedUpTo: '2025-03-01T10:00:00Z' })).toHaveLength(1);
    expect(await store.readAll({ after: 0n, limit: 10, recordedUpTo: '2025-03-01T11:00:00+01:00' })).toHaveLength(1);
    await expect(store.readAll({ after: 0n, limit: 10, recordedUpTo: 'gisteren' })).rejects.toBeInstanceOf(RangeError);
  });

  it(`caps a readAll page at ${MAX_READ_ALL_LIMIT} events and refuses a limit below 1`, async () => {
    const store = new SqliteEventStore({ database: db, clock: tickingClock() });
    await store.append(appendRequest('plan-big', newEvents(MAX_READ_ALL_LIMIT + 1)));

    expect(await store.readAll({ after: 0n, limit: MAX_READ_ALL_LIMIT + 500 })).toHaveLength(MAX_READ_ALL_LIMIT);
    expect([...store.iterateAll(0n, 50_000)]).toHaveLength(MAX_READ_ALL_LIMIT + 1);
    await expect(store.readAll({ after: 0n, limit: 0 })).rejects.toBeInstanceOf(RangeError);
  });

  it('commits concurrent appends together, each with its own outcome: a refused one fails alone', async () => {
    const store = new SqliteEventStore({ database: db, clock: tickingClock() });
    await store.append(appendRequest('action-b', newEvents(1)));
    const reused = appendRequest('action-d', newEvents(1));
    await store.append(reused);

    const stale = appendRequest('action-b', newEvents(1), 0); // stale: action-b is at version 1
    const outcomes = await Promise.allSettled([
      store.append(appendRequest('action-a', newEvents(2), 0)),
      store.append(stale),
      store.append(appendRequest('action-c', newEvents(1), 0)),
      store.append({ ...appendRequest('action-e', newEvents(1)), commandId: reused.commandId }), // id of another stream's command
      store.append(appendRequest('action-a', newEvents(1), 2)), // sees the first append of the group
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersion);
    expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(CommandIdReused);
    expect(await store.streamVersion('action-a')).toBe(3);
    expect(await store.streamVersion('action-b')).toBe(1);
    expect(await store.streamVersion('action-c')).toBe(1);
    expect(await store.streamVersion('action-e')).toBe(0);
    const log = await store.readAll({ after: 0n, limit: 100 });
    expect(log.map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect(verifyChain(log).ok).toBe(true);
    // The refused append's command id was rolled back with it: corrected, it goes through.
    expect(await store.append({ ...stale, expectedVersion: 1 })).toEqual({
      streamId: 'action-b',
      nextVersion: 2,
      lastPosition: 7n,
      duplicate: false,
    });
  });

  it('answers no append of a group before its commit, and refuses them all when the commit fails', async () => {
    const store = new SqliteEventStore({ database: db, clock: tickingClock() });
    const first = store.append(appendRequest('action-x', newEvents(1)));
    const second = store.append(appendRequest('action-y', newEvents(1)));
    let settled = false;
    void Promise.allSettled([first, second]).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false); // queued for the group commit, not yet written
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
    await Promise.all([first, second]);
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 2 });

    db.exec(
      "CREATE TRIGGER fail_commit BEFORE INSERT ON commands WHEN NEW.stream_id = 'action-bad' BEGIN SELECT RAISE(ROLLBACK, 'disk gone'); END;",
    );
    const outcomes = await Promise.allSettled([
      store.append(appendRequest('action-ok', newEvents(1))),
      store.append(appendRequest('action-bad', newEvents(1))),
    ]);
    // RAISE(ROLLBACK) undoes the whole transaction, as an I/O error would: nothing of the group stands.
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await store.streamVersion('action-ok')).toBe(0);
    expect(db.inTransaction).toBe(false);
  });

  it('leaves nothing of an append that fails alone in its transaction, and goes on appending', async () => {
    const store = new SqliteEventStore({ database: db, clock: tickingClock() });
    // Fails at the second event, after the command id and the first event were written: a group of one
    // runs without a savepoint of its own.
    db.exec(
      "CREATE TRIGGER fail_event BEFORE INSERT ON events WHEN NEW.stream_id = 'action-bad' AND NEW.version = 2 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
    );

    // Matched by message: SQLite's error class may come from another test file's module registry.
    await expect(store.append(appendRequest('action-bad', newEvents(2)))).rejects.toMatchObject({ message: 'refused' });

    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM commands').get()).toEqual({ n: 0 });
    expect(db.inTransaction).toBe(false);
    const next = await store.append(appendRequest('action-good', newEvents(1), 0));
    expect(next).toMatchObject({ nextVersion: 1, lastPosition: 1n });
    expect(verifyChain(await store.readAll({ after: 0n, limit: 10 })).ok).toBe(true);
  });

  it('leaves the shared connection open on close unless it owns it', async () => {
    const borrowing = new SqliteEventStore({ database: db, clock: tickingClock() });
    await borrowing.close();
    expect(db.open).toBe(true);
    await expect(borrowing.headPosition()).rejects.toThrow(/closed/);

    const owning = new SqliteEventStore({ database: db, clock: tickingClock(), ownsDatabase: true });
    await owning.close();
    expect(db.open).toBe(false);
  });
});

/**
 * Runs the real SqliteEventStore in a child process that appends one event per transaction and prints
 * each acknowledged position, then SIGKILLs it mid-stream. The child loads the TypeScript sources
 * through typescript.transpileModule, so it exercises exactly the code under test.
 * (A process kill proves commit-before-acknowledge; power loss is what synchronous=FULL adds on top.)
 */
function runAppenderAndKillIt(file: string, runForMs: number): Promise<bigint[]> {
  const child = spawn(process.execPath, ['-e', childAppenderScript(file)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let killTimer: NodeJS.Timeout | undefined;
  return new Promise((resolvePositions, reject) => {
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child never acknowledged an append; stderr: ${stderr}`));
    }, 8000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      // Start the clock at the first acknowledgement, not at spawn: loading TypeScript takes a while.
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), runForMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (_code, signal) => {
      clearTimeout(giveUp);
      if (killTimer) clearTimeout(killTimer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`child exited on its own (${signal ?? _code}); stderr: ${stderr}`));
        return;
      }
      // Only complete lines: a position whose newline never made it out was not acknowledged.
      const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
      resolvePositions(
        complete
          .split('\n')
          .filter(Boolean)
          .map((line) => BigInt(line)),
      );
    });
  });
}

function childAppenderScript(file: string): string {
  const paths = {
    typescript: require.resolve('typescript'),
    store: require.resolve('./sqlite-event-store'),
    file,
  };
  return `
    const fs = require('fs');
    const ts = require(${JSON.stringify(paths.typescript)});
    require.extensions['.ts'] = (module, filename) => {
      const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: filename,
      });
      module._compile(outputText, filename);
    };
    const { SqliteEventStore } = require(${JSON.stringify(paths.store)});
    const store = new SqliteEventStore({
      database: SqliteEventStore.openDatabase(${JSON.stringify(paths.file)}),
      clock: () => new Date(),
    });
    (async () => {
      for (let version = 0; ; version++) {
        const result = await store.append({
          streamId: 'plan-crash', expectedVersion: version, commandId: 'cmd-' + version, correlationId: 'corr',
          actor: { id: 'system', partnerId: null, role: 'SYSTEM' },
          events: [{ type: 'ProgressReported', schemaVersion: 1, data: { version } }],
        });
        process.stdout.write(result.lastPosition + '\\n'); // synchronous on a pipe (Linux): printed = acknowledged
      }
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
}
