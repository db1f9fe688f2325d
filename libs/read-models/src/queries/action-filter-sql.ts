import type { ActionFilter } from '../ports/read-model-reader';
import type { Dialect } from '../schema/read-model-ddl';

/**
 * The actions matching a filter on plan, action line, owner, status and the national action they carry out, as SQL for either store:
 * written once, only the placeholders differ (`?` on SQLite, `$n` on PostgreSQL). An action adopted
 * by a second plan matches under each plan it belongs to.
 */
export function actionFilterSql(dialect: Dialect, filter: ActionFilter, select: 'doc' | 'id' = 'doc'): { sql: string; params: string[] } {
  const params: string[] = [];
  const param = (value: string) => {
    params.push(value);
    return dialect === 'sqlite' ? '?' : `$${params.length}`;
  };
  const where: string[] = [];
  let from = 'rm_actions a';
  // First, so that its placeholder comes first in the text as in `params` (SQLite's are positional).
  // Driven from the instances' key (national action first): a lookup, not a test of every action.
  if (filter.carriesOut) from += ` JOIN rm_action_instances i ON i.action_id = a.id AND i.national_action_id = ${param(filter.carriesOut)}`;
  if (filter.planId || filter.actionLineId) {
    from += ' JOIN rm_action_memberships m ON m.action_id = a.id';
    if (filter.planId) where.push(`m.plan_id = ${param(filter.planId)}`);
    if (filter.actionLineId) where.push(`m.action_line_id = ${param(filter.actionLineId)}`);
  }
  if (filter.partnerId) {
    where.push(`EXISTS (SELECT 1 FROM rm_action_owners po WHERE po.action_id = a.id AND po.partner_id = ${param(filter.partnerId)})`);
  }
  if (filter.status) where.push(`a.status = ${param(filter.status)}`);
  return { sql: `SELECT a.${select} FROM ${from} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq`, params };
}
