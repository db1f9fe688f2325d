import type { ActionChange } from './action-change-feed';

export interface ActionChangeStreamOptions<T> {
  /** The action as it is after the change, or null when it is not for this subscriber (filtered out, gone). */
  read(change: ActionChange): Promise<T | null>;
  /** Whether the subscriber's token still holds; asked before every delivery. */
  allowed(): Promise<boolean>;
  /** The token no longer holds: close the subscription (and its connection). */
  revoked(): void;
  /** The stream ended, for whatever reason (client stop, connection closed, revoked). */
  ended(): void;
}

/**
 * One subscriber's `actionChanged`: a queue of the feed's changes read one at a time, in log order,
 * each position at most once (a position at or below the last delivered one is dropped). A hand-written
 * iterator rather than an async generator, so `return()` (the client's `complete`, a closed socket)
 * ends a stream that is waiting for the next change at once.
 */
export class ActionChangeStream<T> implements AsyncIterableIterator<T> {
  private readonly pending: ActionChange[] = [];
  private wake: (() => void) | null = null;
  private lastDelivered = -1n;
  private finished = false;

  constructor(private readonly options: ActionChangeStreamOptions<T>) {}

  push(changes: ActionChange[]): void {
    if (this.finished) return;
    this.pending.push(...changes);
    this.wake?.();
  }

  /** Ends the stream because the token no longer holds. */
  revoke(): void {
    if (this.finished) return;
    this.finish();
    this.options.revoked();
  }

  async next(): Promise<IteratorResult<T>> {
    while (!this.finished) {
      const change = this.pending.shift();
      if (!change) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      if (change.position <= this.lastDelivered) continue;
      this.lastDelivered = change.position;
      if (!(await this.options.allowed())) {
        this.revoke();
        break;
      }
      const value = await this.options.read(change);
      if (value !== null && !this.finished) return { value, done: false };
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<T>> {
    this.finish();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    this.finish();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.pending.length = 0;
    this.wake?.();
    this.options.ended();
  }
}
