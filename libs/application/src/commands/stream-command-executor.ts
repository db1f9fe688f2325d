import { randomUUID } from 'node:crypto';
import { Conflict, Decider, DomainError, DomainEvent, InvalidInput, upcast } from '@actiemonitor/domain';
import { CommandIdReused, EventStore, WrongExpectedVersion } from '@actiemonitor/event-store';
import { ReadModelFreshness } from '../projection/read-model-freshness';
import { APPLICATION_MESSAGES } from '../application.messages';
import { CommandMeta, CommandOutcome } from './command-meta';

const COMMAND_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/;
/** Streams whose folded state is kept (an action's state is well under a kilobyte). */
const MAX_CACHED_STREAMS = 20_000;
/** A decision taken on a remembered state that turned out not to be the stream's current one. */
const STALE = Symbol('stale state');

interface Attempt<Command, Event extends DomainEvent, State, Context> {
  streamId: string;
  decider: Decider<Command, Event, State, Context>;
  command: Command;
  context: Context;
  meta: CommandMeta;
  commandId: string;
}

/**
 * The one write path: the stream's state (folded from its events, or remembered from the last command
 * on it), decide, append with the version we decided on, then bring the read models up to date
 * (ReadModelFreshness) so the caller reads its own write.
 * Plain TypeScript (no Nest), so it is tested as it is; ApplicationModule provides it.
 */
export class StreamCommandExecutor {
  /** Folded state per stream (least recently used first), so a command reads only the events since. */
  private readonly states = new Map<string, { decider: object; state: unknown }>();

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelFreshness,
  ) {}

  async execute<Command, Event extends DomainEvent, State extends { version: number }, Context>(
    streamId: string,
    decider: Decider<Command, Event, State, Context>,
    command: Command,
    context: Context,
    meta: CommandMeta,
  ): Promise<CommandOutcome> {
    const commandId = meta.commandId ?? randomUUID();
    if (!COMMAND_ID_PATTERN.test(commandId)) {
      throw new InvalidInput('commandId', APPLICATION_MESSAGES.commandIdInvalid);
    }
    // A retried command must answer as the first attempt did, even if the stream has moved on since. The
    // command id is not looked up first: an append finds it inside its own transaction (and answers with
    // the first result), and a refusal looks it up before it is given (`earlierAnswer`): one read fewer
    // for every command that is not a retry (decision 129).
    const attempt = { streamId, decider, command, context, meta, commandId };
    // The state this instance last folded or wrote is almost always still the stream's current one: it
    // is decided on without reading the stream (decision 127). The append's expected version proves it
    // right; when it does not (another instance or the CLI wrote since), or when the guess leads to a
    // refusal, the stream is read and the command decided again, once.
    const guess = this.cachedState<State>(streamId, decider);
    if (guess) {
      const outcome = await this.decideAndAppend(attempt, guess, false);
      if (outcome !== STALE) return outcome;
    }
    return (await this.decideAndAppend(attempt, await this.currentState(streamId, decider), true)) as CommandOutcome;
  }

  /**
   * Decides on `state` and appends at its version. With a state read from the store (`verified`) every
   * refusal is the answer; with a remembered one a refusal may only mean it is out of date: STALE.
   */
  private async decideAndAppend<Command, Event extends DomainEvent, State extends { version: number }, Context>(
    { streamId, decider, command, context, meta, commandId }: Attempt<Command, Event, State, Context>,
    state: State,
    verified: boolean,
  ): Promise<CommandOutcome | typeof STALE> {
    if (meta.expectedVersion != null && meta.expectedVersion !== state.version) {
      if (!verified) return STALE;
      return this.earlierAnswer(streamId, commandId, () => {
        throw new Conflict(APPLICATION_MESSAGES.staleVersion(streamId, state.version, meta.expectedVersion as number), state.version);
      });
    }
    let events: Event[];
    try {
      events = decider.decide(command, state, context);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (!verified) return STALE;
      return this.earlierAnswer(streamId, commandId, () => {
        throw error;
      });
    }
    try {
      const result = await this.store.append({
        streamId,
        events: events.map((e) => ({ type: e.type, schemaVersion: e.schemaVersion, data: e.data as Record<string, unknown> })),
        expectedVersion: state.version,
        commandId,
        correlationId: meta.correlationId,
        actor: meta.actor,
      });
      if (!result.duplicate) this.remember(streamId, decider, state, events, result.nextVersion);
      await this.readModels.afterAppend(result.lastPosition);
      return { streamId, version: result.nextVersion, lastPosition: result.lastPosition, duplicate: result.duplicate };
    } catch (error) {
      if (error instanceof WrongExpectedVersion) {
        // Someone else's newer events, which the next read picks up; but read the stream whole.
        this.states.delete(streamId);
        if (!verified) return STALE;
        throw new Conflict(APPLICATION_MESSAGES.concurrentWrite(streamId), error.actualVersion);
      }
      if (error instanceof CommandIdReused) {
        throw new InvalidInput('commandId', APPLICATION_MESSAGES.commandIdReused(error.originalStreamId));
      }
      throw error;
    }
  }

  /**
   * Before a refusal: a command already recorded (a retry, or another instance that ran this very command
   * in between) gets the first attempt's answer, and an id used on another stream is refused as such.
   */
  private async earlierAnswer(streamId: string, commandId: string, refuse: () => never): Promise<CommandOutcome> {
    const earlier = await this.store.findCommand(commandId);
    if (!earlier) return refuse();
    if (earlier.streamId !== streamId) throw new InvalidInput('commandId', APPLICATION_MESSAGES.commandIdReused(earlier.streamId));
    return { streamId, version: earlier.nextVersion, lastPosition: earlier.lastPosition, duplicate: true };
  }

  /** The remembered state of a stream for this decider, if any (and marks it as just used). */
  private cachedState<State>(streamId: string, decider: object): State | null {
    const cached = this.states.get(streamId);
    if (!cached || cached.decider !== decider) return null;
    this.keep(streamId, decider, cached.state);
    return cached.state as State;
  }

  /**
   * The state after our own append, folded from the events as a read would return them (the store
   * keeps data as JSON), so the next command on the stream need not read it back.
   */
  private remember<Event extends DomainEvent, State extends { version: number }>(
    streamId: string,
    decider: Pick<Decider<unknown, Event, State, unknown>, 'evolve'>,
    state: State,
    events: readonly Event[],
    nextVersion: number,
  ): void {
    try {
      let next = state;
      for (const e of events) next = decider.evolve(next, { ...e, data: JSON.parse(JSON.stringify(e.data)) as Event['data'] });
      if (next.version === nextVersion) this.keep(streamId, decider, next);
      else this.states.delete(streamId);
    } catch {
      this.states.delete(streamId); // the write stands; the next command reads the stream
    }
  }

  /** Keeps a stream's state as the most recently used (the map's order is the order of use). */
  private keep(streamId: string, decider: object, state: unknown): void {
    this.states.delete(streamId);
    this.states.set(streamId, { decider, state });
    if (this.states.size > MAX_CACHED_STREAMS) this.states.delete(this.states.keys().next().value as string);
  }

  /**
   * The stream folded up to its current version. A stream's events never change once written, so the
   * state folded at version n stays right: only the events after n are read (usually none, or the one
   * this instance just appended), whoever appended them, this instance, another one or the CLI, and
   * folded onto it. Deciders' evolve functions are pure (they return new states), so a cached state is
   * never changed in place.
   */
  private async currentState<Event extends DomainEvent, State extends { version: number }>(
    streamId: string,
    decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  ): Promise<State> {
    const cached = this.states.get(streamId);
    const base = cached && cached.decider === decider ? (cached.state as State) : null;
    let recorded = await this.store.readStream(streamId, base ? base.version + 1 : undefined);
    let state = base ?? decider.initialState();
    if (base && recorded.length > 0 && recorded[0].version !== base.version + 1) {
      // Not the continuation of what was cached (cannot happen with an append-only log): fold it all.
      recorded = await this.store.readStream(streamId);
      state = decider.initialState();
    }
    for (const r of recorded) state = decider.evolve(state, upcast(r) as unknown as Event);
    const latest = this.states.get(streamId);
    if (!latest || latest.decider !== decider || (latest.state as State).version <= state.version) this.keep(streamId, decider, state);
    return state;
  }
}
