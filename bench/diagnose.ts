/**
 * Where the time goes, step by step, for the figures that miss their goals. Run after `npm run bench`
 * (it works on bench/.cache/work/actiemonitor.sqlite, the run's scratch copy holding the whole history
 * and its read models, and adds a few hundred events to it):
 *
 *   node bench/.cache/build/bench/diagnose.js     # or dist/bench/diagnose.js after npm run build
 *
 * 1. The write path: the product's own StreamCommandExecutor and ActionCommandHandler, wired by hand
 *    with timing wrappers around the store and projector methods, so each step of one
 *    changeActionStatus (findCommand, knownPartners, readStream, append, projector catch-up) is timed.
 *    Also the rows each command changes (SQLite's total_changes()): issue 16 asks that no statement on
 *    the write path touch a number of rows that grows with the history; compare this line across sizes.
 * 2. The projector's batch: the statements it runs per batch, timed one by one, with their query plans.
 * 3. Time travel: the statements behind actionAsOf / partnerStatusesAsOf, with their query plans, and
 *    their timings at random instants.
 * 4. Per-request helpers seen in the profiles (dutchCalendarDate).
 */
import 'reflect-metadata';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import {
  ActionCommandHandler,
  DomainContextService,
  ExecuteActionCommand,
  ReadModelFreshness,
  StreamCommandExecutor,
} from '@actiemonitor/application';
import type { Projector } from '@actiemonitor/application';
import { SqliteEventStore, WAL_AUTOCHECKPOINT_PAGES, WRITE_PATH_READS } from '@actiemonitor/event-store';
import type { Actor, RecordedEvent } from '@actiemonitor/event-store';
import { contributionsAsOfSql, dutchCalendarDate, SqliteProjector, SqliteReadModelQueries } from '@actiemonitor/read-models';
import { CACHE, percentile, rng, round } from './lib/common';

type Timings = Record<string, number[]>;

async function main(): Promise<void> {
  // The bench's scratch copy (every run makes it anew): the commands below add a few hundred events to it.
  const file = join(CACHE, 'work', 'actiemonitor.sqlite');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run bench first`);

  const db = SqliteEventStore.openDatabase(file);
  const timings: Timings = {};
  const record = (name: string, ms: number) => (timings[name] ??= []).push(ms);
  const timedSync = <T>(name: string, fn: () => T): T => {
    const t = process.hrtime.bigint();
    try {
      return fn();
    } finally {
      record(name, Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  // Wired as libs/platform's sqliteProviders: when the projector can apply inside the append's
  // transaction (applyAppended), the store hands it the appended events there.
  let projector: SqliteProjector | null = null;
  const inline = typeof SqliteProjector.prototype.applyAppended === 'function';
  const store = new SqliteEventStore({
    database: db,
    clock: () => new Date(),
    onAppended: inline
      ? (events: RecordedEvent[]) =>
          timedSync('  of which projector.applyAppended (inside the append transaction)', () => projector?.applyAppended(events))
      : undefined,
  });
  const liveProjector = new SqliteProjector(db, store);
  projector = liveProjector;
  const queries = new SqliteReadModelQueries(db, store);
  const head = Number(await store.headPosition());
  console.log(
    `store: ${head} events; rm_status_counts ${count(db, 'rm_status_counts')} rows; events per action stream ${round(head / count(db, 'rm_actions'), 1)}; rm_status_history ${count(db, 'rm_status_history')} rows; rm_actions ${count(db, 'rm_actions')} rows`,
  );

  // ── 1. The write path, step by step ──
  const timed =
    <Args extends unknown[], Result>(name: string, fn: (...args: Args) => Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      const t = process.hrtime.bigint();
      try {
        return await fn(...args);
      } finally {
        record(name, Number(process.hrtime.bigint() - t) / 1e6);
      }
    };
  // The store and the read models with some methods timed; everything else is the original's (prototype).
  const timedStore = Object.create(store) as SqliteEventStore;
  timedStore.findCommand = timed('store.findCommand', store.findCommand.bind(store));
  timedStore.readStream = timed('store.readStream', store.readStream.bind(store));
  timedStore.append = timed('store.append', store.append.bind(store));
  const timedProjector: Projector = {
    catchUp: timed('projector.catchUp', () => liveProjector.catchUp()),
    checkpoint: () => liveProjector.checkpoint(),
    applyBatch: (events) => liveProjector.applyBatch(events),
  };
  const timedQueries = Object.create(queries) as SqliteReadModelQueries;
  timedQueries.partners = () => timedSync('readModels.partners (knownPartners)', () => queries.partners());
  const executor = new StreamCommandExecutor(timedStore, new ReadModelFreshness(timedStore, timedProjector, console));
  // Status changes only: the handler's command bus (for measurements from approved updates) is never used.
  const noFurtherCommands = {
    execute: () => Promise.reject(new Error('diagnose sends no approvals')),
  } as unknown as ConstructorParameters<typeof ActionCommandHandler>[2];
  const handler = new ActionCommandHandler(executor, new DomainContextService(timedStore, timedQueries), noFurtherCommands, timedQueries);
  const ids = db.prepare<[], string>('SELECT id FROM rm_actions ORDER BY id LIMIT 300 OFFSET 1000').pluck().all();
  const actor: Actor = { id: 'tok-diagnose', partnerId: 'VWS', role: 'COORDINATOR' };
  let n = 0;
  const totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  let rowsChanged: number[] = [];
  // `flip`: every command changes its action's status (a status-history row and the counts move too);
  // otherwise each action keeps its status and the command is a report with a new note (as the bench's
  // one-at-a-time commands, whose 128 actions keep theirs).
  const run = async (rounds: number, flip = false) => {
    for (let r = 0; r < rounds; r++) {
      for (const id of ids) {
        n += 1;
        const inProgress = flip ? (n + r) % 2 === 0 : n % 2 === 1;
        const before = totalChanges.get() as number;
        await timed('command total', () =>
          handler.execute(
            new ExecuteActionCommand(
              { type: 'ChangeActionStatus', actionId: id, status: inProgress ? 'IN_PROGRESS' : 'AT_RISK', note: `diagnose ${n}` },
              { actor, commandId: `diagnose-${Date.now()}-${n}`, correlationId: `diagnose-${n}` },
            ),
          ),
        )();
        rowsChanged.push((totalChanges.get() as number) - before);
      }
    }
  };
  // Every page a commit changes is one frame appended to the WAL: with checkpoints held off for the
  // measured commands, the WAL's length counts them (what the commit writes and fsyncs, against the
  // bare transaction's one or two).
  const pagesAndRows = async (flip: boolean) => {
    rowsChanged = [];
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
    await run(2, flip);
    const walFrames = (statSync(`${file}-wal`).size - 32) / ((db.pragma('page_size', { simple: true }) as number) + 24);
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    return `rows changed median ${percentile(rowsChanged, 50)}, max ${Math.max(...rowsChanged)}; WAL pages ${round(walFrames / rowsChanged.length, 1)}`;
  };
  await run(1); // warm-up
  for (const k of Object.keys(timings)) delete timings[k];
  const reports = await pagesAndRows(false);
  console.log(
    `\n1. One changeActionStatus through StreamCommandExecutor (${timings['command total'].length} commands, sequential; projection ${inline ? 'inside the append transaction' : 'in its own transaction'}), ms per command:`,
  );
  printTimings(timings);
  console.log(`   per command at ${head} events (SQLite's total_changes(), and the frames each commit adds to the WAL):`);
  console.log(`   - a report, status kept (event, command id, action view, checkpoint): ${reports}`);
  console.log(`   - a status change (also a status-history row and the status counts): ${await pagesAndRows(true)}`);

  const explain = (sql: string, ...params: unknown[]) =>
    db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((r) => r.detail)
      .join('; ');
  const someStream = `action-${ids[0]}`;
  for (const [name, sql] of Object.entries(WRITE_PATH_READS))
    console.log(
      `   plan of the append's ${name} read: ${explain(sql, name === 'command' ? 'x' : someStream)}${name === 'versionAndHead' ? ' (the head backwards by the rowid, LIMIT 1: one row)' : ''}`,
    );

  // ── 2. The projector's statements per batch ──
  console.log('\n2. Statements the projector runs per batch (outside a transaction, so without the commit):');
  const time = (label: string, fn: () => unknown, times = 50) => {
    const list: number[] = [];
    for (let i = 0; i < times; i++) {
      const t = process.hrtime.bigint();
      fn();
      list.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    console.log(`   ${label}: median ${round(percentile(list, 50), 3)} ms, p99 ${round(percentile(list, 99), 3)} ms`);
  };
  type Cell = [string, string, string, string];
  const cell: Cell = db.prepare<[], Cell>('SELECT plan_id, partner_id, status, deadline_end FROM rm_status_counts LIMIT 1').raw().get() ?? [
    '*',
    'x',
    'NOT_REPORTED',
    '',
  ];
  const dropEmpty = 'DELETE FROM rm_status_counts WHERE plan_id = ? AND partner_id = ? AND status = ? AND deadline_end = ? AND count = 0';
  console.log(`   plan of the per-cell delete of an emptied cell: ${explain(dropEmpty, ...cell)}`);
  db.exec('BEGIN');
  time('per-cell delete of an emptied cell', () => db.prepare<Cell>(dropEmpty).run(...cell), 200);
  db.exec('ROLLBACK');
  const fsyncOnly = db.transaction(() =>
    db
      .prepare(
        "INSERT INTO rm_checkpoints (projection, position) VALUES ('diagnose', 0) ON CONFLICT (projection) DO UPDATE SET position = position + 1",
      )
      .run(),
  );
  time('one-row transaction on this file (the cost of a durable commit, WAL + FULL)', () => fsyncOnly.immediate(), 200);
  db.prepare("DELETE FROM rm_checkpoints WHERE projection = 'diagnose'").run();

  // ── 3. Time travel ──
  const range = db
    .prepare<[], { first: string; last: string }>('SELECT min(recorded_at) AS first, max(recorded_at) AS last FROM events')
    .get() ?? { first: '', last: '' };
  const random = rng(99);
  const instants = Array.from({ length: 10 }, () =>
    new Date(Date.parse(range.first) + random() * (Date.parse(range.last) - Date.parse(range.first))).toISOString(),
  );
  const plans = db.prepare<[], string>('SELECT DISTINCT plan_id FROM rm_action_memberships LIMIT 3').pluck().all();
  const plan = plans[2] ?? plans[0];
  const contributions = contributionsAsOfSql('sqlite', plan).sql;
  console.log('\n3. Time travel');
  console.log(`   plan of contributionsAsOf (partnerStatuses(asOf), one plan): ${explain(contributions, instants[0], plan)}`);
  for (const asOf of instants.slice(0, 5)) {
    const t2 = process.hrtime.bigint();
    const asOfActions = (await queries.actionsAsOf({ planId: plan }, asOf)).length;
    const actionsMs = Number(process.hrtime.bigint() - t2) / 1e6;
    const t3 = process.hrtime.bigint();
    queries.partnerStatusesAsOf(plan, asOf, dutchCalendarDate(new Date(asOf)));
    const statusesMs = Number(process.hrtime.bigint() - t3) / 1e6;
    const t4 = process.hrtime.bigint();
    queries.partnerStatusesAsOf(null, asOf, dutchCalendarDate(new Date(asOf)));
    const allMs = Number(process.hrtime.bigint() - t4) / 1e6;
    console.log(
      `   asOf ${asOf}: partnerStatusesAsOf(one plan) ${round(statusesMs, 1)} ms, (all plans) ${round(allMs, 1)} ms; ` +
        `actionsAsOf (one plan: a lookup per action of the plan) ${round(actionsMs, 1)} ms → ${asOfActions} actions`,
    );
  }

  // ── 4. Per-request helpers ──
  console.log('\n4. Per-request helpers');
  const now = new Date();
  time('dutchCalendarDate (remembered per second)', () => dutchCalendarDate(now), 2000);
  const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
  time('one Intl.DateTimeFormat.format', () => formatter.format(now), 2000);
  time('readModels.partners() (knownPartners when the read-model cache is cold)', () => queries.partners(), 500);
  time('partnerStatuses(null) (all plans)', () => queries.partnerStatuses(null, '2026-11-23'), 50);

  db.close();
}

function count(db: Database.Database, table: string): number {
  return Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
}

function printTimings(timings: Timings): void {
  for (const [name, list] of Object.entries(timings)) {
    const perCommand = list.reduce((a, b) => a + b, 0) / timings['command total'].length;
    console.log(
      `   ${name.padEnd(40)} ${String(round(perCommand, 3)).padStart(8)} ms/command   (p50 ${round(percentile(list, 50), 3)}, p99 ${round(percentile(list, 99), 3)} per call, ${list.length} calls)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
