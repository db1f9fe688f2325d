/**
 * Every read-model table, defined once. Both stores' schemas are generated from this catalogue
 * (`read-model-ddl.ts`), `replay --verify` walks it in this order and finds a row's counterpart by its
 * primary key, and a spec checks that the tables each store actually holds match it.
 *
 * Column kinds, not SQL types: a kind says what a column holds, each dialect says how it stores it.
 */
export type ColumnKind =
  /** Identifiers, statuses, ISO-8601 instants and dates (they compare as strings, like asOf does). */
  | 'text'
  /** Log positions and sequence numbers (64-bit). */
  | 'position'
  /** Small counts. */
  | 'count'
  /** A view document: JSON text on SQLite, jsonb on PostgreSQL (so operators can query it). */
  | 'doc';

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly nullable?: boolean;
}

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly primaryKey: readonly string[];
  readonly indexes?: readonly { readonly name: string; readonly columns: readonly string[] }[];
  /** Columns an upsert replaces when the row exists; the rest keep what the first insert wrote. */
  readonly updatedOnConflict?: readonly string[];
  /**
   * Small rows looked up by their whole key: SQLite stores them WITHOUT ROWID (in the key's b-tree).
   * Large JSON rows stay ordinary rowid tables, which store them far more cheaply.
   */
  readonly smallRows?: boolean;
}

const text = (name: string, nullable = false): ColumnSpec => ({ name, kind: 'text', nullable });
const position = (name: string): ColumnSpec => ({ name, kind: 'position' });
const doc: ColumnSpec = { name: 'doc', kind: 'doc' };

/** How far the projection has applied the log; written in the same transaction as the rows. */
export const CHECKPOINT_TABLE: TableSpec = {
  name: 'rm_checkpoints',
  columns: [text('projection'), position('position')],
  primaryKey: ['projection'],
};

export const READ_MODEL_CATALOGUE = [
  { name: 'rm_partners', columns: [text('id'), doc], primaryKey: ['id'], updatedOnConflict: ['doc'] },
  { name: 'rm_plans', columns: [text('id'), position('seq'), doc], primaryKey: ['id'], updatedOnConflict: ['doc'] },
  {
    name: 'rm_actions',
    columns: [text('id'), position('seq'), text('status'), text('deadline_end', true), doc],
    primaryKey: ['id'],
    indexes: [{ name: 'rm_actions_seq', columns: ['seq'] }],
    updatedOnConflict: ['status', 'deadline_end', 'doc'],
  },
  {
    name: 'rm_action_memberships',
    columns: [text('action_id'), text('plan_id'), text('action_line_id')],
    primaryKey: ['action_id', 'plan_id'],
    indexes: [{ name: 'rm_action_memberships_plan', columns: ['plan_id', 'action_line_id'] }],
  },
  {
    name: 'rm_action_owners',
    columns: [text('action_id'), text('partner_id')],
    primaryKey: ['action_id', 'partner_id'],
    indexes: [{ name: 'rm_action_owners_partner', columns: ['partner_id'] }],
  },
  {
    // A regional action and the national action it carries out (never changes once registered).
    name: 'rm_action_instances',
    columns: [text('national_action_id'), text('action_id'), text('region_id')],
    primaryKey: ['national_action_id', 'action_id'],
    indexes: [{ name: 'rm_action_instances_action', columns: ['action_id'] }],
  },
  {
    name: 'rm_targets',
    columns: [text('id'), position('seq'), text('plan_id'), text('action_line_id'), doc],
    primaryKey: ['id'],
    indexes: [{ name: 'rm_targets_line', columns: ['plan_id', 'action_line_id'] }],
    updatedOnConflict: ['doc'],
  },
  {
    name: 'rm_target_actions',
    columns: [text('target_id'), text('action_id')],
    primaryKey: ['target_id', 'action_id'],
    indexes: [{ name: 'rm_target_actions_action', columns: ['action_id'] }],
  },
  {
    name: 'rm_rounds',
    columns: [text('id'), position('seq'), text('plan_id'), doc],
    primaryKey: ['id'],
    indexes: [{ name: 'rm_rounds_plan', columns: ['plan_id'] }],
    updatedOnConflict: ['doc'],
  },
  {
    name: 'rm_meetings',
    columns: [text('id'), position('seq'), text('plan_id'), text('held_on'), doc],
    primaryKey: ['id'],
    indexes: [{ name: 'rm_meetings_plan', columns: ['plan_id', 'held_on'] }],
    updatedOnConflict: ['doc'],
  },
  {
    name: 'rm_meeting_agreements',
    columns: [text('meeting_id'), text('action_id'), text('recorded_at')],
    primaryKey: ['meeting_id', 'action_id'],
    indexes: [{ name: 'rm_meeting_agreements_action', columns: ['action_id'] }],
  },
  // Parliamentary references, themes and context-figure series (views/context-views.ts), with their links both ways.
  { name: 'rm_references', columns: [text('id'), position('seq'), doc], primaryKey: ['id'], updatedOnConflict: ['doc'] },
  {
    name: 'rm_reference_links',
    columns: [text('reference_id'), text('subject'), text('subject_id')],
    primaryKey: ['reference_id', 'subject', 'subject_id'],
    indexes: [{ name: 'rm_reference_links_subject', columns: ['subject', 'subject_id'] }],
  },
  {
    name: 'rm_themes',
    columns: [text('id'), position('seq'), text('plan_id'), doc],
    primaryKey: ['id'],
    indexes: [{ name: 'rm_themes_plan', columns: ['plan_id'] }],
    updatedOnConflict: ['doc'],
  },
  {
    name: 'rm_theme_actions',
    columns: [text('theme_id'), text('action_id')],
    primaryKey: ['theme_id', 'action_id'],
    indexes: [{ name: 'rm_theme_actions_action', columns: ['action_id'] }],
  },
  {
    name: 'rm_context_series',
    columns: [text('id'), position('seq'), text('plan_id'), doc],
    primaryKey: ['id'],
    indexes: [{ name: 'rm_context_series_plan', columns: ['plan_id'] }],
    updatedOnConflict: ['doc'],
  },
  // Time travel: an action or a target as it was is folded from its own stream in the log
  // (time-travel-from-log.ts); the status aggregate as it was comes from rm_status_history below.
  // The status-per-partner aggregate as it stands: a cell per plan, owner, status and deadline end.
  {
    name: 'rm_status_counts',
    columns: [text('plan_id'), text('partner_id'), text('status'), text('deadline_end'), { name: 'count', kind: 'count' }],
    primaryKey: ['plan_id', 'partner_id', 'status', 'deadline_end'],
    smallRows: true,
  },
  // What each action adds to the aggregate (its status, deadline end, owners and plans), one row per
  // change, valid until the action's next row: partnerStatuses(asOf) is one seek per action of the plan,
  // and a write adds at most one small row, whatever the size of the history (decision 116).
  {
    name: 'rm_status_history',
    columns: [
      text('action_id'),
      text('recorded_at'),
      position('position'),
      text('status'),
      text('deadline_end'),
      text('owners'),
      text('plan_ids'),
    ],
    primaryKey: ['action_id', 'recorded_at', 'position'],
    smallRows: true,
  },
] as const satisfies readonly TableSpec[];

export type ReadModelTableName = (typeof READ_MODEL_CATALOGUE)[number]['name'];

export function tableSpec(name: ReadModelTableName | 'rm_checkpoints'): TableSpec {
  if (name === CHECKPOINT_TABLE.name) return CHECKPOINT_TABLE;
  return READ_MODEL_CATALOGUE.find((table) => table.name === name) as TableSpec;
}
