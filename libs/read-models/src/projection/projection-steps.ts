import type { RecordedEvent } from '@actiemonitor/event-store';
import type { Awaitable } from '../ports/read-model-reader';
import { eventsAfterCheckpoint, projectBatch, ViewChange, viewKey, ViewKind, viewsTouchedBy } from './project-batch';
import { batchWrites, checkpointWrite, countWrites, historyWrites, TableWrite, viewWrites } from './table-writes';

/**
 * How a batch of events reaches the read models, written once for every store. The algorithm asks
 * for I/O by yielding a step and the store answers it: SQLite synchronously, inside the transaction
 * that appended the events or its own, PostgreSQL asynchronously, inside a transaction that holds the
 * checkpoint row. The stores keep only their SQL and driver calls.
 */
export type ProjectionStep = { readonly load: Record<ViewKind, string[]> } | { readonly write: TableWrite[] };

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
  yield { write: [...batchWrites(projectBatch(fresh, loaded)), checkpointWrite(fresh[fresh.length - 1].position)] };
  return fresh.length;
}

export interface StepIo {
  load(ids: Record<ViewKind, string[]>): LoadedViews;
  write(writes: TableWrite[]): void;
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
      io.write(step.write);
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

/**
 * Applies a whole log to empty read models (`cli replay`, `replay --verify`), on any store. The
 * time-travel tables are written page by page; the views (one per aggregate, not per event) and the
 * status counts (one per cell) are kept in memory and written once at the end, instead of being read
 * and rewritten for every page. Ends with exactly the rows that applying
 * the pages one by one gives (a spec compares every table). Each `commit` is one transaction.
 */
const FINAL_VIEWS_PER_COMMIT = 5000;

export async function rebuildReadModels(
  pages: AsyncIterable<RecordedEvent[]>,
  commit: (writes: TableWrite[]) => Awaitable<void>,
): Promise<number> {
  const current = new Map<string, unknown>();
  // Where each view first appeared (its `seq`): kept once, not copied for every page that touches it.
  const firstSeen = new Map<string, Pick<ViewChange, 'kind' | 'id' | 'seq'>>();
  const counts = new Map<string, number>();
  let last = 0n;
  let events = 0;
  for await (const page of pages) {
    const fresh = eventsAfterCheckpoint(page, last);
    if (fresh.length !== page.length) throw new Error(`rebuild: the log does not continue at position ${last + 1n}`);
    const changes = projectBatch(fresh, current);
    for (const change of changes.views) {
      const key = viewKey(change.kind, change.id);
      current.set(key, change.after);
      if (!firstSeen.has(key)) firstSeen.set(key, { kind: change.kind, id: change.id, seq: change.seq });
    }
    for (const [key, delta] of changes.statusDeltas) counts.set(key, (counts.get(key) ?? 0) + delta);
    await commit(historyWrites(changes));
    last = fresh[fresh.length - 1].position;
    events += fresh.length;
  }
  // In slices, so that the documents of every view are never all serialised at once (a rebuild's peak
  // memory); the checkpoint comes last, so a rebuild cut short is never taken for a finished one.
  const views = [...firstSeen].map(([key, first]) => ({ ...first, before: null, after: current.get(key) }) as ViewChange);
  firstSeen.clear();
  for (let i = 0; i < views.length; i += FINAL_VIEWS_PER_COMMIT) await commit(viewWrites(views.slice(i, i + FINAL_VIEWS_PER_COMMIT)));
  await commit([...countWrites(counts), checkpointWrite(last)]);
  return events;
}
