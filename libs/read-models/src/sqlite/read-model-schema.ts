import type Database from 'better-sqlite3';

/**
 * Read-model tables live in the same SQLite file as the log, so a projection writes its rows and its
 * checkpoint in one transaction: a crash can neither apply an event twice nor skip one.
 * Documents are stored as JSON; the columns beside them exist only for filtering and counting.
 */
export function migrateReadModels(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS rm_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS rm_partners (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS rm_plans (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS rm_actions (
      id TEXT PRIMARY KEY, seq INTEGER NOT NULL, status TEXT NOT NULL, deadline_end TEXT, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS rm_action_memberships (
      action_id TEXT NOT NULL, plan_id TEXT NOT NULL, action_line_id TEXT NOT NULL, PRIMARY KEY (action_id, plan_id));
    CREATE INDEX IF NOT EXISTS rm_action_memberships_plan ON rm_action_memberships (plan_id, action_line_id);
    CREATE TABLE IF NOT EXISTS rm_action_owners (action_id TEXT NOT NULL, partner_id TEXT NOT NULL, PRIMARY KEY (action_id, partner_id));
    CREATE INDEX IF NOT EXISTS rm_action_owners_partner ON rm_action_owners (partner_id);
    CREATE TABLE IF NOT EXISTS rm_targets (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, plan_id TEXT NOT NULL, action_line_id TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS rm_target_actions (target_id TEXT NOT NULL, action_id TEXT NOT NULL, PRIMARY KEY (target_id, action_id));
    CREATE INDEX IF NOT EXISTS rm_target_actions_action ON rm_target_actions (action_id);

    -- Time travel: every version of every action, and the status-per-partner aggregate with snapshots.
    -- The history rows are large JSON documents: an ordinary rowid table stores them far more cheaply
    -- than WITHOUT ROWID, which is meant for small rows.
    CREATE TABLE IF NOT EXISTS rm_action_history (
      action_id TEXT NOT NULL, position INTEGER NOT NULL, recorded_at TEXT NOT NULL, doc TEXT NOT NULL,
      PRIMARY KEY (action_id, position));
    CREATE INDEX IF NOT EXISTS rm_action_history_position ON rm_action_history (position);
    CREATE TABLE IF NOT EXISTS rm_status_counts (
      plan_id TEXT NOT NULL, partner_id TEXT NOT NULL, status TEXT NOT NULL, deadline_end TEXT NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY (plan_id, partner_id, status, deadline_end)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS rm_snapshot_marks (position INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS rm_status_snapshots (
      position INTEGER NOT NULL, plan_id TEXT NOT NULL, partner_id TEXT NOT NULL, status TEXT NOT NULL, deadline_end TEXT NOT NULL,
      count INTEGER NOT NULL, PRIMARY KEY (position, plan_id, partner_id, status, deadline_end)) WITHOUT ROWID;
  `);
}

export { READ_MODEL_TABLES } from '../read-model-tables';
