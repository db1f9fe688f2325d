import { Decider, fold } from './decider';
import { DomainEvent } from './domain-event';

/**
 * Given events / when command / then events or error: the shape every decider test takes.
 * Used only by specs; it lives here so each aggregate's tests read the same way.
 */
export function deciderSpecification<Command, Event extends DomainEvent, State, Context>(decider: Decider<Command, Event, State, Context>) {
  return {
    given: (events: Event[]) => ({
      when: (command: Command, context: Context) => {
        const run = () => decider.decide(command, fold(decider, events), context);
        return {
          then: (expected: Array<{ type: string; data?: object }>) => {
            const actual = run();
            expect(actual.map((e) => e.type)).toEqual(expected.map((e) => e.type));
            expected.forEach((e, i) => {
              if (e.data) expect(actual[i].data).toMatchObject(e.data);
            });
            return actual;
          },
          thenNothing: () => expect(run()).toEqual([]),
          thenThrows: (errorType: new (...args: never[]) => Error, matching: object = {}) => {
            let caught: unknown;
            try {
              run();
            } catch (err) {
              caught = err;
            }
            expect(caught).toBeInstanceOf(errorType);
            expect(caught).toMatchObject(matching);
          },
        };
      },
    }),
  };
}
