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

export type ReadModelTable = (typeof READ_MODEL_TABLES)[number] | 'rm_checkpoints';

/** Each table's primary key: how `replay --verify` finds a row's counterpart on the other side. */
export const READ_MODEL_KEYS: Record<ReadModelTable, readonly string[]> = {
  rm_partners: ['id'],
  rm_plans: ['id'],
  rm_actions: ['id'],
  rm_action_memberships: ['action_id', 'plan_id'],
  rm_action_owners: ['action_id', 'partner_id'],
  rm_targets: ['id'],
  rm_target_actions: ['target_id', 'action_id'],
  rm_action_history: ['action_id', 'position'],
  rm_target_history: ['target_id', 'position'],
  rm_status_counts: ['plan_id', 'partner_id', 'status', 'deadline_end'],
  rm_snapshot_marks: ['position'],
  rm_status_snapshots: ['position', 'plan_id', 'partner_id', 'status', 'deadline_end'],
  rm_checkpoints: ['projection'],
};

/** The projection's name in rm_checkpoints. */
export const VIEWS_PROJECTION = 'views';

/**
 * The status aggregate is copied every this many log positions, so answering partnerStatuses(asOf)
 * replays at most this many positions' worth of action versions on top of a copy.
 */
export const STATUS_SNAPSHOT_INTERVAL = 5000n;
