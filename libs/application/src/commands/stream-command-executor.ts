import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Conflict, Decider, DomainError, DomainEvent, fold, InvalidInput, upcast } from '@actiemonitor/domain';
import { CommandIdReused, EVENT_STORE, EventStore, WrongExpectedVersion } from '@actiemonitor/event-store';
import { PROJECTOR, Projector } from '../ports';
import { CommandMeta, CommandOutcome } from './command-meta';

const COMMAND_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/;

/**
 * The one write path: load the stream, fold it, decide, append with the version we decided on,
 * then bring the read models up to date so the caller reads its own write.
 */
@Injectable()
export class StreamCommandExecutor {
  private readonly logger = new Logger('Commands');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR) private readonly projector: Projector,
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
      throw new InvalidInput('commandId', "letters, cijfers en ':._-', hoogstens 128 tekens (invalid idempotency key)");
    }
    // A retried command must answer as the first attempt did, even if the stream has moved on since.
    const earlier = await this.store.findCommand(commandId);
    if (earlier) {
      if (earlier.streamId !== streamId) {
        throw new InvalidInput('commandId', `is al gebruikt voor een andere opdracht (${earlier.streamId}) (idempotency key reused)`);
      }
      return { streamId, version: earlier.nextVersion, lastPosition: earlier.lastPosition, duplicate: true };
    }
    const recorded = await this.store.readStream(streamId);
    const state = fold(decider, recorded.map((r) => upcast(r) as unknown as Event));
    if (meta.expectedVersion != null && meta.expectedVersion !== state.version) {
      throw new Conflict(
        `Versieconflict: ${streamId} staat op versie ${state.version}, verwacht was ${meta.expectedVersion}; laad opnieuw (stale expectedVersion)`,
        state.version,
      );
    }
    let events: Event[];
    try {
      events = decider.decide(command, state, context);
    } catch (error) {
      // Another instance may have run this very command between our lookup and our read (two servers
      // importing at start-up): then the answer is the first attempt's, not the refusal.
      const raced = error instanceof DomainError ? await this.store.findCommand(commandId) : null;
      if (raced && raced.streamId === streamId) return { streamId, version: raced.nextVersion, lastPosition: raced.lastPosition, duplicate: true };
      throw error;
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
      await this.catchUpAfterWrite();
      return { streamId, version: result.nextVersion, lastPosition: result.lastPosition, duplicate: result.duplicate };
    } catch (error) {
      if (error instanceof WrongExpectedVersion) {
        throw new Conflict(`Versieconflict: ${streamId} is intussen gewijzigd (concurrent write); laad opnieuw`, error.actualVersion);
      }
      if (error instanceof CommandIdReused) {
        throw new InvalidInput('commandId', `is al gebruikt voor een andere opdracht (${error.originalStreamId})`);
      }
      throw error;
    }
  }

  /**
   * The events are committed by now: a projection failure must not turn an acknowledged write into an
   * error (a retry would be a duplicate). The projection daemon reports and retries it.
   */
  private async catchUpAfterWrite(): Promise<void> {
    try {
      await this.projector.catchUp();
    } catch (error) {
      this.logger.warn(`Leesmodellen lopen achter: ${error instanceof Error ? error.message : String(error)} (read models behind)`);
    }
  }
}
