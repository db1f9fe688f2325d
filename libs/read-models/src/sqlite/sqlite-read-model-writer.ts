import type Database from 'better-sqlite3';
import { ActionView } from '../views/action-view';
import { PartnerView } from '../views/partner-view';
import { PlanView } from '../views/plan-view';
import { TargetView } from '../views/target-view';
import { cellFromKey } from '../views/status-contributions';
import { isSnapshotPosition, ProjectionChanges, ViewChange, viewKey, ViewKind } from '../projection/project-batch';
import { membershipRows, membershipsChanged, ownerRows, ownersChanged } from '../views/action-links';

const TABLE = { partner: 'rm_partners', plan: 'rm_plans', action: 'rm_actions', target: 'rm_targets' } as const;

/** Loads and saves view documents. Used inside the projector's transaction only. */
export class SqliteReadModelWriter {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      getDoc: {
        rm_partners: db.prepare('SELECT doc FROM rm_partners WHERE id = ?').pluck(),
        rm_plans: db.prepare('SELECT doc FROM rm_plans WHERE id = ?').pluck(),
        rm_actions: db.prepare('SELECT doc FROM rm_actions WHERE id = ?').pluck(),
        rm_targets: db.prepare('SELECT doc FROM rm_targets WHERE id = ?').pluck(),
      },
      putPartner: db.prepare('INSERT OR REPLACE INTO rm_partners (id, doc) VALUES (?, ?)'),
      putPlan: db.prepare('INSERT INTO rm_plans (id, seq, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc'),
      putAction: db.prepare(
        `INSERT INTO rm_actions (id, seq, status, deadline_end, doc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, deadline_end = excluded.deadline_end, doc = excluded.doc`,
      ),
      deleteOwners: db.prepare('DELETE FROM rm_action_owners WHERE action_id = ?'),
      insertOwner: db.prepare('INSERT INTO rm_action_owners (action_id, partner_id) VALUES (?, ?)'),
      deleteMemberships: db.prepare('DELETE FROM rm_action_memberships WHERE action_id = ?'),
      insertMembership: db.prepare('INSERT INTO rm_action_memberships (action_id, plan_id, action_line_id) VALUES (?, ?, ?)'),
      putTarget: db.prepare(
        `INSERT INTO rm_targets (id, seq, plan_id, action_line_id, doc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
      ),
      deleteTargetActions: db.prepare('DELETE FROM rm_target_actions WHERE target_id = ?'),
      insertTargetAction: db.prepare('INSERT INTO rm_target_actions (target_id, action_id) VALUES (?, ?)'),
      insertHistory: db.prepare('INSERT INTO rm_action_history (action_id, position, recorded_at, doc) VALUES (?, ?, ?, ?)'),
      insertTargetHistory: db.prepare('INSERT INTO rm_target_history (target_id, position, recorded_at, doc) VALUES (?, ?, ?, ?)'),
      addCount: db.prepare(
        `INSERT INTO rm_status_counts (plan_id, partner_id, status, deadline_end, count) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET count = count + excluded.count`,
      ),
      dropEmptyCount: db.prepare(
        'DELETE FROM rm_status_counts WHERE plan_id = ? AND partner_id = ? AND status = ? AND deadline_end = ? AND count = 0',
      ),
      markSnapshot: db.prepare('INSERT INTO rm_snapshot_marks (position, recorded_at) VALUES (?, ?)'),
      copySnapshot: db.prepare(
        `INSERT INTO rm_status_snapshots (position, plan_id, partner_id, status, deadline_end, count)
         SELECT ?, plan_id, partner_id, status, deadline_end, count FROM rm_status_counts`,
      ),
    };
  }

  /** The views a batch touches, as they are now, keyed by `viewKey`; absent ones are left out. */
  loadViews(ids: Record<ViewKind, string[]>): Map<string, unknown> {
    const views = new Map<string, unknown>();
    for (const kind of Object.keys(ids) as ViewKind[]) {
      for (const id of ids[kind]) {
        const doc = this.statements.getDoc[TABLE[kind]].get(id) as string | undefined;
        if (doc !== undefined) views.set(viewKey(kind, id), JSON.parse(doc));
      }
    }
    return views;
  }

  /** Writes what a batch changed (the caller holds the transaction and moves the checkpoint). */
  write(changes: ProjectionChanges, snapshotInterval: bigint): void {
    this.writeHistory(changes, snapshotInterval);
    this.writeViews(changes.views);
  }

  /**
   * The time-travel part of a batch: every version, the aggregate's change, and its copy when the batch
   * ends on a snapshot position. A rebuild writes this per batch and the views only once, at the end.
   */
  writeHistory(changes: ProjectionChanges, snapshotInterval: bigint): void {
    for (const version of changes.actionVersions) this.recordActionVersion(version.view, version.position, version.recordedAt);
    for (const { view, position, recordedAt } of changes.targetVersions) {
      this.statements.insertTargetHistory.run(view.id, position, recordedAt, JSON.stringify(view));
    }
    this.applyStatusDeltas(changes.statusDeltas);
    this.snapshotStatusCountsIfDue(changes.last.position, changes.last.recordedAt, snapshotInterval);
  }

  /** The views as they are after a batch (`before` decides which link rows need rewriting). */
  writeViews(views: readonly ViewChange[]): void {
    for (const change of views) {
      switch (change.kind) {
        case 'partner':
          this.savePartner(change.after);
          break;
        case 'plan':
          this.savePlan(change.after, change.seq);
          break;
        case 'action':
          this.saveAction(change.after, change.seq, change.before);
          break;
        case 'target':
          this.saveTarget(change.after, change.seq, change.before);
          break;
      }
    }
  }

  savePartner(view: PartnerView): void {
    this.statements.putPartner.run(view.id, JSON.stringify(view));
  }

  /** `seq` is the log position that created the row: lists keep the plans' own order. */
  savePlan(view: PlanView, seq: bigint): void {
    this.statements.putPlan.run(view.id, seq, JSON.stringify(view));
  }

  saveAction(view: ActionView, seq: bigint, before: ActionView | null): void {
    this.statements.putAction.run(view.id, seq, view.status, view.deadline?.end ?? null, JSON.stringify(view));
    if (ownersChanged(before, view)) {
      this.statements.deleteOwners.run(view.id);
      for (const row of ownerRows(view)) this.statements.insertOwner.run(...row);
    }
    if (membershipsChanged(before, view)) {
      this.statements.deleteMemberships.run(view.id);
      for (const row of membershipRows(view)) this.statements.insertMembership.run(...row);
    }
  }

  /** Keeps every version of an action, so it can be read as it was at any position. */
  recordActionVersion(view: ActionView, position: bigint, recordedAt: string): void {
    this.statements.insertHistory.run(view.id, position, recordedAt, JSON.stringify(view));
  }

  applyStatusDeltas(deltas: Map<string, number>): void {
    for (const [key, delta] of deltas) {
      if (delta === 0) continue;
      const cell = cellFromKey(key);
      this.statements.addCount.run(cell.planId, cell.partnerId, cell.status, cell.deadlineEnd, delta);
      // Only cells this batch touched can have reached zero: drop those, never scan the table.
      if (delta < 0) this.statements.dropEmptyCount.run(cell.planId, cell.partnerId, cell.status, cell.deadlineEnd);
    }
  }

  /** Copies the aggregate as it stands after `position`, when that is a snapshot position (splitAtSnapshots). */
  snapshotStatusCountsIfDue(position: bigint, recordedAt: string, interval: bigint): void {
    if (!isSnapshotPosition(position, interval)) return;
    this.statements.markSnapshot.run(position, recordedAt);
    this.statements.copySnapshot.run(position);
  }

  saveTarget(view: TargetView, seq: bigint, before: TargetView | null): void {
    this.statements.putTarget.run(view.id, seq, view.planId, view.actionLineId, JSON.stringify(view));
    if (!before) {
      this.statements.deleteTargetActions.run(view.id);
      for (const actionId of view.actionIds) this.statements.insertTargetAction.run(view.id, actionId);
    }
  }
}
