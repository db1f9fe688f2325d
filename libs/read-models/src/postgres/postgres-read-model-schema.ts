import type { Pool } from 'pg';
import { applyMigrations, Migration } from '@actiemonitor/event-store';

/**
 * The read models in PostgreSQL, beside the log and in the same schema: one backup holds both, and a
 * projection writes its rows and its checkpoint in one transaction. The same tables as on SQLite, so
 * `replay --verify` compares them the same way; documents as jsonb, so operators can query them.
 * Text for instants (ISO-8601 UTC, as recorded in the log): they compare as strings, like asOf does.
 */
export const READ_MODEL_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'read models: views, memberships, owners, targets, action history, status aggregate with snapshots',
    sql: `
      CREATE TABLE rm_checkpoints (projection text PRIMARY KEY, position bigint NOT NULL);
      INSERT INTO rm_checkpoints (projection, position) VALUES ('views', 0);
      CREATE TABLE rm_partners (id text PRIMARY KEY, doc jsonb NOT NULL);
      CREATE TABLE rm_plans (id text PRIMARY KEY, seq bigint NOT NULL, doc jsonb NOT NULL);
      CREATE TABLE rm_actions (id text PRIMARY KEY, seq bigint NOT NULL, status text NOT NULL, deadline_end text, doc jsonb NOT NULL);
      CREATE INDEX rm_actions_seq ON rm_actions (seq);
      CREATE TABLE rm_action_memberships (
        action_id text NOT NULL, plan_id text NOT NULL, action_line_id text NOT NULL, PRIMARY KEY (action_id, plan_id));
      CREATE INDEX rm_action_memberships_plan ON rm_action_memberships (plan_id, action_line_id);
      CREATE TABLE rm_action_owners (action_id text NOT NULL, partner_id text NOT NULL, PRIMARY KEY (action_id, partner_id));
      CREATE INDEX rm_action_owners_partner ON rm_action_owners (partner_id);
      CREATE TABLE rm_targets (id text PRIMARY KEY, seq bigint NOT NULL, plan_id text NOT NULL, action_line_id text NOT NULL, doc jsonb NOT NULL);
      CREATE INDEX rm_targets_line ON rm_targets (plan_id, action_line_id);
      CREATE TABLE rm_target_actions (target_id text NOT NULL, action_id text NOT NULL, PRIMARY KEY (target_id, action_id));
      CREATE INDEX rm_target_actions_action ON rm_target_actions (action_id);
      CREATE TABLE rm_action_history (
        action_id text NOT NULL, position bigint NOT NULL, recorded_at text NOT NULL, doc jsonb NOT NULL, PRIMARY KEY (action_id, position));
      CREATE INDEX rm_action_history_position ON rm_action_history (position);
      CREATE TABLE rm_status_counts (
        plan_id text NOT NULL, partner_id text NOT NULL, status text NOT NULL, deadline_end text NOT NULL, count integer NOT NULL,
        PRIMARY KEY (plan_id, partner_id, status, deadline_end));
      CREATE TABLE rm_snapshot_marks (position bigint PRIMARY KEY, recorded_at text NOT NULL);
      CREATE INDEX rm_snapshot_marks_recorded_at ON rm_snapshot_marks (recorded_at);
      CREATE TABLE rm_status_snapshots (
        position bigint NOT NULL, plan_id text NOT NULL, partner_id text NOT NULL, status text NOT NULL, deadline_end text NOT NULL,
        count integer NOT NULL, PRIMARY KEY (position, plan_id, partner_id, status, deadline_end));
    `,
  },
  {
    version: 2,
    description: 'read models: every version of every target, for time travel (rebuilt from the log)',
    // Read models are derived data: clearing them makes the projector rebuild every table, the new one
    // included, from the log. The events are not touched.
    sql: `
      CREATE TABLE rm_target_history (
        target_id text NOT NULL, position bigint NOT NULL, recorded_at text NOT NULL, doc jsonb NOT NULL, PRIMARY KEY (target_id, position));
      TRUNCATE rm_partners, rm_plans, rm_actions, rm_action_memberships, rm_action_owners, rm_targets, rm_target_actions,
        rm_action_history, rm_status_counts, rm_snapshot_marks, rm_status_snapshots;
      UPDATE rm_checkpoints SET position = 0;
    `,
  },
];

/** Creates or upgrades the read-model tables in the pool's schema; safe when instances start together. */
export function migratePostgresReadModels(pool: Pool): Promise<number[]> {
  return applyMigrations(pool, 'read_model_migrations', READ_MODEL_MIGRATIONS);
}
