/**
 * Replay against its limit, on a copy of the generated log:
 *
 *  - raw read+parse (the limit): bare better-sqlite3 walks every row of `events` in position order
 *    (one statement.iterate()) and JSON.parses its data and metadata; nothing else. Run before and
 *    after the rebuild; the faster run is the limit.
 *  - replay: the product's own rebuild, exactly what `cli replay` runs: SqliteReadModelMaintenance.rebuild (the
 *    server's SqliteProjector over readLog pages of 5,000 through the EventStore port, into a scratch
 *    SQLite file) — its rate is replay.eventsPerSec, as the CLI prints it — then replaceLive,
 *    which swaps the rebuilt tables into the live file in one transaction (timed separately).
 *    `rounds` rebuilds one after another (each swapped in): the median rate counts, and the longest swap.
 *    Rebuilds of the same file on this VM varied by up to a quarter from one to the next.
 *
 * After this the file holds the log and all read models, ready for the server. The scratch file goes
 * to TMPDIR (set by run.ts to the bench work folder).
 * Message in: ReplayMessage.
 */
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@actiemonitor/event-store';
import { SqliteReadModelMaintenance } from '@actiemonitor/read-models';
import { answerParent } from './common';

export interface ReplayMessage {
  file: string;
  rounds: number;
}

export interface ReplayResult {
  rawRows: number;
  rawReadParsePerSec: number;
  rawSeconds: number;
  /** Both runs of the limit, before and after the rebuild; `rawReadParsePerSec` is the faster. */
  rawReadParseRunsPerSec: number[];
  events: number;
  replayMs: number;
  eventsPerSec: number;
  /** Every round's rate; `eventsPerSec` is their median. */
  roundsPerSec: number[];
  /** The longest swap of the rounds. */
  swapMs: number;
  maxRssMb: number;
}

answerParent<ReplayMessage, ReplayResult>(async ({ file, rounds }) => {
  // The limit is measured before and after the rebuilds and the faster run counts: a first read of a
  // freshly copied file can wait for the disk (this VM drops file pages within seconds), which would
  // lower the limit and flatter the ratio.
  const before = rawReadParse(file);
  const runs: Awaited<ReturnType<typeof rebuild>>[] = [];
  for (let i = 0; i < Math.max(1, rounds || 0); i++) {
    runs.push(await rebuild(file));
    process.stderr.write(`[bench replay] round ${i + 1}: ${Math.round(runs[i].eventsPerSec)}/s, swap ${Math.round(runs[i].swapMs)} ms\n`);
  }
  const after = rawReadParse(file);
  const raw = after.rawReadParsePerSec > before.rawReadParsePerSec ? after : before;
  const middle = [...runs].sort((a, b) => a.eventsPerSec - b.eventsPerSec)[Math.floor(runs.length / 2)];
  return {
    ...raw,
    rawReadParseRunsPerSec: [before.rawReadParsePerSec, after.rawReadParsePerSec],
    ...middle,
    roundsPerSec: runs.map((r) => r.eventsPerSec),
    swapMs: Math.max(...runs.map((r) => r.swapMs)),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
});

interface EventRow {
  data: string;
  metadata: string;
}

function rawReadParse(file: string): Pick<ReplayResult, 'rawRows' | 'rawReadParsePerSec' | 'rawSeconds'> {
  const db = new Database(file, { readonly: true });
  const all = db.prepare<[], EventRow>(
    'SELECT position, stream_id, version, type, schema_version, data, metadata, recorded_at, command_id, hash, prev_hash FROM events ORDER BY position',
  );
  // Warm-up: the first rows, so the statement and JSON.parse are hot and the pages are cached.
  let warm = 0;
  for (const row of all.iterate()) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
    if (++warm >= 20_000) break;
  }
  const started = process.hrtime.bigint();
  let rows = 0;
  let checksum = 0;
  for (const row of all.iterate()) {
    const data: unknown = JSON.parse(row.data);
    const metadata: unknown = JSON.parse(row.metadata);
    if (data && metadata) checksum += 1;
    rows += 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  if (checksum !== rows) throw new Error('parse check failed');
  return { rawRows: rows, rawReadParsePerSec: rows / seconds, rawSeconds: seconds };
}

async function rebuild(file: string): Promise<Pick<ReplayResult, 'events' | 'replayMs' | 'eventsPerSec' | 'swapMs'>> {
  const db = SqliteEventStore.openDatabase(file);
  try {
    const store = new SqliteEventStore({ database: db, clock: () => new Date() });
    const head = await store.headPosition();
    const rebuilt = await new SqliteReadModelMaintenance(db, store).rebuild(head);
    try {
      const started = process.hrtime.bigint();
      await rebuilt.replaceLive();
      db.pragma('wal_checkpoint(TRUNCATE)');
      const swapMs = Number(process.hrtime.bigint() - started) / 1e6;
      return { events: rebuilt.events, replayMs: rebuilt.millis, eventsPerSec: rebuilt.events / (rebuilt.millis / 1000), swapMs };
    } finally {
      await rebuilt.discard();
    }
  } finally {
    db.close();
  }
}
