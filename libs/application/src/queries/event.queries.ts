import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInput, SHARED_MESSAGES } from '@actiemonitor/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@actiemonitor/event-store';
import { APPLICATION_MESSAGES } from '../application.messages';

export const MAX_EVENT_PAGE = 500;
/** Positions are signed 64-bit integers in every store. */
const MAX_POSITION = 9_223_372_036_854_775_807n;

export class GetEvents {
  constructor(
    readonly streamId: string | null,
    readonly after: string | null,
    readonly first: number | null,
  ) {}
}

export interface EventPageResult {
  events: RecordedEvent[];
  /** Pass as `after` for the next page; null when the page reached the end of the log. */
  nextAfter: string | null;
}

@QueryHandler(GetEvents)
export class GetEventsHandler implements IQueryHandler<GetEvents, EventPageResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ streamId, after, first }: GetEvents): Promise<EventPageResult> {
    if (after !== null && (!/^\d{1,19}$/.test(after) || BigInt(after) > MAX_POSITION)) {
      throw new InvalidInput('after', APPLICATION_MESSAGES.positionInvalid);
    }
    const limit = first ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENT_PAGE) {
      throw new InvalidInput('first', SHARED_MESSAGES.outOfRange(1, MAX_EVENT_PAGE));
    }
    // One extra event tells whether another page follows, so the last page says null.
    const events = await this.store.readAll({ after: BigInt(after ?? '0'), limit: limit + 1, streamId: streamId ?? undefined });
    const page = events.slice(0, limit);
    const nextAfter = events.length > limit ? page[page.length - 1].position.toString() : null;
    return { events: page, nextAfter };
  }
}
