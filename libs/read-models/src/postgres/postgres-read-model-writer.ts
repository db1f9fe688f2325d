import type { PoolClient } from 'pg';
import { cellFromKey } from '../views/status-contributions';
import { isSnapshotPosition, ProjectionChanges, ViewChange, viewKey, ViewKind, ViewVersion } from '../projection/project-batch';
import { membershipRows, membershipsChanged, ownerRows, ownersChanged } from '../views/action-links';

const TABLE = { partner: 'rm_partners', plan: 'rm_plans', action: 'rm_actions', target: 'rm_targets' } as const;

type ChangeOf<K extends ViewKind> = Extract<ViewChange, { kind: K }>;

/**
 * Loads and saves view documents inside the projector's transaction. Every statement handles the whole
 * batch at once (arrays through unnest), so a batch costs a fixed number of round trips, not one per row.
 */
export class PostgresReadModelWriter {
  constructor(private readonly client: PoolClient) {}

  /** The views a batch touches, as they are now, keyed by `viewKey`; absent ones are left out. */
  async loadViews(ids: Record<ViewKind, string[]>): Promise<Map<string, unknown>> {
    const views = new Map<string, unknown>();
    for (const kind of Object.keys(ids) as ViewKind[]) {
      if (ids[kind].length === 0) continue;
      const { rows } = await this.client.query<{ id: string; doc: unknown }>(
        `SELECT id, doc FROM ${TABLE[kind]} WHERE id = ANY($1::text[])`,
        [ids[kind]],
      );
      for (const row of rows) views.set(viewKey(kind, row.id), row.doc);
    }
    return views;
  }

  /** Writes what a batch changed (the caller holds the transaction and moves the checkpoint). */
  async write(changes: ProjectionChanges, snapshotInterval: bigint): Promise<void> {
    await this.recordVersions('rm_action_history', 'action_id', changes.actionVersions);
    await this.recordVersions('rm_target_history', 'target_id', changes.targetVersions);
    await this.applyStatusDeltas(changes.statusDeltas);
    const of = <K extends ViewKind>(kind: K) => changes.views.filter((c): c is ChangeOf<K> => c.kind === kind);
    await this.savePartners(of('partner'));
    await this.savePlans(of('plan'));
    await this.saveActions(of('action'));
    await this.saveTargets(of('target'));
    await this.snapshotStatusCountsIfDue(changes.last.position, changes.last.recordedAt, snapshotInterval);
  }

  private async recordVersions(
    table: 'rm_action_history' | 'rm_target_history',
    key: string,
    versions: ViewVersion<{ id: string }>[],
  ): Promise<void> {
    if (versions.length === 0) return;
    await this.client.query(
      `INSERT INTO ${table} (${key}, position, recorded_at, doc)
       SELECT i, p, r, d::jsonb FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) AS t(i, p, r, d)`,
      [
        versions.map((v) => v.view.id),
        versions.map((v) => v.position.toString()),
        versions.map((v) => v.recordedAt),
        versions.map((v) => JSON.stringify(v.view)),
      ],
    );
  }

  private async applyStatusDeltas(deltas: Map<string, number>): Promise<void> {
    const changed = [...deltas].filter(([, delta]) => delta !== 0).map(([key, delta]) => ({ ...cellFromKey(key), delta }));
    if (changed.length === 0) return;
    const columns = (cells: typeof changed) => [
      cells.map((c) => c.planId),
      cells.map((c) => c.partnerId),
      cells.map((c) => c.status),
      cells.map((c) => c.deadlineEnd),
    ];
    await this.client.query(
      `INSERT INTO rm_status_counts (plan_id, partner_id, status, deadline_end, count)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::integer[])
       ON CONFLICT (plan_id, partner_id, status, deadline_end) DO UPDATE SET count = rm_status_counts.count + excluded.count`,
      [...columns(changed), changed.map((c) => c.delta)],
    );
    // Only cells this batch lowered can have reached zero: drop those, never scan the table.
    const lowered = changed.filter((c) => c.delta < 0);
    if (lowered.length === 0) return;
    await this.client.query(
      `DELETE FROM rm_status_counts WHERE count = 0 AND (plan_id, partner_id, status, deadline_end) IN
       (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]))`,
      columns(lowered),
    );
  }

  private async savePartners(changes: ChangeOf<'partner'>[]): Promise<void> {
    if (changes.length === 0) return;
    await this.client.query(
      `INSERT INTO rm_partners (id, doc) SELECT i, d::jsonb FROM unnest($1::text[], $2::text[]) AS t(i, d)
       ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
      [changes.map((c) => c.id), changes.map((c) => JSON.stringify(c.after))],
    );
  }

  /** `seq` is the log position that created the row: lists keep the plans' own order. */
  private async savePlans(changes: ChangeOf<'plan'>[]): Promise<void> {
    if (changes.length === 0) return;
    await this.client.query(
      `INSERT INTO rm_plans (id, seq, doc) SELECT i, s, d::jsonb FROM unnest($1::text[], $2::bigint[], $3::text[]) AS t(i, s, d)
       ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
      [changes.map((c) => c.id), changes.map((c) => c.seq.toString()), changes.map((c) => JSON.stringify(c.after))],
    );
  }

  private async saveActions(changes: ChangeOf<'action'>[]): Promise<void> {
    if (changes.length === 0) return;
    await this.client.query(
      `INSERT INTO rm_actions (id, seq, status, deadline_end, doc)
       SELECT i, s, st, de, d::jsonb FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[]) AS t(i, s, st, de, d)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, deadline_end = excluded.deadline_end, doc = excluded.doc`,
      [
        changes.map((c) => c.id),
        changes.map((c) => c.seq.toString()),
        changes.map((c) => c.after.status),
        changes.map((c) => c.after.deadline?.end ?? null),
        changes.map((c) => JSON.stringify(c.after)),
      ],
    );
    const withNewOwners = changes.filter((c) => ownersChanged(c.before, c.after)).map((c) => c.after);
    await this.replaceLinks('rm_action_owners', 'action_id', withNewOwners, ownerRows);
    const withNewMemberships = changes.filter((c) => membershipsChanged(c.before, c.after)).map((c) => c.after);
    await this.replaceLinks('rm_action_memberships', 'action_id', withNewMemberships, membershipRows);
  }

  private async saveTargets(changes: ChangeOf<'target'>[]): Promise<void> {
    if (changes.length === 0) return;
    await this.client.query(
      `INSERT INTO rm_targets (id, seq, plan_id, action_line_id, doc)
       SELECT i, s, p, l, d::jsonb FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[]) AS t(i, s, p, l, d)
       ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
      [
        changes.map((c) => c.id),
        changes.map((c) => c.seq.toString()),
        changes.map((c) => c.after.planId),
        changes.map((c) => c.after.actionLineId),
        changes.map((c) => JSON.stringify(c.after)),
      ],
    );
    const created = changes.filter((c) => !c.before).map((c) => c.after);
    await this.replaceLinks('rm_target_actions', 'target_id', created, (v) => v.actionIds.map((actionId) => [v.id, actionId]));
  }

  /** Replaces the link rows of the given views: delete theirs, insert the current ones. */
  private async replaceLinks<V extends { id: string }>(
    table: string,
    key: string,
    views: V[],
    rowsOf: (view: V) => string[][],
  ): Promise<void> {
    if (views.length === 0) return;
    await this.client.query(`DELETE FROM ${table} WHERE ${key} = ANY($1::text[])`, [views.map((v) => v.id)]);
    const rows = views.flatMap(rowsOf);
    if (rows.length === 0) return;
    const width = rows[0].length;
    const columns = Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));
    const params = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
    await this.client.query(`INSERT INTO ${table} SELECT * FROM unnest(${params})`, columns);
  }

  /** Copies the aggregate as it stands after `position`, when that is a snapshot position (splitAtSnapshots). */
  private async snapshotStatusCountsIfDue(position: bigint, recordedAt: string, interval: bigint): Promise<void> {
    if (!isSnapshotPosition(position, interval)) return;
    await this.client.query('INSERT INTO rm_snapshot_marks (position, recorded_at) VALUES ($1, $2)', [position.toString(), recordedAt]);
    await this.client.query(
      `INSERT INTO rm_status_snapshots (position, plan_id, partner_id, status, deadline_end, count)
       SELECT $1, plan_id, partner_id, status, deadline_end, count FROM rm_status_counts`,
      [position.toString()],
    );
  }
}
