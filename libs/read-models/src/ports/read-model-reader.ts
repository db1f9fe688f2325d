import type { RoundView } from '../views/round-view';
import type { MeetingView } from '../views/meeting-view';
import type { ContextSeriesView, ReferenceView, ThemeView } from '../views/context-views';
import type { ActionStatus } from '@actiemonitor/domain';
import type { RecordedEvent } from '@actiemonitor/event-store';
import type { PartnerStatusRow } from '../partner-status-rows';
import type { ActionView } from '../views/action-view';
import type { PartnerView } from '../views/partner-view';
import type { PlanView } from '../views/plan-view';
import type { TargetView } from '../views/target-view';

/** SQLite answers synchronously (in-process), PostgreSQL over the network: callers always await. */
export type Awaitable<T> = T | Promise<T>;

export interface ActionFilter {
  planId?: string | null;
  actionLineId?: string | null;
  partnerId?: string | null;
  status?: ActionStatus | null;
  /** The regional instances of this national action. */
  carriesOut?: string | null;
}

/** The query side over the read models, whatever database holds them. Every method is a read. */
export interface ReadModelReader {
  plans(): Awaitable<PlanView[]>;
  plan(id: string): Awaitable<PlanView | null>;
  partners(): Awaitable<PartnerView[]>;
  /** How many partners there are: partners are only ever added, so an unchanged count is an unchanged list. */
  partnerCount(): Awaitable<number>;
  partner(id: string): Awaitable<PartnerView | null>;
  /** The partner id for what a user typed (any case, or an alias); unknown input comes back as typed. */
  resolvePartnerId(input: string): Awaitable<string>;
  action(id: string): Awaitable<ActionView | null>;
  /** Actions in their plans' order; an action adopted by a second plan shows under both. */
  actions(filter?: ActionFilter): Awaitable<ActionView[]>;
  /** Every action in plan order, a page at a time (for exports of any size). */
  iterateActions(): Iterable<ActionView> | AsyncIterable<ActionView>;
  target(id: string): Awaitable<TargetView | null>;
  round(id: string): Awaitable<RoundView | null>;
  /** A plan's reporting rounds, newest first. */
  rounds(planId: string): Awaitable<RoundView[]>;
  meeting(id: string): Awaitable<MeetingView | null>;
  /** A plan's meetings, the most recently held first. */
  meetings(planId: string): Awaitable<MeetingView[]>;
  /** The meeting where the action was agreed, if it was. */
  meetingOfAction(actionId: string): Awaitable<MeetingView | null>;
  targetsOfAction(actionId: string): Awaitable<TargetView[]>;
  targetsOfActionLine(planId: string, actionLineId: string): Awaitable<TargetView[]>;
  partnerStatuses(planId: string | null, today: string): Awaitable<PartnerStatusRow[]>;
  actionAsOf(id: string, asOf: string): Awaitable<ActionView | null>;
  /** The action's targets as they were at `asOf` (those defined by then, with the measurements known then). */
  targetsOfActionAsOf(actionId: string, asOf: string): Awaitable<TargetView[]>;
  actionsAsOf(filter: ActionFilter, asOf: string): Awaitable<ActionView[]>;
  partnerStatusesAsOf(planId: string | null, asOf: string, today: string): Awaitable<PartnerStatusRow[]>;
  /** Parliamentary references in the order they were registered. */
  references(): Awaitable<ReferenceView[]>;
  reference(id: string): Awaitable<ReferenceView | null>;
  /** The references linked to a plan or an action. */
  referencesOf(subject: 'PLAN' | 'ACTION', subjectId: string): Awaitable<ReferenceView[]>;
  /** A plan's themes in the order they were defined. */
  themes(planId: string): Awaitable<ThemeView[]>;
  theme(id: string): Awaitable<ThemeView | null>;
  themesOfAction(actionId: string): Awaitable<ThemeView[]>;
  /** A plan's context-figure series in the order they were defined. */
  contextSeries(planId: string): Awaitable<ContextSeriesView[]>;
  contextSeriesById(id: string): Awaitable<ContextSeriesView | null>;
}

/** Feeds the read models from the log. */
export interface ReadModelProjector {
  /** Applies every event after the checkpoint; awaited after every write (read-your-writes). */
  catchUp(): Promise<number>;
  /** The last log position the read models contain. */
  checkpoint(): Awaitable<bigint>;
  /** Applies the events that continue the checkpoint (others are ignored), with the checkpoint, atomically. */
  applyBatch(events: RecordedEvent[]): Awaitable<unknown>;
  /**
   * Offered only where the read models share the log's transaction (SQLite): applies events inside the
   * transaction that appended them, when they continue the checkpoint; never throws. True when it
   * applied them (the read models then hold them once that transaction commits).
   */
  applyAppended?(events: RecordedEvent[]): boolean;
}

export interface ReadModelDifference {
  table: string;
  /** A row present on one side and not (or not equal) on the other. */
  onlyIn: 'live' | 'rebuilt';
  row: Record<string, unknown>;
  /** The other side's row with the same primary key, when there is one: then the row changed, and the fields tell how. */
  counterpart: Record<string, unknown> | null;
}

/** What `cli replay` needs: rebuild from the log beside the live models, compare, swap in. */
export interface ReadModelMaintenance {
  /** Rebuilds every read model from the log up to `until` (inclusive) into scratch storage. */
  rebuild(until: bigint): Promise<RebuiltReadModels>;
}

export interface RebuiltReadModels {
  events: number;
  millis: number;
  /** The first row where the live read models and the rebuilt ones differ; null when identical. */
  firstDifference(): Promise<ReadModelDifference | null>;
  /** Replaces the live read models and their checkpoint with the rebuilt ones, atomically. */
  replaceLive(): Promise<void>;
  discard(): Promise<void>;
}
