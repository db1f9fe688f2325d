import {
  ActionEvent,
  AnyDomainEvent,
  MeetingEvent,
  ContextSeriesEvent,
  ParliamentaryReferenceEvent,
  PartnerEvent,
  PlanEvent,
  ReportingRoundEvent,
  TargetEvent,
  ThemeEvent,
  upcast,
} from '@actiemonitor/domain';
import type { RecordedEvent } from '@actiemonitor/event-store';
import { ActionView, evolveActionView } from '../views/action-view';
import { evolvePartnerView, PartnerView } from '../views/partner-view';
import { evolvePlanView, PlanView } from '../views/plan-view';
import { evolveTargetView, TargetView } from '../views/target-view';
import { evolveRoundView, RoundView } from '../views/round-view';
import { evolveMeetingView, MeetingView } from '../views/meeting-view';
import { addContributionChange, Contribution, contributionOf, sameContribution } from '../views/status-contributions';
import {
  ContextSeriesView,
  evolveContextSeriesView,
  evolveReferenceView,
  evolveThemeView,
  ReferenceView,
  ThemeView,
} from '../views/context-views';

/**
 * The projection as a pure function, shared by every read-model store: which views a batch of events
 * touches, and what those views become. The stores only load the views before and write the changes
 * after, each in its own transaction (synchronous on SQLite, asynchronous on PostgreSQL).
 */

export type ViewKind = 'partner' | 'plan' | 'action' | 'target' | 'round' | 'meeting' | 'reference' | 'theme' | 'contextSeries';

/** Every kind, in the order stores load them. */
export const VIEW_KINDS: readonly ViewKind[] = [
  'partner',
  'plan',
  'action',
  'target',
  'round',
  'meeting',
  'reference',
  'theme',
  'contextSeries',
];

export interface ViewsByKind {
  partner: PartnerView;
  plan: PlanView;
  action: ActionView;
  target: TargetView;
  round: RoundView;
  meeting: MeetingView;
  reference: ReferenceView;
  theme: ThemeView;
  contextSeries: ContextSeriesView;
}

export interface ViewRef {
  kind: ViewKind;
  id: string;
}

/** One view after the batch. `seq` is the position that first touched it in this batch (creation order). */
export type ViewChange = {
  [K in ViewKind]: { kind: K; id: string; before: ViewsByKind[K] | null; after: ViewsByKind[K]; seq: bigint };
}[ViewKind];

/** An action's contribution to the status aggregate from `position` on (until its next one). */
export interface StatusVersion {
  actionId: string;
  contribution: Contribution;
  position: bigint;
  recordedAt: string;
}

export interface ProjectionChanges {
  views: ViewChange[];
  /** Every change of an action's contribution to the aggregate, in log order (for time travel). */
  statusVersions: StatusVersion[];
  /** Net change to the status-per-partner aggregate (cell key → delta). */
  statusDeltas: Map<string, number>;
  /** The last event of the batch: the checkpoint after it. */
  last: { position: bigint; recordedAt: string };
}

/** The view a recorded event belongs to. */
export function viewOf(recorded: RecordedEvent): ViewRef & { event: AnyDomainEvent } {
  const event = upcast(recorded) as AnyDomainEvent;
  switch (event.type) {
    case 'PartnerRegistered':
      return { kind: 'partner', id: event.data.partnerId, event };
    case 'PlanRegistered':
    case 'ActionLineRegistered':
      return { kind: 'plan', id: event.data.planId, event };
    case 'ReportingRoundOpened':
      return { kind: 'round', id: event.data.roundId, event };
    case 'MeetingRecorded':
    case 'AgreementRecorded':
      return { kind: 'meeting', id: event.data.meetingId, event };
    case 'ParliamentaryReferenceRegistered':
    case 'ParliamentaryReferenceLinked':
      return { kind: 'reference', id: event.data.referenceId, event };
    case 'ThemeDefined':
    case 'ActionLinkedToTheme':
      return { kind: 'theme', id: event.data.themeId, event };
    case 'ContextSeriesDefined':
    case 'ContextFigureRecorded':
      return { kind: 'contextSeries', id: event.data.seriesId, event };
    case 'TargetDefined':
    case 'BaselineRecorded':
    case 'MeasurementRecorded':
    case 'MeasurementCorrected':
    case 'RegionalBaselineRecorded':
    case 'RegionalMeasurementRecorded':
      return { kind: 'target', id: event.data.targetId, event };
    default:
      return { kind: 'action', id: event.data.actionId, event };
  }
}

/** No ids of any kind, the kinds in VIEW_KINDS' order (an object literal: this runs for every command). */
export function emptyViewIds(): Record<ViewKind, string[]> {
  return { partner: [], plan: [], action: [], target: [], round: [], meeting: [], reference: [], theme: [], contextSeries: [] };
}

/**
 * The views a batch touches, grouped by kind (in VIEW_KINDS' order), each id once in the order first
 * touched: what a store loads before `projectBatch`. Runs for every command: plain arrays, no Sets per kind.
 */
export function viewsTouchedBy(batch: readonly RecordedEvent[]): Record<ViewKind, string[]> {
  const ids = emptyViewIds();
  const seen = batch.length > 1 ? new Set<string>() : null;
  for (const recorded of batch) {
    const { kind, id } = viewOf(recorded);
    if (seen) {
      const key = viewKey(kind, id);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    ids[kind].push(id);
  }
  return ids;
}

export const viewKey = (kind: ViewKind, id: string): string => `${kind}:${id}`;

/** The kind and id a `viewKey` was made of (ids may contain ':', kinds do not). */
export function splitViewKey(key: string): [ViewKind, string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon) as ViewKind, key.slice(colon + 1)];
}

/**
 * Applies a batch to the views as they were before it (`loaded`, keyed by `viewKey`; a missing key is a
 * view that does not exist yet). A busy view is evolved in memory and written once per batch. A rebuild,
 * which counts from the views it writes, asks for no `statusDeltas` (`countDeltas: false`).
 */
export function projectBatch(
  batch: readonly RecordedEvent[],
  loaded: ReadonlyMap<string, unknown>,
  { countDeltas = true }: { countDeltas?: boolean } = {},
): ProjectionChanges {
  if (batch.length === 0) throw new RangeError('projectBatch needs at least one event');
  // `contribution` is the current action view's, carried from one event to the next (it is the next one's `was`).
  const entries = new Map<
    string,
    { kind: ViewKind; id: string; before: unknown; current: unknown; seq: bigint; contribution?: Contribution | null }
  >();
  const statusVersions: StatusVersion[] = [];
  const statusDeltas = new Map<string, number>();

  for (const recorded of batch) {
    const { kind, id, event } = viewOf(recorded);
    const at = recorded.metadata.recordedAt;
    const key = viewKey(kind, id);
    let entry = entries.get(key);
    if (!entry) {
      const before = loaded.get(key) ?? null;
      entry = { kind, id, before, current: before, seq: recorded.position };
      entries.set(key, entry);
    }
    switch (kind) {
      case 'partner':
        entry.current = evolvePartnerView(entry.current as PartnerView | null, event as PartnerEvent);
        break;
      case 'plan':
        entry.current = evolvePlanView(entry.current as PlanView | null, event as PlanEvent);
        break;
      case 'round':
        entry.current = evolveRoundView(entry.current as RoundView | null, event as ReportingRoundEvent, at);
        break;
      case 'meeting':
        entry.current = evolveMeetingView(entry.current as MeetingView | null, event as MeetingEvent, at);
        break;
      case 'reference':
        entry.current = evolveReferenceView(entry.current as ReferenceView | null, event as ParliamentaryReferenceEvent, at);
        break;
      case 'theme':
        entry.current = evolveThemeView(entry.current as ThemeView | null, event as ThemeEvent, at);
        break;
      case 'contextSeries':
        entry.current = evolveContextSeriesView(entry.current as ContextSeriesView | null, event as ContextSeriesEvent, at);
        break;
      case 'target':
        entry.current = evolveTargetView(entry.current as TargetView | null, event as TargetEvent, at);
        break;
      case 'action': {
        const before = entry.current as ActionView | null;
        const after = evolveActionView(before, event as ActionEvent, at);
        // Only a change of status, deadline, owners or plans moves the aggregate (most events are notes
        // on the same status, or corrections): the rest costs no row and no counting.
        const was = entry.contribution !== undefined ? entry.contribution : before && contributionOf(before);
        const is = after && contributionOf(after);
        entry.contribution = is;
        if (!sameContribution(was, is)) {
          if (is) statusVersions.push({ actionId: id, contribution: is, position: recorded.position, recordedAt: at });
          if (countDeltas) addContributionChange(statusDeltas, was, is);
        }
        entry.current = after;
        break;
      }
    }
  }

  const views = [...entries.values()]
    .filter((e) => e.current !== null)
    .map((e) => ({ kind: e.kind, id: e.id, before: e.before, after: e.current, seq: e.seq }) as ViewChange);
  const last = batch[batch.length - 1];
  return {
    views,
    statusVersions,
    statusDeltas,
    last: { position: last.position, recordedAt: last.metadata.recordedAt },
  };
}

/** Events after `checkpoint`, only when they continue it without a gap; [] otherwise. */
export function eventsAfterCheckpoint(batch: readonly RecordedEvent[], checkpoint: bigint): RecordedEvent[] {
  const fresh = batch.filter((e) => e.position > checkpoint);
  return fresh.length > 0 && fresh[0].position === checkpoint + 1n ? fresh : [];
}
