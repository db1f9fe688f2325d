import type { Actor } from '@actiemonitor/event-store';

/** What every write carries besides its payload: who, the idempotency key, the request it belongs to. */
export interface CommandMeta {
  actor: Actor;
  /** Idempotency key; one is generated when the client gives none. */
  commandId?: string | null;
  correlationId: string;
  /** When given and not the stream's current version: CONFLICT, nothing written. */
  expectedVersion?: number | null;
}

export interface CommandOutcome {
  streamId: string;
  /** The stream's version after the command. */
  version: number;
  lastPosition: bigint;
  /** True when the commandId had been seen before: nothing new was recorded. */
  duplicate: boolean;
}
