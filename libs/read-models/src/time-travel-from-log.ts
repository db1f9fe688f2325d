import { ActionEvent, streamIds, TargetEvent, upcast } from '@actiemonitor/domain';
import type { EventStore, RecordedEvent } from '@actiemonitor/event-store';
import type { ActionFilter } from './ports/read-model-reader';
import { matchesActionFilter } from './time-travel';
import { ActionView, evolveActionView } from './views/action-view';
import { evolveTargetView, TargetView } from './views/target-view';

/** What time travel needs of the log: one stream at a time. */
export type StreamReader = Pick<EventStore, 'readStream'>;

/**
 * A view as it was after the events recorded up to `asOf`: its own stream folded with the
 * projection's evolve function, stopping at the first event recorded later. An action's or a target's
 * stream is short (tens of events over a plan's life), so this costs one stream read. Keeping a copy
 * of every version instead cost a JSON row per event on every write and replay, and most of the read
 * models' size, growing with the square of a target's measurements (decision 117).
 */
export function viewFromStream<V, E>(
  recorded: readonly RecordedEvent[],
  asOf: string,
  evolve: (view: V | null, event: E, recordedAt: string) => V | null,
): V | null {
  let view: V | null = null;
  for (const event of recorded) {
    if (event.metadata.recordedAt > asOf) break;
    view = evolve(view, upcast(event) as E, event.metadata.recordedAt) ?? view;
  }
  return view;
}

/**
 * The part of a filter an action's later state still answers for its past: an action never leaves a
 * plan or its action line, and the national action a regional one carries out never changes. The
 * actions matching this today include every action that matched the whole filter at any earlier time.
 */
export function lastingPartOf(filter: ActionFilter): ActionFilter {
  const { planId, actionLineId, carriesOut } = filter;
  return { planId, actionLineId, carriesOut };
}

/** Time travel for every read-model store: the log is the history. */
export class LogTimeTravel {
  constructor(private readonly log: StreamReader) {}

  async actionAsOf(id: string, asOf: string): Promise<ActionView | null> {
    return viewFromStream<ActionView, ActionEvent>(await this.log.readStream(streamIds.action(id)), asOf, evolveActionView);
  }

  async targetAsOf(id: string, asOf: string): Promise<TargetView | null> {
    return viewFromStream<TargetView, TargetEvent>(await this.log.readStream(streamIds.target(id)), asOf, evolveTargetView);
  }

  /**
   * The actions among `ids` as they were at `asOf` that pass `filter` then, in the order of `ids`.
   * Callers pass the actions that match `lastingPartOf(filter)` today.
   */
  async actionsAsOf(ids: readonly string[], filter: ActionFilter, asOf: string): Promise<ActionView[]> {
    const views: ActionView[] = [];
    for (const id of ids) {
      const view = await this.actionAsOf(id, asOf);
      if (view && matchesActionFilter(view, filter)) views.push(view);
    }
    return views;
  }

  /** The targets among `ids` (an action's, which never change) that existed at `asOf`, as they were then. */
  async targetsAsOf(ids: readonly string[], asOf: string): Promise<TargetView[]> {
    const views: TargetView[] = [];
    for (const id of ids) {
      const view = await this.targetAsOf(id, asOf);
      if (view) views.push(view);
    }
    return views;
  }
}
