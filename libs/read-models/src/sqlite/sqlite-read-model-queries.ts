import type Database from 'better-sqlite3';
import { ACTION_STATUSES, ActionStatus } from '@actiemonitor/domain';
import { ActionView } from '../views/action-view';
import { PartnerView } from '../views/partner-view';
import { PlanView } from '../views/plan-view';
import { TargetView } from '../views/target-view';
import { migrateReadModels } from './read-model-schema';

export interface ActionFilter {
  planId?: string | null;
  actionLineId?: string | null;
  partnerId?: string | null;
  status?: ActionStatus | null;
}

export interface PartnerStatusRow {
  partnerId: string;
  total: number;
  overdue: number;
  byStatus: Array<{ status: ActionStatus; count: number }>;
}

const CLOSED = `('COMPLETED', 'STOPPED')`;

/** The query side over the SQLite read models. Every method is a read; none touches the log. */
export class SqliteReadModelQueries {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    migrateReadModels(db);
    this.statements = {
      plans: db.prepare('SELECT doc FROM rm_plans ORDER BY seq').pluck(),
      plan: db.prepare('SELECT doc FROM rm_plans WHERE id = ?').pluck(),
      partners: db.prepare('SELECT doc FROM rm_partners ORDER BY id').pluck(),
      partner: db.prepare('SELECT doc FROM rm_partners WHERE id = ?').pluck(),
      action: db.prepare('SELECT doc FROM rm_actions WHERE id = ?').pluck(),
      target: db.prepare('SELECT doc FROM rm_targets WHERE id = ?').pluck(),
      targetsOfAction: db.prepare(
        'SELECT t.doc FROM rm_target_actions ta JOIN rm_targets t ON t.id = ta.target_id WHERE ta.action_id = ? ORDER BY t.seq',
      ).pluck(),
      targetsOfActionLine: db.prepare('SELECT doc FROM rm_targets WHERE plan_id = ? AND action_line_id = ? ORDER BY seq').pluck(),
    };
  }

  plans(): PlanView[] {
    return parseAll(this.statements.plans.all());
  }

  plan(id: string): PlanView | null {
    return parseOne(this.statements.plan.get(id));
  }

  partners(): PartnerView[] {
    return parseAll(this.statements.partners.all());
  }

  partner(id: string): PartnerView | null {
    return parseOne(this.statements.partner.get(id));
  }

  /**
   * The partner id for what a user typed: the id itself in any case ("nji"), or an alias the plans
   * use ("NJi", "gemeentes"). Unknown input comes back as typed, so a filter on it simply finds nothing.
   */
  resolvePartnerId(input: string): string {
    const wanted = input.trim().toLocaleLowerCase('nl');
    for (const partner of this.partners()) {
      if (partner.id.toLocaleLowerCase('nl') === wanted) return partner.id;
      if (partner.aliases.some((a) => a.toLocaleLowerCase('nl') === wanted)) return partner.id;
    }
    return input;
  }

  action(id: string): ActionView | null {
    return parseOne(this.statements.action.get(id));
  }

  target(id: string): TargetView | null {
    return parseOne(this.statements.target.get(id));
  }

  targetsOfAction(actionId: string): TargetView[] {
    return parseAll(this.statements.targetsOfAction.all(actionId));
  }

  targetsOfActionLine(planId: string, actionLineId: string): TargetView[] {
    return parseAll(this.statements.targetsOfActionLine.all(planId, actionLineId));
  }

  /** Actions in their plans' order; an action adopted by a second plan shows under both. */
  actions(filter: ActionFilter = {}): ActionView[] {
    const { from, where, params } = filteredActions(filter);
    return parseAll(this.db.prepare(`SELECT a.doc FROM ${from} ${where} ORDER BY a.seq`).pluck().all(params));
  }

  /**
   * Counts per owning partner. An action with several owners counts for each of them.
   * Overdue: a deadline exists, its end lies before `today`, and the action is neither COMPLETED nor STOPPED.
   */
  partnerStatuses(planId: string | null, today: string): PartnerStatusRow[] {
    const { from, where, params } = filteredActions({ planId });
    const rows = this.db
      .prepare(
        `SELECT o.partner_id AS partnerId, a.status AS status, COUNT(*) AS count,
                SUM(CASE WHEN a.deadline_end IS NOT NULL AND a.deadline_end < @today AND a.status NOT IN ${CLOSED} THEN 1 ELSE 0 END) AS overdue
         FROM ${from} JOIN rm_action_owners o ON o.action_id = a.id ${where}
         GROUP BY o.partner_id, a.status ORDER BY o.partner_id`,
      )
      .all({ ...params, today }) as Array<{ partnerId: string; status: ActionStatus; count: number; overdue: number }>;
    const byPartner = new Map<string, PartnerStatusRow>();
    for (const row of rows) {
      let entry = byPartner.get(row.partnerId);
      if (!entry) {
        entry = { partnerId: row.partnerId, total: 0, overdue: 0, byStatus: ACTION_STATUSES.map((status) => ({ status, count: 0 })) };
        byPartner.set(row.partnerId, entry);
      }
      entry.total += row.count;
      entry.overdue += row.overdue;
      entry.byStatus.find((s) => s.status === row.status)!.count += row.count;
    }
    return [...byPartner.values()];
  }
}

function filteredActions(filter: ActionFilter): { from: string; where: string; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  let from = 'rm_actions a';
  if (filter.planId || filter.actionLineId) {
    from += ' JOIN rm_action_memberships m ON m.action_id = a.id';
    if (filter.planId) {
      where.push('m.plan_id = @planId');
      params.planId = filter.planId;
    }
    if (filter.actionLineId) {
      where.push('m.action_line_id = @actionLineId');
      params.actionLineId = filter.actionLineId;
    }
  }
  if (filter.partnerId) {
    where.push('EXISTS (SELECT 1 FROM rm_action_owners po WHERE po.action_id = a.id AND po.partner_id = @partnerId)');
    params.partnerId = filter.partnerId;
  }
  if (filter.status) {
    where.push('a.status = @status');
    params.status = filter.status;
  }
  return { from, where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

function parseAll<T>(docs: unknown[]): T[] {
  return docs.map((d) => JSON.parse(d as string) as T);
}

function parseOne<T>(doc: unknown): T | null {
  return doc === undefined ? null : (JSON.parse(doc as string) as T);
}
