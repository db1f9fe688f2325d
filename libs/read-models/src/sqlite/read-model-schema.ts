import type Database from 'better-sqlite3';
import { READ_MODEL_TABLES } from '../read-model-tables';

/**
 * Read-model tables live in the same SQLite file as the log, so a projection writes its rows and its
 * checkpoint in one transaction: a crash can neither apply an event twice nor skip one.
 * Documents are stored as JSON; the columns beside them exist only for filtering and counting.
 */
export function migrateReadModels(db: Database.Database): void {
  const built = builtByVersion(db);
  db.exec(`
    CREATE TABLE IF NOT EXISTS rm_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS rm_partners (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS rm_plans (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS rm_actions (
      id TEXT PRIMARY KEY, seq INTEGER NOT NULL, status TEXT NOT NULL, deadline_end TEXT, doc TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS rm_actions_seq ON rm_actions (seq);
    CREATE TABLE IF NOT EXISTS rm_action_memberships (
      action_id TEXT NOT NULL, plan_id TEXT NOT NULL, action_line_id TEXT NOT NULL, PRIMARY KEY (action_id, plan_id));
    CREATE INDEX IF NOT EXISTS rm_action_memberships_plan ON rm_action_memberships (plan_id, action_line_id);
    CREATE TABLE IF NOT EXISTS rm_action_owners (action_id TEXT NOT NULL, partner_id TEXT NOT NULL, PRIMARY KEY (action_id, partner_id));
    CREATE INDEX IF NOT EXISTS rm_action_owners_partner ON rm_action_owners (partner_id);
    CREATE TABLE IF NOT EXISTS rm_targets (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, plan_id TEXT NOT NULL, action_line_id TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS rm_targets_line ON rm_targets (plan_id, action_line_id);
    CREATE TABLE IF NOT EXISTS rm_target_actions (target_id TEXT NOT NULL, action_id TEXT NOT NULL, PRIMARY KEY (target_id, action_id));
    CREATE INDEX IF NOT EXISTS rm_target_actions_action ON rm_target_actions (action_id);

    -- Time travel: every version of every action, and the status-per-partner aggregate with snapshots.
    -- The history rows are large JSON documents: an ordinary rowid table stores them far more cheaply
    -- than WITHOUT ROWID, which is meant for small rows.
    CREATE TABLE IF NOT EXISTS rm_action_history (
      action_id TEXT NOT NULL, position INTEGER NOT NULL, recorded_at TEXT NOT NULL, doc TEXT NOT NULL,
      PRIMARY KEY (action_id, position));
    CREATE INDEX IF NOT EXISTS rm_action_history_position ON rm_action_history (position);
    CREATE TABLE IF NOT EXISTS rm_target_history (
      target_id TEXT NOT NULL, position INTEGER NOT NULL, recorded_at TEXT NOT NULL, doc TEXT NOT NULL,
      PRIMARY KEY (target_id, position));
    CREATE TABLE IF NOT EXISTS rm_status_counts (
      plan_id TEXT NOT NULL, partner_id TEXT NOT NULL, status TEXT NOT NULL, deadline_end TEXT NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY (plan_id, partner_id, status, deadline_end)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS rm_snapshot_marks (position INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS rm_snapshot_marks_recorded_at ON rm_snapshot_marks (recorded_at);
    CREATE TABLE IF NOT EXISTS rm_status_snapshots (
      position INTEGER NOT NULL, plan_id TEXT NOT NULL, partner_id TEXT NOT NULL, status TEXT NOT NULL, deadline_end TEXT NOT NULL,
      count INTEGER NOT NULL, PRIMARY KEY (position, plan_id, partner_id, status, deadline_end)) WITHOUT ROWID;
  `);
  recordSchemaVersion(db, built);
}

/**
 * What the projection writes changes between versions (2: target history). Read models are derived
 * data: when a file was built by an older projection, its rows and checkpoint are cleared and the
 * projector rebuilds them from the log, rather than leave a table that misses what the old code did
 * not write. The events are never touched.
 */
export const READ_MODEL_SCHEMA_VERSION = 2;

function builtByVersion(db: Database.Database): number | null {
  const has = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  if (has('rm_schema')) return db.prepare('SELECT version FROM rm_schema WHERE id = 1').pluck().get() as number;
  return has('rm_checkpoints') ? 1 : null;
}

function recordSchemaVersion(db: Database.Database, built: number | null): void {
  db.exec('CREATE TABLE IF NOT EXISTS rm_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)');
  if (built !== null && built < READ_MODEL_SCHEMA_VERSION) {
    db.transaction(() => {
      for (const table of [...READ_MODEL_TABLES, 'rm_checkpoints']) db.exec(`DELETE FROM ${table}`);
    })();
  }
  db.prepare('INSERT INTO rm_schema (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version').run(
    READ_MODEL_SCHEMA_VERSION,
  );
}

export { READ_MODEL_TABLES } from '../read-model-tables';
