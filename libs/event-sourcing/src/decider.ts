import { DomainEvent } from './event';

/**
 * A decider, in the style of Emmett: pure functions, no I/O.
 *  - `decide` checks a command against the current state and returns the events it causes, or
 *    throws a DomainError (an impossible transition or value) — then nothing is written;
 *  - `evolve` folds one event into the state;
 *  - `initialState` is the state of a stream with no events.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

/** Folds events into state; the audit service uses the same function to rebuild state as of a date. */
export function fold<E extends DomainEvent, S>(decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>, events: Iterable<E>): S {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
