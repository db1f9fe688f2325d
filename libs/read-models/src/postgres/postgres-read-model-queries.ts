import type { Pool } from 'pg';
import { PartnerStatusRow, toPartnerStatusRows } from '../partner-status-rows';
import type { ActionFilter, ReadModelReader } from '../ports/read-model-reader';
import { contributionFromRow, CountedCell, statusCellsAsOf } from '../time-travel';
import { ActionView } from '../views/action-view';
import { PartnerView } from '../views/partner-view';
import { PlanView } from '../views/plan-view';
import { TargetView } from '../views/target-view';
import { RoundView } from '../views/round-view';
import { MeetingView } from '../views/meeting-view';
import { ContextSeriesView, ReferenceView, ThemeView } from '../views/context-views';
import { ALL_PLANS } from '../views/status-contributions';
import { findPartner } from '../views/partner-lookup';
import { actionFilterSql } from '../queries/action-filter-sql';
import { contributionsAsOfSql } from '../queries/time-travel-sql';
import { LogTimeTravel, lastingPartOf, StreamReader } from '../time-travel-from-log';

const EXPORT_PAGE = 1000;
const COUNT_COLUMNS = 'plan_id AS "planId", partner_id AS "partnerId", status, deadline_end AS "deadlineEnd", count';

/**
 * The query side over the read models in PostgreSQL, shared by every server instance on the database.
 * The same answers as the SQLite queries (a spec runs both on one history and compares them).
 */
export class PostgresReadModelQueries implements ReadModelReader {
  private readonly timeTravel: LogTimeTravel;

  /** `log`: where actions as they were are folded from (the event store). */
  constructor(
    private readonly pool: Pool,
    log: StreamReader,
  ) {
    this.timeTravel = new LogTimeTravel(log);
  }

  plans(): Promise<PlanView[]> {
    return this.docs('SELECT doc FROM rm_plans ORDER BY seq');
  }

  plan(id: string): Promise<PlanView | null> {
    return this.doc('SELECT doc FROM rm_plans WHERE id = $1', [id]);
  }

  partners(): Promise<PartnerView[]> {
    return this.docs('SELECT doc FROM rm_partners ORDER BY id COLLATE "C"');
  }

  async partnerCount(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM rm_partners');
    return rows[0].n;
  }

  partner(id: string): Promise<PartnerView | null> {
    return this.doc('SELECT doc FROM rm_partners WHERE id = $1', [id]);
  }

  async resolvePartnerId(input: string): Promise<string> {
    return findPartner(input, await this.partners())?.id ?? input;
  }

  action(id: string): Promise<ActionView | null> {
    return this.doc('SELECT doc FROM rm_actions WHERE id = $1', [id]);
  }

  round(id: string): Promise<RoundView | null> {
    return this.doc('SELECT doc FROM rm_rounds WHERE id = $1', [id]);
  }

  rounds(planId: string): Promise<RoundView[]> {
    return this.docs('SELECT doc FROM rm_rounds WHERE plan_id = $1 ORDER BY seq DESC', [planId]);
  }

  meeting(id: string): Promise<MeetingView | null> {
    return this.doc('SELECT doc FROM rm_meetings WHERE id = $1', [id]);
  }

  meetings(planId: string): Promise<MeetingView[]> {
    return this.docs('SELECT doc FROM rm_meetings WHERE plan_id = $1 ORDER BY held_on COLLATE "C" DESC, seq DESC', [planId]);
  }

  meetingOfAction(actionId: string): Promise<MeetingView | null> {
    return this.doc(
      'SELECT m.doc FROM rm_meeting_agreements ma JOIN rm_meetings m ON m.id = ma.meeting_id WHERE ma.action_id = $1 ORDER BY m.seq LIMIT 1',
      [actionId],
    );
  }

  references(): Promise<ReferenceView[]> {
    return this.docs('SELECT doc FROM rm_references ORDER BY seq');
  }

  reference(id: string): Promise<ReferenceView | null> {
    return this.doc('SELECT doc FROM rm_references WHERE id = $1', [id]);
  }

  referencesOf(subject: 'PLAN' | 'ACTION', subjectId: string): Promise<ReferenceView[]> {
    return this.docs(
      'SELECT r.doc FROM rm_reference_links l JOIN rm_references r ON r.id = l.reference_id WHERE l.subject = $1 AND l.subject_id = $2 ORDER BY r.seq',
      [subject, subjectId],
    );
  }

  themes(planId: string): Promise<ThemeView[]> {
    return this.docs('SELECT doc FROM rm_themes WHERE plan_id = $1 ORDER BY seq', [planId]);
  }

  theme(id: string): Promise<ThemeView | null> {
    return this.doc('SELECT doc FROM rm_themes WHERE id = $1', [id]);
  }

  themesOfAction(actionId: string): Promise<ThemeView[]> {
    return this.docs(
      'SELECT t.doc FROM rm_theme_actions ta JOIN rm_themes t ON t.id = ta.theme_id WHERE ta.action_id = $1 ORDER BY t.seq',
      [actionId],
    );
  }

  contextSeries(planId: string): Promise<ContextSeriesView[]> {
    return this.docs('SELECT doc FROM rm_context_series WHERE plan_id = $1 ORDER BY seq', [planId]);
  }

  contextSeriesById(id: string): Promise<ContextSeriesView | null> {
    return this.doc('SELECT doc FROM rm_context_series WHERE id = $1', [id]);
  }

  target(id: string): Promise<TargetView | null> {
    return this.doc('SELECT doc FROM rm_targets WHERE id = $1', [id]);
  }

  targetsOfAction(actionId: string): Promise<TargetView[]> {
    return this.docs(
      'SELECT t.doc FROM rm_target_actions ta JOIN rm_targets t ON t.id = ta.target_id WHERE ta.action_id = $1 ORDER BY t.seq',
      [actionId],
    );
  }

  async targetsOfActionAsOf(actionId: string, asOf: string): Promise<TargetView[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT t.id FROM rm_target_actions ta JOIN rm_targets t ON t.id = ta.target_id WHERE ta.action_id = $1 ORDER BY t.seq',
      [actionId],
    );
    return this.timeTravel.targetsAsOf(
      rows.map((row) => row.id),
      asOf,
    );
  }

  targetsOfActionLine(planId: string, actionLineId: string): Promise<TargetView[]> {
    return this.docs('SELECT doc FROM rm_targets WHERE plan_id = $1 AND action_line_id = $2 ORDER BY seq', [planId, actionLineId]);
  }

  /** Every action in plan order, a page at a time (keyset on seq), for exports of any size. */
  async *iterateActions(): AsyncGenerator<ActionView> {
    let after = '0';
    for (;;) {
      const { rows } = await this.pool.query<{ seq: string; doc: ActionView }>(
        'SELECT seq, doc FROM rm_actions WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, EXPORT_PAGE],
      );
      if (rows.length === 0) return;
      for (const row of rows) yield row.doc;
      after = rows[rows.length - 1].seq;
    }
  }

  /** Actions in their plans' order; an action adopted by a second plan shows under both. */
  actions(filter: ActionFilter = {}): Promise<ActionView[]> {
    const { sql, params } = actionFilterSql('postgres', filter);
    return this.docs(sql, params);
  }

  async partnerStatuses(planId: string | null, today: string): Promise<PartnerStatusRow[]> {
    const { rows } = await this.pool.query<CountedCell>(`SELECT ${COUNT_COLUMNS} FROM rm_status_counts WHERE plan_id = $1`, [
      planId ?? ALL_PLANS,
    ]);
    return toPartnerStatusRows(rows, today);
  }

  actionAsOf(id: string, asOf: string): Promise<ActionView | null> {
    return this.timeTravel.actionAsOf(id, asOf);
  }

  /** Every action as it was at `asOf`, filtered on its state at that moment (see LogTimeTravel). */
  async actionsAsOf(filter: ActionFilter, asOf: string): Promise<ActionView[]> {
    const { sql, params } = actionFilterSql('postgres', lastingPartOf(filter), 'id');
    const { rows } = await this.pool.query<{ id: string }>(sql, params);
    return this.timeTravel.actionsAsOf(
      rows.map((row) => row.id),
      filter,
      asOf,
    );
  }

  /** partnerStatuses as at `asOf`: what each action of the plan added to the aggregate then (see contributionsAsOfSql). */
  async partnerStatusesAsOf(planId: string | null, asOf: string, today: string): Promise<PartnerStatusRow[]> {
    const plan = planId ?? ALL_PLANS;
    const { sql, params } = contributionsAsOfSql('postgres', plan);
    const { rows } = await this.pool.query<{ contribution: unknown }>(sql, params(asOf));
    return toPartnerStatusRows(
      statusCellsAsOf(
        plan,
        rows.map((row) => contributionFromRow(row.contribution)),
      ),
      today,
    );
  }

  private async docs<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const { rows } = await this.pool.query<{ doc: T }>(sql, params);
    return rows.map((row) => row.doc);
  }

  private async doc<T>(sql: string, params: unknown[]): Promise<T | null> {
    return (await this.docs<T>(sql, params))[0] ?? null;
  }
}
