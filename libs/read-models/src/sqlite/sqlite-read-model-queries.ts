import type Database from 'better-sqlite3';
import { preparedStatements } from './prepared-statements';
import { ActionStatus } from '@actiemonitor/domain';
import { PartnerStatusRow, toPartnerStatusRows } from '../partner-status-rows';
import { ALL_PLANS } from '../views/status-contributions';
import { ActionView } from '../views/action-view';
import { PartnerView } from '../views/partner-view';
import { PlanView } from '../views/plan-view';
import { TargetView } from '../views/target-view';
import { RoundView } from '../views/round-view';
import { MeetingView } from '../views/meeting-view';
import { ContextSeriesView, ReferenceView, ThemeView } from '../views/context-views';
import { migrateReadModels } from './read-model-schema';
import type { ActionFilter, ReadModelReader } from '../ports/read-model-reader';
import { contributionFromRow, statusCellsAsOf } from '../time-travel';
import { findPartner } from '../views/partner-lookup';
import { actionFilterSql } from '../queries/action-filter-sql';
import { contributionsAsOfSql } from '../queries/time-travel-sql';
import { LogTimeTravel, lastingPartOf, StreamReader } from '../time-travel-from-log';

/** The query side over the SQLite read models. Every method is a read; none touches the log. */
export class SqliteReadModelQueries implements ReadModelReader {
  private readonly statements;
  private readonly statement: (sql: string) => Database.Statement;
  private readonly timeTravel: LogTimeTravel;

  /** `log`: where actions as they were are folded from (the event store, whichever kind). */
  constructor(
    private readonly db: Database.Database,
    log: StreamReader,
  ) {
    this.statement = preparedStatements(db);
    this.timeTravel = new LogTimeTravel(log);
    migrateReadModels(db);
    this.statements = {
      plans: db.prepare('SELECT doc FROM rm_plans ORDER BY seq').pluck(),
      plan: db.prepare('SELECT doc FROM rm_plans WHERE id = ?').pluck(),
      partners: db.prepare('SELECT doc FROM rm_partners ORDER BY id').pluck(),
      partnerCount: db.prepare('SELECT count(*) FROM rm_partners').pluck(),
      partner: db.prepare('SELECT doc FROM rm_partners WHERE id = ?').pluck(),
      action: db.prepare('SELECT doc FROM rm_actions WHERE id = ?').pluck(),
      target: db.prepare('SELECT doc FROM rm_targets WHERE id = ?').pluck(),
      round: db.prepare('SELECT doc FROM rm_rounds WHERE id = ?').pluck(),
      references: db.prepare('SELECT doc FROM rm_references ORDER BY seq').pluck(),
      reference: db.prepare('SELECT doc FROM rm_references WHERE id = ?').pluck(),
      referencesOf: db
        .prepare(
          'SELECT r.doc FROM rm_reference_links l JOIN rm_references r ON r.id = l.reference_id WHERE l.subject = ? AND l.subject_id = ? ORDER BY r.seq',
        )
        .pluck(),
      themes: db.prepare('SELECT doc FROM rm_themes WHERE plan_id = ? ORDER BY seq').pluck(),
      theme: db.prepare('SELECT doc FROM rm_themes WHERE id = ?').pluck(),
      themesOfAction: db
        .prepare('SELECT t.doc FROM rm_theme_actions ta JOIN rm_themes t ON t.id = ta.theme_id WHERE ta.action_id = ? ORDER BY t.seq')
        .pluck(),
      contextSeries: db.prepare('SELECT doc FROM rm_context_series WHERE plan_id = ? ORDER BY seq').pluck(),
      contextSeriesById: db.prepare('SELECT doc FROM rm_context_series WHERE id = ?').pluck(),
      rounds: db.prepare('SELECT doc FROM rm_rounds WHERE plan_id = ? ORDER BY seq DESC').pluck(),
      meeting: db.prepare('SELECT doc FROM rm_meetings WHERE id = ?').pluck(),
      meetings: db.prepare('SELECT doc FROM rm_meetings WHERE plan_id = ? ORDER BY held_on DESC, seq DESC').pluck(),
      meetingOfAction: db
        .prepare(
          'SELECT m.doc FROM rm_meeting_agreements ma JOIN rm_meetings m ON m.id = ma.meeting_id WHERE ma.action_id = ? ORDER BY m.seq LIMIT 1',
        )
        .pluck(),
      targetsOfAction: db
        .prepare('SELECT t.doc FROM rm_target_actions ta JOIN rm_targets t ON t.id = ta.target_id WHERE ta.action_id = ? ORDER BY t.seq')
        .pluck(),
      targetIdsOfAction: db
        .prepare('SELECT t.id FROM rm_target_actions ta JOIN rm_targets t ON t.id = ta.target_id WHERE ta.action_id = ? ORDER BY t.seq')
        .pluck(),
      targetsOfActionLine: db.prepare('SELECT doc FROM rm_targets WHERE plan_id = ? AND action_line_id = ? ORDER BY seq').pluck(),
      statusCounts: db.prepare(
        `SELECT plan_id AS planId, partner_id AS partnerId, status, deadline_end AS deadlineEnd, count FROM rm_status_counts WHERE plan_id = ?`,
      ),
      allActions: db.prepare('SELECT doc FROM rm_actions ORDER BY seq').pluck(),
    };
  }

  round(id: string): RoundView | null {
    return parseOne(this.statements.round.get(id));
  }

  rounds(planId: string): RoundView[] {
    return parseAll(this.statements.rounds.all(planId));
  }

  meeting(id: string): MeetingView | null {
    return parseOne(this.statements.meeting.get(id));
  }

  meetings(planId: string): MeetingView[] {
    return parseAll(this.statements.meetings.all(planId));
  }

  meetingOfAction(actionId: string): MeetingView | null {
    return parseOne(this.statements.meetingOfAction.get(actionId));
  }

  references(): ReferenceView[] {
    return parseAll(this.statements.references.all());
  }

  reference(id: string): ReferenceView | null {
    return parseOne(this.statements.reference.get(id));
  }

  referencesOf(subject: 'PLAN' | 'ACTION', subjectId: string): ReferenceView[] {
    return parseAll(this.statements.referencesOf.all(subject, subjectId));
  }

  themes(planId: string): ThemeView[] {
    return parseAll(this.statements.themes.all(planId));
  }

  theme(id: string): ThemeView | null {
    return parseOne(this.statements.theme.get(id));
  }

  themesOfAction(actionId: string): ThemeView[] {
    return parseAll(this.statements.themesOfAction.all(actionId));
  }

  contextSeries(planId: string): ContextSeriesView[] {
    return parseAll(this.statements.contextSeries.all(planId));
  }

  contextSeriesById(id: string): ContextSeriesView | null {
    return parseOne(this.statements.contextSeriesById.get(id));
  }

  plans(): PlanView[] {
    return parseAll(this.statements.plans.all());
  }

  plan(id: string): PlanView | null {
    return parseOne(this.statements.plan.get(id));
  }

  partners(): PartnerView[] {
    return parseAll(this.statements.partners.all());
  }

  partnerCount(): number {
    return this.statements.partnerCount.get() as number;
  }

  partner(id: string): PartnerView | null {
    return parseOne(this.statements.partner.get(id));
  }

  /**
   * The partner id for what a user typed: the id itself in any case ("nji"), or an alias the plans
   * use ("NJi", "gemeentes"). Unknown input comes back as typed, so a filter on it simply finds nothing.
   */
  resolvePartnerId(input: string): string {
    return findPartner(input, this.partners())?.id ?? input;
  }

  action(id: string): ActionView | null {
    return parseOne(this.statements.action.get(id));
  }

  target(id: string): TargetView | null {
    return parseOne(this.statements.target.get(id));
  }

  targetsOfAction(actionId: string): TargetView[] {
    return parseAll(this.statements.targetsOfAction.all(actionId));
  }

  targetsOfActionAsOf(actionId: string, asOf: string): Promise<TargetView[]> {
    return this.timeTravel.targetsAsOf(this.statements.targetIdsOfAction.all(actionId) as string[], asOf);
  }

  targetsOfActionLine(planId: string, actionLineId: string): TargetView[] {
    return parseAll(this.statements.targetsOfActionLine.all(planId, actionLineId));
  }

  /** Every action in plan order, one row in memory at a time (for exports of any size). */
  *iterateActions(): Generator<ActionView> {
    for (const doc of this.statements.allActions.iterate()) yield JSON.parse(doc as string) as ActionView;
  }

  /** Actions in their plans' order; an action adopted by a second plan shows under both. */
  actions(filter: ActionFilter = {}): ActionView[] {
    const { sql, params } = actionFilterSql('sqlite', filter);
    return parseAll(
      this.statement(sql)
        .pluck()
        .all(...params),
    );
  }

  /**
   * Counts per owning partner, from the aggregate the projector keeps. An action with several owners
   * counts for each of them. Overdue: a deadline exists, its end lies before `today`, and the action
   * is neither COMPLETED nor STOPPED.
   */
  partnerStatuses(planId: string | null, today: string): PartnerStatusRow[] {
    return toPartnerStatusRows(this.statements.statusCounts.all(planId ?? ALL_PLANS) as CountRow[], today);
  }

  /** The action as it was after the events recorded up to `asOf` (ISO instant), or null if it did not exist yet. */
  actionAsOf(id: string, asOf: string): Promise<ActionView | null> {
    return this.timeTravel.actionAsOf(id, asOf);
  }

  /** Every action as it was at `asOf`, filtered on its plans, owners and status at that moment. */
  actionsAsOf(filter: ActionFilter, asOf: string): Promise<ActionView[]> {
    const { sql, params } = actionFilterSql('sqlite', lastingPartOf(filter), 'id');
    const ids = this.statement(sql)
      .pluck()
      .all(...params) as string[];
    return this.timeTravel.actionsAsOf(ids, filter, asOf);
  }

  /**
   * partnerStatuses as at `asOf`: what each action of the plan added to the aggregate then, one seek
   * per action in rm_status_history (see contributionsAsOfSql).
   */
  partnerStatusesAsOf(planId: string | null, asOf: string, today: string): PartnerStatusRow[] {
    const plan = planId ?? ALL_PLANS;
    const { sql, params } = contributionsAsOfSql('sqlite', plan);
    const rows = this.statement(sql)
      .pluck()
      .all(...params(asOf));
    return toPartnerStatusRows(statusCellsAsOf(plan, rows.map(contributionFromRow)), today);
  }
}

interface CountRow {
  planId: string;
  partnerId: string;
  status: ActionStatus;
  deadlineEnd: string;
  count: number;
}

function parseAll<T>(docs: unknown[]): T[] {
  return docs.map((d) => JSON.parse(d as string) as T);
}

function parseOne<T>(doc: unknown): T | null {
  return doc === undefined ? null : (JSON.parse(doc as string) as T);
}
