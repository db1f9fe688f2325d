import type Database from 'better-sqlite3';
import { ActionEvent, AnyDomainEvent, PartnerEvent, PlanEvent, TargetEvent, upcast } from '@actiemonitor/domain';
import type { EventStore, RecordedEvent } from '@actiemonitor/event-store';
import { ActionView, evolveActionView } from '../views/action-view';
import { evolvePartnerView, PartnerView } from '../views/partner-view';
import { evolvePlanView, PlanView } from '../views/plan-view';
import { evolveTargetView, TargetView } from '../views/target-view';
import { addContributionChange } from '../views/status-contributions';
import { migrateReadModels } from './read-model-schema';
import { SqliteReadModelWriter } from './sqlite-read-model-writer';

const PROJECTION = 'views';
const BATCH_SIZE = 1000;
/**
 * The status aggregate is copied every this many log positions, so answering partnerStatuses(asOf)
 * replays at most this many positions' worth of action versions on top of a copy.
 */
export const STATUS_SNAPSHOT_INTERVAL = 5000n;

/**
 * Feeds the read models from the stored log (never from an in-process event bus, which has no
 * positions and loses events on a crash). Each batch of events and the checkpoint after it are
 * written in one transaction.
 */
export class SqliteProjector {
  private readonly writer: SqliteReadModelWriter;
  private readonly readCheckpoint: Database.Statement;
  private readonly writeCheckpoint: Database.Statement;
  private queue: Promise<unknown> = Promise.resolve();

  private readonly snapshotInterval: bigint;

  constructor(
    private readonly db: Database.Database,
    private readonly store: Pick<EventStore, 'readAll'>,
    options: { snapshotInterval?: bigint } = {},
  ) {
    this.snapshotInterval = options.snapshotInterval ?? STATUS_SNAPSHOT_INTERVAL;
    migrateReadModels(db);
    this.writer = new SqliteReadModelWriter(db);
    this.readCheckpoint = db.prepare('SELECT position FROM rm_checkpoints WHERE projection = ?').pluck().safeIntegers(true);
    this.writeCheckpoint = db.prepare(
      'INSERT INTO rm_checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
    );
  }

  checkpoint(): bigint {
    return (this.readCheckpoint.get(PROJECTION) as bigint | undefined) ?? 0n;
  }

  /**
   * Applies every event after the checkpoint. Calls are queued, so a caller that awaits this has its
   * own write in the read models when it resumes (read-your-writes).
   */
  catchUp(): Promise<number> {
    const run = this.queue.then(() => this.applyUntilHead());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyUntilHead(): Promise<number> {
    let applied = 0;
    for (;;) {
      const batch = await this.store.readAll({ after: this.checkpoint(), limit: BATCH_SIZE });
      if (batch.length === 0) return applied;
      this.applyBatch(batch);
      applied += batch.length;
    }
  }

  /**
   * Applies events inside the transaction that appended them (the SQLite store's onAppended hook), when
   * the projection is exactly at the position before them. A projection error must not fail the write:
   * the savepoint is rolled back, the events stay in the log, and catch-up meets the error again and
   * stops there, loudly, without skipping.
   */
  applyAppended(events: RecordedEvent[]): void {
    if (events.length === 0 || this.checkpoint() !== events[0].position - 1n) return;
    try {
      this.applyBatch(events);
    } catch {
      // left to catchUp(), which reports it
    }
  }

  /** Public for replay: applies a batch of recorded events and moves the checkpoint, atomically. */
  applyBatch(batch: RecordedEvent[]): void {
    if (batch.length === 0) return;
    this.db.transaction(() => {
      // Re-read inside the write transaction: another connection on the same file may have applied
      // some of these already. Apply only what follows the checkpoint, and only without a gap.
      const checkpoint = this.checkpoint();
      const fresh = batch.filter((e) => e.position > checkpoint);
      if (fresh.length === 0 || fresh[0].position !== checkpoint + 1n) return;
      const cache = new BatchCache(this.writer);
      for (const recorded of fresh) this.apply(recorded, cache);
      cache.flush();
      const last = fresh[fresh.length - 1];
      this.writer.snapshotStatusCountsIfDue(last.position, last.metadata.recordedAt, this.snapshotInterval);
      this.writeCheckpoint.run(PROJECTION, last.position);
    })();
  }

  private apply(recorded: RecordedEvent, cache: BatchCache): void {
    const e = upcast(recorded) as AnyDomainEvent;
    const at = recorded.metadata.recordedAt;
    switch (e.type) {
      case 'PartnerRegistered':
        return cache.update('partner', e.data.partnerId, recorded.position, (v: PartnerView | null) => evolvePartnerView(v, e as PartnerEvent));
      case 'PlanRegistered':
      case 'ActionLineRegistered':
        return cache.update('plan', e.data.planId, recorded.position, (v: PlanView | null) => evolvePlanView(v, e as PlanEvent));
      case 'TargetDefined':
      case 'BaselineRecorded':
      case 'MeasurementRecorded':
      case 'MeasurementCorrected':
        return cache.update('target', e.data.targetId, recorded.position, (v: TargetView | null) => evolveTargetView(v, e as TargetEvent, at));
      default:
        return cache.update('action', e.data.actionId, recorded.position, (before: ActionView | null) => {
          const after = evolveActionView(before, e as ActionEvent, at);
          if (after !== null) this.writer.recordActionVersion(after, recorded.position, at);
          addContributionChange(cache.statusDeltas, before, after);
          return after;
        });
    }
  }
}

type Kind = 'partner' | 'plan' | 'action' | 'target';
const TABLE = { partner: 'rm_partners', plan: 'rm_plans', action: 'rm_actions', target: 'rm_targets' } as const;

/** Keeps the views a batch touches in memory, so a busy action is parsed and written once per batch. */
class BatchCache {
  /** Net change to the status-per-partner aggregate over the batch. */
  readonly statusDeltas = new Map<string, number>();
  private readonly entries = new Map<string, { kind: Kind; before: unknown; current: unknown; seq: bigint }>();

  constructor(private readonly writer: SqliteReadModelWriter) {}

  update<V>(kind: Kind, id: string, position: bigint, evolve: (view: V | null) => V | null): void {
    const key = `${kind}:${id}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const before = this.writer.load<V>(TABLE[kind], id);
      entry = { kind, before, current: before, seq: position };
      this.entries.set(key, entry);
    }
    entry.current = evolve(entry.current as V | null);
  }

  flush(): void {
    this.writer.applyStatusDeltas(this.statusDeltas);
    for (const { kind, before, current, seq } of this.entries.values()) {
      if (current === null) continue;
      switch (kind) {
        case 'partner':
          this.writer.savePartner(current as PartnerView);
          break;
        case 'plan':
          this.writer.savePlan(current as PlanView, seq);
          break;
        case 'action':
          this.writer.saveAction(current as ActionView, seq, before as ActionView | null);
          break;
        case 'target':
          this.writer.saveTarget(current as TargetView, seq, before as TargetView | null);
          break;
      }
    }
  }
}
