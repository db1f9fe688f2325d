import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInput, SHARED_MESSAGES, streamIds } from '@actiemonitor/domain';
import { EVENT_STORE, EventStore, GENESIS_HASH, RecordedEvent, verifyLog } from '@actiemonitor/event-store';
import type { ChainVerification } from '@actiemonitor/event-store';

/**
 * One action's own history: every event of its stream in order, up to `asOf` when given (ISO instant).
 * Readable by every role (it is what the action page shows); the whole log stays with `events`.
 */
export class GetActionHistory {
  constructor(
    readonly actionId: string,
    readonly asOf: string | null = null,
  ) {}
}

@QueryHandler(GetActionHistory)
export class GetActionHistoryHandler implements IQueryHandler<GetActionHistory, RecordedEvent[]> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute({ actionId, asOf }: GetActionHistory): Promise<RecordedEvent[]> {
    const events = await this.store.readStream(streamIds.action(actionId));
    return asOf === null ? events : events.filter((e) => e.metadata.recordedAt <= asOf);
  }
}

export interface LogFilter {
  streamId?: string | null;
  type?: string | null;
  /** The actor's partner id, or its actor id (token id, `oidc:<sub>`, `system`). */
  actor?: string | null;
  /** ISO instants, inclusive. */
  from?: string | null;
  to?: string | null;
}

/** A filtered page of the log for the logbook: at most `first` matches, scanning at most `scanLimit` events. */
export class GetLogPage {
  constructor(
    readonly filter: LogFilter,
    readonly after: bigint,
    readonly first: number,
    readonly scanLimit = 20_000,
  ) {}
}

export interface LogPage {
  events: RecordedEvent[];
  /** Where to continue (the last position looked at), or null at the end of the log. */
  nextAfter: string | null;
  /** True when the scan stopped at its limit before finding a full page: there may be more further on. */
  scanLimited: boolean;
}

export function matchesLogFilter(event: RecordedEvent, filter: LogFilter): boolean {
  const actor = event.metadata.actor;
  if (filter.type && event.type !== filter.type) return false;
  if (filter.actor && actor.partnerId !== filter.actor && actor.id !== filter.actor) return false;
  if (filter.from && event.metadata.recordedAt < filter.from) return false;
  if (filter.to && event.metadata.recordedAt > filter.to) return false;
  return true;
}

/**
 * The log is only indexed by position and stream, so other filters scan forward page by page; the scan
 * is bounded so one request never walks a million events: the page then offers to look further.
 */
@QueryHandler(GetLogPage)
export class GetLogPageHandler implements IQueryHandler<GetLogPage, LogPage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ filter, after, first, scanLimit }: GetLogPage): Promise<LogPage> {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw new InvalidInput('first', SHARED_MESSAGES.outOfRange(1, 500));
    const found: RecordedEvent[] = [];
    let position = after;
    let scanned = 0;
    for (;;) {
      const page = await this.store.readAll({ after: position, limit: 500, streamId: filter.streamId ?? undefined });
      if (page.length === 0) return { events: found, nextAfter: null, scanLimited: false };
      for (const event of page) {
        position = event.position;
        scanned += 1;
        if (matchesLogFilter(event, filter)) found.push(event);
        if (found.length === first) return { events: found, nextAfter: position.toString(), scanLimited: false };
      }
      if (scanned >= scanLimit) return { events: found, nextAfter: position.toString(), scanLimited: true };
    }
  }
}

export interface LogHead {
  position: string;
  hash: string;
}

export class GetLogHead {}

@QueryHandler(GetLogHead)
export class GetLogHeadHandler implements IQueryHandler<GetLogHead, LogHead> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(): Promise<LogHead> {
    const head = await this.store.headPosition();
    if (head === 0n) return { position: '0', hash: GENESIS_HASH };
    const [event] = await this.store.readAll({ after: head - 1n, limit: 1 });
    return { position: head.toString(), hash: event?.hash ?? GENESIS_HASH };
  }
}

/** Walks the whole chain (what `cli verify` does): the auditor's proof the log was not rewritten. */
export class VerifyLogChain {}

@QueryHandler(VerifyLogChain)
export class VerifyLogChainHandler implements IQueryHandler<VerifyLogChain, ChainVerification> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(): Promise<ChainVerification> {
    return verifyLog(this.store);
  }
}
