'use strict';
/**
 * Durable single-event appends, three ways, in one process, alternating in rounds so that a burst of
 * noise from other work on the machine hits all three alike (the medians are reported):
 *
 *  - raw:     bare better-sqlite3, one INSERT of one row per transaction (BEGIN IMMEDIATE .. COMMIT),
 *             on a connection opened with the product's own SqliteEventStore.openDatabase (WAL,
 *             synchronous=FULL): every commit is one fsync of the WAL. Nothing else: the limit.
 *  - emmett:  Emmett's SQLite event store (@event-driven-io/emmett-sqlite 0.38.5 on sqlite3), one
 *             appendToStream of one ActionStatusChanged event with expectedStreamVersion, as Emmett's
 *             own command handling does after reading the stream. Emmett opens its file with WAL
 *             and SQLite's default synchronous (FULL in the sqlite3 build; checked and reported).
 *  - product: the command path in-process through the built Nest application context (the API's own
 *             ApplicationModule and PersistenceModule, no HTTP): CommandBus → ActionCommandHandler →
 *             StreamCommandExecutor (findCommand, readStream + fold, decide, append with expected
 *             version, projector catch-up = read models written and checkpointed) on the store with
 *             the full generated history. One changeActionStatus per command, with expectedVersion.
 *
 * Message in: { workDir, productDb, actionIds, rounds, seconds, warmupSeconds }.
 */
require('reflect-metadata');
const { existsSync, mkdirSync, rmSync, statSync } = require('node:fs');
const { join, dirname } = require('node:path');
const { product, median } = require('./common');

// Emmett's withTransaction console.logs every error it rolls back; they are counted instead (see below).
console.log = () => undefined;

process.on('message', async (message) => {
  try {
    const result = await run(message);
    process.send({ ok: true, result }, () => process.exit(0));
  } catch (error) {
    process.send({ ok: false, error: String(error && error.stack ? error.stack : error) }, () => process.exit(1));
  }
});

const STATUSES = ['IN_PROGRESS', 'AT_RISK'];

async function run({ workDir, productDb, actionIds, rounds, seconds, warmupSeconds }) {
  const kinds = {
    raw: await rawAppender(workDir),
    emmett: await emmettAppender(workDir, actionIds),
    product: await productAppender(productDb, actionIds),
  };
  try {
    for (const kind of Object.values(kinds)) await timed(kind.append, warmupSeconds);
    const samples = { raw: [], emmett: [], product: [] };
    for (let r = 0; r < rounds; r++) {
      for (const [name, kind] of Object.entries(kinds)) {
        samples[name].push(await timed(kind.append, seconds));
        process.stderr.write(`[bench append] round ${r + 1} ${name}: ${Math.round(samples[name][r])}/s\n`);
      }
    }
    return {
      rawTxPerSec: median(samples.raw),
      emmettEventsPerSec: median(samples.emmett),
      productEventsPerSec: median(samples.product),
      samples,
      emmettSynchronous: kinds.emmett.synchronous,
      productWalMbAtStart: kinds.product.walMbAtStart,
      emmettFailedCommits: kinds.emmett.failures.count,
      emmettFirstFailure: kinds.emmett.failures.first,
      rawSynchronous: kinds.raw.synchronous,
    };
  } finally {
    for (const kind of Object.values(kinds)) await kind.close();
  }
}

/** Sequential appends for `seconds`; returns appends per second. */
async function timed(append, seconds) {
  const started = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  let n = 0;
  let elapsed;
  do {
    await append();
    n += 1;
    elapsed = process.hrtime.bigint() - started;
  } while (elapsed < limit);
  return n / (Number(elapsed) / 1e9);
}

function statusChange(actionId, i) {
  return {
    actionId,
    status: STATUSES[i % 2],
    previousStatus: STATUSES[(i + 1) % 2],
    note: `Benchmark-rapportage nr. ${i}: pilot loopt in vier regio’s, tussenevaluatie volgt`,
  };
}

async function rawAppender(workDir) {
  const { SqliteEventStore } = product('libs/event-store/src');
  const file = join(workDir, 'raw', 'raw.sqlite');
  rmSync(dirname(file), { recursive: true, force: true });
  mkdirSync(dirname(file), { recursive: true });
  const db = SqliteEventStore.openDatabase(file);
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL)`);
  const insert = db.prepare('INSERT INTO events (stream_id, version, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?)');
  const tx = db.transaction((i) => {
    const metadata = JSON.stringify({
      actor: { id: 'tok-bench', partnerId: 'VWS', role: 'COORDINATOR' },
      commandId: `raw-${i}`,
      correlationId: `raw-${i}`,
      recordedAt: new Date().toISOString(),
    });
    insert.run(
      `action-raw-${i % 500}`,
      i,
      'ActionStatusChanged',
      JSON.stringify(statusChange(`raw-${i % 500}`, i)),
      metadata,
      new Date().toISOString(),
    );
  });
  let i = 0;
  return {
    synchronous: db.pragma('synchronous', { simple: true }),
    append: async () => tx.immediate(++i),
    close: async () => db.close(),
  };
}

async function emmettAppender(workDir, actionIds) {
  const { getSQLiteEventStore } = require('@event-driven-io/emmett-sqlite');
  const sqlite3 = require('sqlite3');
  const file = join(workDir, 'emmett', 'emmett.sqlite');
  rmSync(dirname(file), { recursive: true, force: true });
  mkdirSync(dirname(file), { recursive: true });
  const store = getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } });
  const versions = new Map(actionIds.map((id) => [id, 0n]));
  let i = 0;
  const failures = { count: 0, first: null };
  const append = async () => {
    const actionId = actionIds[i % actionIds.length];
    i += 1;
    // Emmett on sqlite3 sometimes fails a commit with SQLITE_BUSY "SQL statements in progress" (its
    // INSERT .. RETURNING statement is finalised asynchronously). It rolls back, so retrying with the
    // same expected version is correct; failures are counted and reported, their time included.
    for (;;) {
      try {
        const result = await store.appendToStream(
          `action-${actionId}`,
          [{ type: 'ActionStatusChanged', data: statusChange(actionId, i) }],
          {
            expectedStreamVersion: versions.get(actionId),
          },
        );
        versions.set(actionId, result.nextExpectedStreamVersion);
        return;
      } catch (error) {
        failures.count += 1;
        failures.first ??= String(error && error.message);
        if (failures.count > 1000) throw error;
      }
    }
  };
  await append(); // creates the schema
  const synchronous = await new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file);
    db.get('PRAGMA synchronous', (error, row) => {
      db.close();
      if (error) reject(error);
      else resolve(row.synchronous);
    });
  });
  return { synchronous, failures, append, close: async () => undefined };
}

async function productAppender(databaseFile, actionIds) {
  const { NestFactory } = require('@nestjs/core');
  const { Module } = require('@nestjs/common');
  const { CommandBus } = require('@nestjs/cqrs');
  const { loadConfiguration } = product('config/src');
  const { PersistenceModule, SQLITE_DATABASE } = product('libs/platform/src');
  const { ApplicationModule, ExecuteActionCommand, READ_MODEL_QUERIES } = product('libs/application/src');
  const config = loadConfiguration({ DATA_DIR: dirname(databaseFile), LOG_LEVEL: 'silent', IMPORT_ON_START: 'false' });
  class AppendBenchModule {}
  Module({ imports: [PersistenceModule.forRoot({ config, databaseFile }), ApplicationModule] })(AppendBenchModule);
  // Start from a checkpointed file (the server that used it last may have left a WAL behind).
  const walFile = `${databaseFile}-wal`;
  const walMbAtStart = existsSync(walFile) ? statSync(walFile).size / 1048576 : 0;
  const app = await NestFactory.createApplicationContext(AppendBenchModule, { logger: false });
  app.get(SQLITE_DATABASE).pragma('wal_checkpoint(TRUNCATE)');
  const commandBus = app.get(CommandBus);
  const readModels = app.get(READ_MODEL_QUERIES);
  const versions = new Map(actionIds.map((id) => [id, readModels.action(id).version]));
  const actor = { id: 'tok-bench-append', partnerId: 'VWS', role: 'COORDINATOR' };
  const runId = Date.now().toString(36);
  let i = 0;
  const append = async () => {
    const actionId = actionIds[i % actionIds.length];
    i += 1;
    const change = statusChange(actionId, i);
    const outcome = await commandBus.execute(
      new ExecuteActionCommand(
        { type: 'ChangeActionStatus', actionId, status: change.status, note: change.note },
        { actor, commandId: `append-${runId}-${i}`, correlationId: `append-${runId}-${i}`, expectedVersion: versions.get(actionId) },
      ),
    );
    if (outcome.duplicate || outcome.version !== versions.get(actionId) + 1)
      throw new Error(`unexpected outcome ${JSON.stringify(outcome, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
    versions.set(actionId, outcome.version);
  };
  return { append, walMbAtStart, close: () => app.close() };
}
