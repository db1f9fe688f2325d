/** Every read-model table (the same on SQLite and PostgreSQL), in the order `replay --verify` walks them. */
export const READ_MODEL_TABLES = [
  'rm_partners',
  'rm_plans',
  'rm_actions',
  'rm_action_memberships',
  'rm_action_owners',
  'rm_targets',
  'rm_target_actions',
  'rm_action_history',
  'rm_target_history',
  'rm_status_counts',
  'rm_snapshot_marks',
  'rm_status_snapshots',
] as const;

/** The projection's name in rm_checkpoints. */
export const VIEWS_PROJECTION = 'views';

/**
 * The status aggregate is copied every this many log positions, so answering partnerStatuses(asOf)
 * replays at most this many positions' worth of action versions on top of a copy.
 */
export const STATUS_SNAPSHOT_INTERVAL = 5000n;
