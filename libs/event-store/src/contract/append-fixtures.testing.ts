/**
 * For specs only (not exported): the append requests every store spec and the contract suite build.
 * Command and correlation ids are random, so runs against a long-lived server (KurrentDB) never collide.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, AppendRequest, ExpectedVersion, NewEvent } from '../event-store.port';

export const TEST_COORDINATOR: Actor = { id: 'user-1', partnerId: null, role: 'COORDINATOR' };

export function newEvents(count: number, type = 'ProgressReported'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({ type, schemaVersion: 1, data: { index: i + 1 } }));
}

export function appendRequest(
  streamId: string,
  events: NewEvent[],
  expectedVersion: ExpectedVersion = 'any',
  overrides: Partial<AppendRequest> = {},
): AppendRequest {
  return {
    streamId,
    events,
    expectedVersion,
    commandId: `cmd-${randomUUID()}`,
    correlationId: `corr-${randomUUID()}`,
    actor: TEST_COORDINATOR,
    ...overrides,
  };
}
