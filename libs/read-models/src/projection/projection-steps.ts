import { getHeapStatistics } from 'node:v8';
import type { RecordedEvent } from '@actiemonitor/event-store';
import type { Awaitable } from '../ports/read-model-reader';
import { eventsAfterCheckpoint, projectBatch, splitViewKey, ViewChange, viewKey, ViewKind, viewsTouchedBy } from './project-batch';
import { batchWrites, checkpointWrite, countWrites, historyWrites, TableWrite, viewWrites } from './table-writes';
import { addContributionChange, contributionOf } from '../views/status-contributions';
import { oldGenerationLimitBytes, oldGenerationUsedBytes, processHeapFlags } from './heap-budget';

/**
 * How a batch of events reaches the read models, written once for every store. The algorithm asks
 * for I/O by yielding a step and the store answers it: SQLite synchronously, inside the transaction
 * that appended the events or its own, PostgreSQL asynchronously, inside a transaction that holds the
 * checkpoint row. The stores keep only their SQL and driver calls.
 */
export type ProjectionStep =
  | { readonly load: Record<ViewKind, string[]> }
  /** `views`: the views as they are after the batch (what `write` stores), for a store that remembers them. */
  | { readonly write: TableWrite[]; readonly views?: readonly ViewChange[] };

export type LoadedViews = ReadonlyMap<string, unknown>;

/**
 * Applies what follows `checkpoint` in `batch` (nothing when another writer got there first; never
 * across a gap). Returns how many events it applied. What it writes does not depend on the history's
 * size: the views the batch touches, a version row per event, a counter per changed cell.
 */
export function* applyBatchSteps(
  batch: readonly RecordedEvent[],
  checkpoint: bigint,
): Generator<ProjectionStep, number, LoadedViews | undefined> {
  const fresh = eventsAfterCheckpoint(batch, checkpoint);
  if (fresh.length === 0) return 0;
  const loaded = (yield { load: viewsTouchedBy(fresh) }) as LoadedViews;
  const changes = projectBatch(fresh, loaded);
  yield { write: [...batchWrites(changes), checkpointWrite(fresh[fresh.length - 1].position)], views: changes.views };
  return fresh.length;
}

export interface StepIo {
  load(ids: Record<ViewKind, string[]>): LoadedViews;
  write(writes: TableWrite[], views?: readonly ViewChange[]): void;
}

export interface AsyncStepIo {
  load(ids: Record<ViewKind, string[]>): Promise<LoadedViews>;
  write(writes: TableWrite[]): Promise<void>;
}

/** Runs the steps with synchronous I/O (SQLite). */
export function runSteps(steps: Generator<ProjectionStep, number, LoadedViews | undefined>, io: StepIo): number {
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    if ('load' in step) next = steps.next(io.load(step.load));
    else {
      io.write(step.write, step.views);
      next = steps.next(undefined);
    }
  }
  return next.value;
}

/** Runs the steps with asynchronous I/O (PostgreSQL). */
export async function runStepsAsync(steps: Generator<ProjectionStep, number, LoadedViews | undefined>, io: AsyncStepIo): Promise<number> {
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    if ('load' in step) next = steps.next(await io.load(step.load));
    else {
      await io.write(step.write);
      next = steps.next(undefined);
    }
  }
  return next.value;
}

/** What a rebuild needs of the store it fills: a transaction of writes, and the views it wrote back. */
export interface RebuildIo {
  commit(writes: TableWrite[]): Awaitable<void>;
  load(ids: Record<ViewKind, string[]>): Awaitable<LoadedViews>;
}

/**
 * How many views a rebuild keeps in memory to begin with: 220 per MiB of the old generation's limit (a
 * view built from events takes about 2.2 KB, sharing its texts with them; one read back from the store
 * more), so about 56,000 with the CLI's 256 MiB, which holds the 52,400 of the bench's 1,000,000 events.
 * Beyond it, the views touched longest ago are written to the store and read back when an event touches
 * them again: memory stays bounded however many actions there are. When the heap fills up all the same
 * (views read back are larger), the bound comes down (`HEAP_FULL`).
 */
export function viewsInMemoryFor(oldGenerationBytes: number): number {
  return Math.max(MIN_VIEWS_IN_MEMORY, Math.floor((oldGenerationBytes / 1_048_576) * 220));
}

const MIN_VIEWS_IN_MEMORY = 10_000;
/** The share of the old generation's limit in use after a page at which a rebuild keeps fewer views in memory. */
const HEAP_FULL = 0.8;

/** Status cells whose summed deltas a rebuild holds before it adds them to the store (deltas add up). */
const COUNT_CELLS_IN_MEMORY = 50_000;
const VIEWS_PER_COMMIT = 5000;

/**
 * Applies a whole log to empty read models (`cli replay`, `replay --verify`), on any store. The
 * time-travel rows are staged page by page and merged in key order at the end; the views (one per
 * aggregate, not per event) are kept in memory and written once at the end, instead of being read
 * and rewritten for every page; views beyond `maxViews` are written early and loaded again when
 * needed. The status counts are added as views are written (counts beyond COUNT_CELLS_IN_MEMORY cells
 * go to the store early). Ends with exactly the rows that applying the pages one by one gives (a spec
 * compares every table). Each `commit` is one transaction.
 */
export async function rebuildReadModels(
  pages: AsyncIterable<RecordedEvent[]>,
  io: RebuildIo,
  maxViews = viewsInMemoryFor(oldGenerationLimitBytes(getHeapStatistics().heap_size_limit, processHeapFlags())),
): Promise<number> {
  const heapLimit = oldGenerationLimitBytes(getHeapStatistics().heap_size_limit, processHeapFlags());
  // The views as they stand, least recently touched first (a Map keeps insertion order).
  const current = new Map<string, unknown>();
  // Where each view first appeared (its `seq`): kept once, not copied for every page that touches it.
  // Until a view is first written, the position that created it (its `seq`); once its row exists, the
  // upserts keep that seq, and the view is only remembered as written (it may be read back).
  const firstSeen = new Map<string, bigint>();
  const written = new Set<string>();
  // The views read back into memory, as their rows stand.
  const asStored = new Map<string, unknown>();
  const counts = new Map<string, number>();
  const changeOf = (key: string): ViewChange => {
    const [kind, id] = splitViewKey(key);
    // A view read back is written against its stored row, so only the link rows that changed are rewritten.
    return { kind, id, seq: firstSeen.get(key) ?? 0n, before: asStored.get(key) ?? null, after: current.get(key) } as ViewChange;
  };
  // The status counts follow the views written, not every event: a written action adds its contribution
  // and takes back the one of its stored row, so the counts end as the sum over the actions' last
  // versions, whatever happened in between.
  const countWritten = (changes: ViewChange[]) => {
    for (const change of changes) {
      if (change.kind === 'action')
        addContributionChange(counts, change.before && contributionOf(change.before), contributionOf(change.after));
    }
  };
  const flushCountsWhenMany = async () => {
    if (counts.size <= COUNT_CELLS_IN_MEMORY) return;
    await io.commit(countWrites(counts));
    counts.clear();
  };
  // In slices, so that the documents of many views are never all serialised at once (a rebuild's peak memory).
  const writeViews = async (keys: string[]) => {
    for (let i = 0; i < keys.length; i += VIEWS_PER_COMMIT) {
      const changes = keys.slice(i, i + VIEWS_PER_COMMIT).map(changeOf);
      countWritten(changes);
      await io.commit(viewWrites(changes));
      await flushCountsWhenMany();
    }
    for (const key of keys) {
      firstSeen.delete(key);
      asStored.delete(key);
      written.add(key);
    }
  };
  let last = 0n;
  let events = 0;
  let writtenEarly = false;
  for await (const page of pages) {
    const fresh = eventsAfterCheckpoint(page, last);
    if (fresh.length !== page.length) throw new Error(`rebuild: the log does not continue at position ${last + 1n}`);
    if (writtenEarly) await loadWrittenBack(fresh, current, written, asStored, io);
    const changes = projectBatch(fresh, current, { countDeltas: false });
    for (const change of changes.views) {
      const key = viewKey(change.kind, change.id);
      // Re-inserted last (most recently touched) once evictions are near: an order kept only when it counts.
      if (current.size >= maxViews) current.delete(key);
      current.set(key, change.after);
      if (!firstSeen.has(key) && !written.has(key)) firstSeen.set(key, change.seq);
    }
    const writes = historyWrites(changes, { staged: true });
    if (writes.length > 0) await io.commit(writes);
    if (oldGenerationUsedBytes() > HEAP_FULL * heapLimit && current.size > MIN_VIEWS_IN_MEMORY)
      maxViews = Math.max(MIN_VIEWS_IN_MEMORY, Math.floor(current.size * 0.8));
    if (current.size > maxViews) {
      const oldest = [...current.keys()].slice(0, current.size - maxViews);
      await writeViews(oldest);
      for (const key of oldest) current.delete(key);
      writtenEarly = true;
    }
    last = fresh[fresh.length - 1].position;
    events += fresh.length;
  }
  await writeViews([...current.keys()]);
  current.clear();
  // The checkpoint comes last, so a rebuild cut short is never taken for a finished one.
  await io.commit([...countWrites(counts), { kind: 'merge-staged', table: 'rm_status_history' }, checkpointWrite(last)]);
  return events;
}

/** Puts back into `current` the views of this page that were written to the store to save memory. */
async function loadWrittenBack(
  page: readonly RecordedEvent[],
  current: Map<string, unknown>,
  written: ReadonlySet<string>,
  asStored: Map<string, unknown>,
  io: RebuildIo,
): Promise<void> {
  const touched = viewsTouchedBy(page);
  let missing = false;
  const wanted = Object.fromEntries(
    (Object.keys(touched) as ViewKind[]).map((kind) => {
      const ids = touched[kind].filter((id) => !current.has(viewKey(kind, id)) && written.has(viewKey(kind, id)));
      if (ids.length > 0) missing = true;
      return [kind, ids];
    }),
  ) as Record<ViewKind, string[]>;
  if (!missing) return;
  for (const [key, view] of await io.load(wanted)) {
    current.set(key, view);
    asStored.set(key, view);
  }
}
