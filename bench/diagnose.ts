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
 * 2. The projector's batch: the statements it runs per batch, timed one by one, with their query plans.
 * 3. Time travel: the statements behind actionAsOf / partnerStatusesAsOf, with their query plans and
 *    the number of rows they visit at random instants, and actionsAsOf, which partnerStatuses(asOf)
 *    also runs.
 * 4. Per-request helpers seen in the profiles (dutchCalendarDate).
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
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
import { SqliteEventStore } from '@actiemonitor/event-store';
import type { Actor, RecordedEvent } from '@actiemonitor/event-store';
import { dutchCalendarDate, SqliteProjector, SqliteReadModelQueries } from '@actiemonitor/read-models';
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
  const queries = new SqliteReadModelQueries(db);
  const head = Number(await store.headPosition());
  console.log(
    `store: ${head} events; rm_status_counts ${count(db, 'rm_status_counts')} rows; rm_action_history ${count(db, 'rm_action_history')} rows; rm_status_snapshots ${count(db, 'rm_status_snapshots')} rows; rm_actions ${count(db, 'rm_actions')} rows`,
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
  const run = async (rounds: number) => {
    for (let r = 0; r < rounds; r++) {
      for (const id of ids) {
        n += 1;
        await timed('command total', () =>
          handler.execute(
            new ExecuteActionCommand(
              { type: 'ChangeActionStatus', actionId: id, status: n % 2 ? 'IN_PROGRESS' : 'AT_RISK', note: `diagnose ${n}` },
              { actor, commandId: `diagnose-${Date.now()}-${n}`, correlationId: `diagnose-${n}` },
            ),
          ),
        )();
      }
    }
  };
  await run(1); // warm-up
  for (const k of Object.keys(timings)) delete timings[k];
  await run(2);
  console.log(
    `\n1. One changeActionStatus through StreamCommandExecutor (${timings['command total'].length} commands, sequential; projection ${inline ? 'inside the append transaction' : 'in its own transaction'}), ms per command:`,
  );
  printTimings(timings);

  // ── 2. The projector's statements per batch ──
  console.log('\n2. Statements the projector runs per batch (outside a transaction, so without the commit):');
  const explain = (sql: string, ...params: unknown[]) =>
    db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((r) => r.detail)
      .join('; ');
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
  const copySnapshot =
    'INSERT INTO rm_status_snapshots (position, plan_id, partner_id, status, deadline_end, count) SELECT ?, plan_id, partner_id, status, deadline_end, count FROM rm_status_counts';
  let copies = 0;
  db.exec('BEGIN');
  time('per-cell delete of an emptied cell', () => db.prepare<Cell>(dropEmpty).run(...cell), 200);
  time(
    `copy of the aggregate at a snapshot position (every 5,000 positions; ${count(db, 'rm_status_counts')} rows)`,
    () => db.prepare<[number]>(copySnapshot).run(-1 - copies++),
    3,
  );
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
  // As the product runs it: bounded by the next snapshot after asOf.
  const versionsBetween = `SELECT action_id, position, doc FROM rm_action_history WHERE position > @from AND recorded_at <= @asOf
    AND position <= coalesce((SELECT min(position) FROM rm_snapshot_marks WHERE recorded_at > @asOf), 9223372036854775807) ORDER BY position`;
  const snapshotAt = 'SELECT position FROM rm_snapshot_marks WHERE recorded_at <= ? ORDER BY position DESC LIMIT 1';
  const actionVersionAt = 'SELECT doc FROM rm_action_history WHERE action_id = ? AND recorded_at <= ? ORDER BY position DESC LIMIT 1';
  console.log('\n3. Time travel');
  console.log(`   plan of versionsBetween: ${explain(versionsBetween, { from: 0, asOf: instants[0] })}`);
  console.log(`   plan of snapshotAt: ${explain(snapshotAt, instants[0])}`);
  console.log(`   plan of actionVersionAt: ${explain(actionVersionAt, 'x', instants[0])}`);
  const lastPosition = db.prepare<[], number | bigint | null>('SELECT max(position) FROM rm_action_history').pluck();
  for (const asOf of instants.slice(0, 5)) {
    const mark = db.prepare<[string], { position: bigint }>(snapshotAt).safeIntegers(true).get(asOf);
    const from = mark ? mark.position : 0n;
    let rows = 0;
    const t = process.hrtime.bigint();
    for (const _row of db.prepare<[{ from: bigint; asOf: string }]>(versionsBetween).safeIntegers(true).iterate({ from, asOf })) rows += 1;
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const next = db.prepare<[string], number | null>('SELECT min(position) FROM rm_snapshot_marks WHERE recorded_at > ?').pluck().get(asOf);
    const scanned = Number(next ?? lastPosition.get()) - Number(from);
    const plans = db.prepare<[], string>('SELECT DISTINCT plan_id FROM rm_action_memberships LIMIT 3').pluck().all();
    const t2 = process.hrtime.bigint();
    const asOfActions = queries.actionsAsOf({ planId: plans[2] ?? plans[0] }, asOf).length;
    const actionsMs = Number(process.hrtime.bigint() - t2) / 1e6;
    const t3 = process.hrtime.bigint();
    queries.partnerStatusesAsOf(plans[2] ?? plans[0], asOf, dutchCalendarDate(new Date(asOf)));
    const statusesMs = Number(process.hrtime.bigint() - t3) / 1e6;
    console.log(
      `   asOf ${asOf}: snapshot at ${from}; versionsBetween returns ${rows} rows, walking the position index from the snapshot to the next one (~${scanned} entries, each checked for recorded_at): ${round(ms, 1)} ms; ` +
        `partnerStatusesAsOf ${round(statusesMs, 1)} ms; actionsAsOf (one plan: a lookup per action of the plan) ${round(actionsMs, 1)} ms → ${asOfActions} actions`,
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
