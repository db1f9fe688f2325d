import type { Dialect } from '../schema/read-model-ddl';
import { ALL_PLANS } from '../views/status-contributions';

/**
 * rm_status_history is keyed by (action_id, recorded_at, position), and positions and recorded times
 * rise together in the log, so "the last row recorded at or before asOf" is one seek down the key,
 * however long the history.
 */
const LATEST_FIRST = 'ORDER BY h.recorded_at DESC, h.position DESC LIMIT 1';

/**
 * What each action of `planKey` (every action for ALL_PLANS) added to the status aggregate at `asOf`:
 * one row per action, its contribution as a JSON array [status, deadlineEnd, owners, planIds], null
 * when it did not exist yet. An action never leaves a plan, so the plan's actions of today include
 * every action that was in it then. Parameters: asOf, then the plan id (not for ALL_PLANS).
 */
export function contributionsAsOfSql(dialect: Dialect, planKey: string): { sql: string; params: (asOf: string) => string[] } {
  const [asOf, plan] = dialect === 'sqlite' ? ['?', '?'] : ['$1', '$2'];
  const array = dialect === 'sqlite' ? 'json_array' : 'json_build_array';
  const actions =
    planKey === ALL_PLANS ? 'rm_actions a' : `rm_action_memberships m JOIN rm_actions a ON a.id = m.action_id AND m.plan_id = ${plan}`;
  const sql = `SELECT (SELECT ${array}(h.status, h.deadline_end, h.owners, h.plan_ids) FROM rm_status_history h
                 WHERE h.action_id = a.id AND h.recorded_at <= ${asOf} ${LATEST_FIRST}) AS contribution
               FROM ${actions}`;
  return { sql, params: (value) => (planKey === ALL_PLANS ? [value] : [value, planKey]) };
}
