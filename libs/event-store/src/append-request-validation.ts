/**
 * Input checks shared by every adapter, so a request that one store refuses is refused by all of them
 * (the contract suite asserts this error type).
 */
import type { AppendRequest } from './event-store.port';

/** Raised before anything is written when an append request is malformed: a programming error, not a conflict. */
export class InvalidAppendRequest extends Error {
  constructor(reason: string) {
    super(`Invalid append request: ${reason}`);
    this.name = 'InvalidAppendRequest';
  }
}

/** Counted in code points, which is what PostgreSQL's varchar(200) counts too. */
export const MAX_STREAM_ID_LENGTH = 200;

export function assertValidAppendRequest(request: AppendRequest): void {
  const { streamId, events, expectedVersion, commandId, correlationId, actor } = request;
  if (typeof streamId !== 'string' || streamId.trim() === '') {
    throw new InvalidAppendRequest('streamId must be a non-empty string');
  }
  // Code points, not UTF-16 units; only counted when the units could exceed the limit.
  if (streamId.length > MAX_STREAM_ID_LENGTH && [...streamId].length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidAppendRequest(`streamId is longer than ${MAX_STREAM_ID_LENGTH} characters`);
  }
  if (expectedVersion !== 'any' && !(Number.isSafeInteger(expectedVersion) && expectedVersion >= 0)) {
    throw new InvalidAppendRequest(`expectedVersion must be 'any' or a non-negative integer, got ${String(expectedVersion)}`);
  }
  if (!isNonEmptyString(commandId)) throw new InvalidAppendRequest('commandId must be a non-empty string');
  if (!isNonEmptyString(correlationId)) throw new InvalidAppendRequest('correlationId must be a non-empty string');
  if (typeof actor !== 'object' || actor === null || !isNonEmptyString(actor.id)) {
    throw new InvalidAppendRequest('actor with an id is required');
  }
  if (!Array.isArray(events)) throw new InvalidAppendRequest('events must be an array');
  events.forEach((event, index) => {
    if (!isNonEmptyString(event?.type)) {
      throw new InvalidAppendRequest(`events[${index}].type must be a non-empty string`);
    }
    if (!(Number.isSafeInteger(event.schemaVersion) && event.schemaVersion >= 1)) {
      throw new InvalidAppendRequest(`events[${index}].schemaVersion must be a positive integer`);
    }
    if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
      throw new InvalidAppendRequest(`events[${index}].data must be a JSON object`);
    }
  });
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
