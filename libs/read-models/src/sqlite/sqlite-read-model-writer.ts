import type Database from 'better-sqlite3';
import { ActionView } from '../views/action-view';
import { PartnerView } from '../views/partner-view';
import { PlanView } from '../views/plan-view';
import { TargetView } from '../views/target-view';

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
    };
  }

  load<T>(table: 'rm_partners' | 'rm_plans' | 'rm_actions' | 'rm_targets', id: string): T | null {
    const doc = this.statements.getDoc[table].get(id) as string | undefined;
    return doc === undefined ? null : (JSON.parse(doc) as T);
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
    if (!before || before.owners.join() !== view.owners.join()) {
      this.statements.deleteOwners.run(view.id);
      for (const owner of view.owners) this.statements.insertOwner.run(view.id, owner);
    }
    if (!before || before.memberships.length !== view.memberships.length) {
      this.statements.deleteMemberships.run(view.id);
      for (const m of view.memberships) this.statements.insertMembership.run(view.id, m.planId, m.actionLineId);
    }
  }

  saveTarget(view: TargetView, seq: bigint, before: TargetView | null): void {
    this.statements.putTarget.run(view.id, seq, view.planId, view.actionLineId, JSON.stringify(view));
    if (!before) {
      this.statements.deleteTargetActions.run(view.id);
      for (const actionId of view.actionIds) this.statements.insertTargetAction.run(view.id, actionId);
    }
  }
}
