/**
 * subscribeToAll for KurrentDB, natively: a catch-up subscription (the client's subscribeToStream) of the
 * adapter's own log stream, not a polling loop over readAll.
 *
 * Why the log stream and not $all: our gap-free positions are the log stream's revisions (position p is
 * revision p-1, docs/decisions.md item 28). $all carries byte-offset positions and everything else on the
 * server (aggregate streams, command records, other applications, system events), so a subscription to it
 * would have to filter and could not name "the event after position p". The log stream has exactly one
 * event per position, in position order, written atomically with the events themselves.
 */
import type { ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { EventSubscription, RecordedEvent, SubscribeToAllOptions } from '../event-store.port';
import type { KurrentClientLike, KurrentSubscriptionLike } from './kurrentdb-client-like';
import { fromResolvedEvent } from './kurrentdb-event-mapping';
import { countAtRevision, subscriptionStartAfter } from './kurrentdb-revisions';

/** Pause before subscribing again after the subscription failed (connection lost, server restarted). */
export const DEFAULT_RESUBSCRIBE_DELAY_MS = 500;
/** At most this many events per onEvents call (as a polling store's page). */
export const MAX_SUBSCRIPTION_BATCH = 1000;

export interface LogSubscriptionSettings {
  /** The (namespaced) log stream's name. */
  logStream: string;
  resubscribeDelayMs: number;
  maxBatch?: number;
}

const STOPPED = Symbol('STOPPED');
const NOT_YET = Symbol('NOT_YET');

/**
 * Runs one catch-up subscription to the whole log until closed or until the handler throws.
 *
 * Batches: every event that has already arrived from the server when the handler is free (up to
 * `maxBatch`) goes into one onEvents call: the client buffers what the server pushed, and what can be
 * taken from that buffer without waiting for the network (before the next event-loop turn) has arrived.
 * Catching up on a long log thus gives large batches, a live append of n events usually one batch of n.
 * While onEvents runs nothing more is taken from the subscription (beyond the one read already waiting
 * for the next batch), so the next batch waits for it to settle and the client's buffer applies
 * back-pressure to the server; a server that drops a subscriber that fell too far behind is a failure
 * like any other (below).
 *
 * Exactly once: the subscription starts after the last delivered position (subscriptionStartAfter:
 * fromRevision is exclusive), and every event at or below the last delivered position is dropped anyway,
 * so a server or client that also sends the boundary event, or repeats events after a resubscription,
 * cannot cause a duplicate. Positions in the log stream have no gaps, so starting after the last one
 * delivered cannot skip an event.
 *
 * Failures: when the subscription fails (connection lost: its iteration throws), ends without being
 * asked to, or brings an event that cannot be read, it is dropped and a new one is made from the last
 * delivered position after `resubscribeDelayMs`; the handler is not told (the log comes back where it
 * was). When the handler throws, nothing more is delivered and onError is told once.
 */
export function kurrentLogSubscription(
  client: Pick<KurrentClientLike, 'subscribeToStream'>,
  { after, onEvents, onError }: SubscribeToAllOptions,
  { logStream, resubscribeDelayMs, maxBatch = MAX_SUBSCRIPTION_BATCH }: LogSubscriptionSettings,
): EventSubscription {
  let closed = false;
  let interrupt: (() => void) | undefined;
  /**
   * Waits for `promise` unless close() comes first. (A fresh promise per wait rather than a race with one
   * long-lived "closed" promise, which would collect a reaction per batch for the subscription's lifetime.)
   */
  const unlessClosed = <T>(promise: Promise<T>): Promise<T | typeof STOPPED> =>
    closed
      ? Promise.resolve(STOPPED)
      : new Promise((resolve, reject) => {
          interrupt = () => resolve(STOPPED);
          promise.then(resolve, reject);
        });
  /** Waits before resubscribing; close() ends the wait (and its timer) at once. */
  const pause = async () => {
    let timer: NodeJS.Timeout | undefined;
    await unlessClosed(new Promise((resolve) => (timer = setTimeout(resolve, resubscribeDelayMs))));
    clearTimeout(timer);
  };

  const run = async (): Promise<void> => {
    let last = after;
    while (!closed) {
      let subscription: KurrentSubscriptionLike | undefined;
      try {
        subscription = client.subscribeToStream(logStream, { fromRevision: subscriptionStartAfter(last) });
        const batches = arrivedBatches(subscription, maxBatch);
        for (;;) {
          const next = await unlessClosed(batches.next());
          if (next === STOPPED || closed) return;
          if (next.done === true) break; // ended although nobody unsubscribed: subscribe again
          const events: RecordedEvent[] = next.value
            .filter((resolved) => resolved.event === undefined || countAtRevision(resolved.event.revision) > last)
            .map((resolved) => fromResolvedEvent(resolved, 'log'));
          if (events.length === 0) continue;
          try {
            await onEvents(events);
          } catch (error) {
            if (!closed) tell(onError, error);
            return;
          }
          last = events[events.length - 1].position;
        }
      } catch {
        // The subscription failed (or brought an unreadable event): not the handler's business. Below,
        // after a pause, a new one starts after the last delivered position.
      } finally {
        if (subscription !== undefined) unsubscribe(subscription);
      }
      if (!closed) await pause();
    }
  };
  const running = run();

  return {
    async close() {
      closed = true;
      interrupt?.();
      await running;
    },
  };
}

/**
 * The subscription's events in batches of those that have arrived: after the first event of a batch
 * (waited for as long as it takes), more are taken only while the next one is there before the next
 * event-loop turn. The read that did not answer in time is kept for the next batch, never repeated.
 * A failure after some events first yields those, then throws.
 */
async function* arrivedBatches(subscription: KurrentSubscriptionLike, maxBatch: number): AsyncGenerator<ResolvedEvent[], void, undefined> {
  const iterator = subscription[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<ResolvedEvent>> | undefined;
  for (;;) {
    const first = await (pending ?? iterator.next());
    pending = undefined;
    if (first.done === true) return;
    const batch = [first.value];
    let ended = false;
    let failure: { error: unknown } | undefined;
    while (batch.length < maxBatch) {
      pending = iterator.next();
      let result: IteratorResult<ResolvedEvent> | typeof NOT_YET;
      try {
        result = await Promise.race([pending, nextTurn()]);
      } catch (error) {
        failure = { error };
        break;
      }
      if (result === NOT_YET) break;
      pending = undefined;
      if (result.done === true) {
        ended = true;
        break;
      }
      batch.push(result.value);
    }
    yield batch;
    if (failure !== undefined) throw failure.error;
    if (ended) return;
  }
}

/** Not awaited: cancelling waits for a connection that may be gone, and close() must not hang on it. */
function unsubscribe(subscription: KurrentSubscriptionLike): void {
  try {
    subscription.unsubscribe().catch(() => undefined);
  } catch {
    // already gone
  }
}

/** A throwing onError must not break close(): the subscription has stopped either way. */
function tell(onError: SubscribeToAllOptions['onError'], error: unknown): void {
  try {
    onError?.(error);
  } catch {
    // nothing left to tell
  }
}

function nextTurn(): Promise<typeof NOT_YET> {
  return new Promise((resolve) => setImmediate(() => resolve(NOT_YET)));
}
