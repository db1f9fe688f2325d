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
 * Message in: AppendMessage.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import type Database from 'better-sqlite3';
import { Database as Sqlite3Database } from 'sqlite3';
import { ApplicationModule, ExecuteActionCommand, READ_MODEL_QUERIES } from '@actiemonitor/application';
import type { CommandOutcome, ReadModelQueries } from '@actiemonitor/application';
import { loadConfiguration } from '@actiemonitor/config';
import type { ActionStatus } from '@actiemonitor/domain';
import { SqliteEventStore } from '@actiemonitor/event-store';
import type { Actor } from '@actiemonitor/event-store';
import { PersistenceModule, SQLITE_DATABASE } from '@actiemonitor/platform';
import { answerParent, median } from './common';

export interface AppendMessage {
  workDir: string;
  productDb: string;
  actionIds: string[];
  rounds: number;
  seconds: number;
  warmupSeconds: number;
}

type Kind = 'raw' | 'emmett' | 'product';

export interface AppendResult {
  rawTxPerSec: number;
  emmettEventsPerSec: number;
  productEventsPerSec: number;
  samples: Record<Kind, number[]>;
  emmettSynchronous: number;
  productWalMbAtStart: number;
  emmettFailedCommits: number;
  emmettFirstFailure: string | null;
  rawSynchronous: number;
}

interface Appender {
  append(): Promise<void>;
  close(): Promise<void>;
}

// Emmett's withTransaction console.logs every error it rolls back; they are counted instead (see below).
console.log = () => undefined;

answerParent<AppendMessage, AppendResult>(run);

const STATUSES: readonly ActionStatus[] = ['IN_PROGRESS', 'AT_RISK'];

async function run({ workDir, productDb, actionIds, rounds, seconds, warmupSeconds }: AppendMessage): Promise<AppendResult> {
  const raw = await rawAppender(workDir);
  const emmett = await emmettAppender(workDir, actionIds);
  const product = await productAppender(productDb, actionIds);
  const kinds: Record<Kind, Appender> = { raw, emmett, product };
  try {
    for (const kind of Object.values(kinds)) await timed(kind.append, warmupSeconds);
    const samples: Record<Kind, number[]> = { raw: [], emmett: [], product: [] };
    for (let r = 0; r < rounds; r++) {
      for (const [name, kind] of Object.entries(kinds) as [Kind, Appender][]) {
        samples[name].push(await timed(kind.append, seconds));
        process.stderr.write(`[bench append] round ${r + 1} ${name}: ${Math.round(samples[name][r])}/s\n`);
      }
    }
    return {
      rawTxPerSec: median(samples.raw),
      emmettEventsPerSec: median(samples.emmett),
      productEventsPerSec: median(samples.product),
      samples,
      emmettSynchronous: emmett.synchronous,
      productWalMbAtStart: product.walMbAtStart,
      emmettFailedCommits: emmett.failures.count,
      emmettFirstFailure: emmett.failures.first,
      rawSynchronous: raw.synchronous,
    };
  } finally {
    for (const kind of Object.values(kinds)) await kind.close();
  }
}

/** Sequential appends for `seconds`; returns appends per second. */
async function timed(append: () => Promise<void>, seconds: number): Promise<number> {
  const started = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  let n = 0;
  let elapsed: bigint;
  do {
    await append();
    n += 1;
    elapsed = process.hrtime.bigint() - started;
  } while (elapsed < limit);
  return n / (Number(elapsed) / 1e9);
}

function statusChange(actionId: string, i: number) {
  return {
    actionId,
    status: STATUSES[i % 2],
    previousStatus: STATUSES[(i + 1) % 2],
    note: `Benchmark-rapportage nr. ${i}: pilot loopt in vier regio’s, tussenevaluatie volgt`,
  };
}

async function rawAppender(workDir: string): Promise<Appender & { synchronous: number }> {
  const file = join(workDir, 'raw', 'raw.sqlite');
  rmSync(dirname(file), { recursive: true, force: true });
  mkdirSync(dirname(file), { recursive: true });
  const db: Database.Database = SqliteEventStore.openDatabase(file);
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL)`);
  const insert = db.prepare<[string, number, string, string, string, string]>(
    'INSERT INTO events (stream_id, version, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const tx = db.transaction((i: number) => {
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
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    append: async () => {
      tx.immediate(++i);
    },
    close: async () => {
      db.close();
    },
  };
}

async function emmettAppender(
  workDir: string,
  actionIds: readonly string[],
): Promise<Appender & { synchronous: number; failures: { count: number; first: string | null } }> {
  const file = join(workDir, 'emmett', 'emmett.sqlite');
  rmSync(dirname(file), { recursive: true, force: true });
  mkdirSync(dirname(file), { recursive: true });
  const store = getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } });
  const versions = new Map(actionIds.map((id) => [id, 0n]));
  let i = 0;
  const failures: { count: number; first: string | null } = { count: 0, first: null };
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
        failures.first ??= String(error instanceof Error ? error.message : undefined);
        if (failures.count > 1000) throw error;
      }
    }
  };
  await append(); // creates the schema
  const synchronous = await new Promise<number>((resolve, reject) => {
    const db = new Sqlite3Database(file);
    db.get<{ synchronous: number }>('PRAGMA synchronous', (error, row) => {
      db.close();
      if (error) reject(error);
      else resolve(row.synchronous);
    });
  });
  return { synchronous, failures, append, close: async () => undefined };
}

async function productAppender(databaseFile: string, actionIds: readonly string[]): Promise<Appender & { walMbAtStart: number }> {
  const config = loadConfiguration({ DATA_DIR: dirname(databaseFile), LOG_LEVEL: 'silent', IMPORT_ON_START: 'false' });
  class AppendBenchModule {}
  Module({ imports: [PersistenceModule.forRoot({ config, databaseFile }), ApplicationModule] })(AppendBenchModule);
  // Start from a checkpointed file (the server that used it last may have left a WAL behind).
  const walFile = `${databaseFile}-wal`;
  const walMbAtStart = existsSync(walFile) ? statSync(walFile).size / 1048576 : 0;
  const app = await NestFactory.createApplicationContext(AppendBenchModule, { logger: false });
  app.get<symbol, Database.Database>(SQLITE_DATABASE).pragma('wal_checkpoint(TRUNCATE)');
  const commandBus = app.get(CommandBus);
  const readModels = app.get<symbol, ReadModelQueries>(READ_MODEL_QUERIES);
  const versions = new Map<string, number>();
  for (const id of actionIds) {
    const action = await readModels.action(id);
    if (!action) throw new Error(`action ${id} is not in the read models`);
    versions.set(id, action.version);
  }
  const actor: Actor = { id: 'tok-bench-append', partnerId: 'VWS', role: 'COORDINATOR' };
  const runId = Date.now().toString(36);
  let i = 0;
  const append = async () => {
    const actionId = actionIds[i % actionIds.length];
    i += 1;
    const change = statusChange(actionId, i);
    const expectedVersion = versions.get(actionId);
    const outcome = await commandBus.execute<ExecuteActionCommand, CommandOutcome>(
      new ExecuteActionCommand(
        { type: 'ChangeActionStatus', actionId, status: change.status, note: change.note },
        { actor, commandId: `append-${runId}-${i}`, correlationId: `append-${runId}-${i}`, expectedVersion },
      ),
    );
    if (outcome.duplicate || expectedVersion === undefined || outcome.version !== expectedVersion + 1)
      throw new Error(`unexpected outcome ${JSON.stringify(outcome, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`);
    versions.set(actionId, outcome.version);
  };
  return { append, walMbAtStart, close: () => app.close() };
}
