import type { EventStore, EventSubscription, RecordedEvent, SubscribeToAllOptions } from './event-store.port';

const PAGE_SIZE = 1000;

/** Stores poll this often for other processes' appends unless told otherwise. */
export const DEFAULT_SUBSCRIPTION_POLL_MS = 250;

export interface PollingSubscriptionOptions {
  /** How often to look for events other processes appended. */
  pollMs: number;
  /** Wakes the subscription at once when this process appended (returns how to stop listening). */
  onLocalAppend?: (wake: () => void) => () => void;
}

/**
 * A catch-up subscription over `readAll` for stores whose positions are gap-free and visible in commit
 * order (SQLite's single writer, PostgreSQL's append lock): reading `position > last delivered` page
 * by page can then neither skip nor repeat an event. Waits `pollMs` between empty reads, or less when
 * this process appended. A failed read is retried after `pollMs`; a failing handler stops it.
 */
export function pollingSubscription(
  store: Pick<EventStore, 'readAll'>,
  { after, onEvents, onError }: SubscribeToAllOptions,
  { pollMs, onLocalAppend }: PollingSubscriptionOptions,
): EventSubscription {
  let closed = false;
  let wake: (() => void) | null = null;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  const stopListening = onLocalAppend?.(() => wake?.()) ?? (() => undefined);

  const run = async () => {
    let position = after;
    while (!closed) {
      let page: RecordedEvent[];
      try {
        page = await store.readAll({ after: position, limit: PAGE_SIZE });
      } catch {
        await pause(); // the store is away: try again, from the same place
        continue;
      }
      if (closed) return;
      if (page.length === 0) {
        await pause();
        continue;
      }
      try {
        await onEvents(page);
      } catch (error) {
        if (!closed) onError?.(error);
        return;
      }
      position = page[page.length - 1].position;
    }
  };
  const running = run().finally(stopListening);

  return {
    async close() {
      closed = true;
      wake?.();
      await running;
    },
  };
}

/**
 * A store's polling subscriptions: woken at once by this process's own appends, polling for other
 * processes' appends, and closed with the store.
 */
export class PollingSubscriptions {
  private readonly listeners = new Set<() => void>();
  private readonly open = new Set<EventSubscription>();

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly pollMs: number,
  ) {}

  subscribe(options: SubscribeToAllOptions): EventSubscription {
    const subscription = pollingSubscription(this.store, options, {
      pollMs: this.pollMs,
      onLocalAppend: (wake) => {
        this.listeners.add(wake);
        return () => this.listeners.delete(wake);
      },
    });
    this.open.add(subscription);
    return {
      close: async () => {
        this.open.delete(subscription);
        await subscription.close();
      },
    };
  }

  /** Called by the store after an append committed. */
  appended(): void {
    for (const wake of this.listeners) wake();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.close()));
    this.open.clear();
  }
}
