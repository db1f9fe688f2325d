import { DomainEvent } from './domain-event';

/**
 * The Decider pattern: state is only ever a fold of events; decisions are pure.
 * `context` carries facts from other aggregates that a decision needs (known partners, plan structure),
 * read by the application layer, so the domain stays free of I/O.
 */
export interface Decider<Command, Event extends DomainEvent, State, Context = void> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State, context: Context) => Event[];
}

export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState();
  for (const e of events) state = decider.evolve(state, e);
  return state;
}
