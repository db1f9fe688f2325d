import type { EventStore, EventSubscription, RecordedEvent } from '@actiemonitor/event-store';

/** One change to an action, as the log recorded it. */
export interface ActionChange {
  position: bigint;
  actionId: string;
  /** The action stream's version after this event: the version the delivered action must have. */
  version: number;
  recordedAt: string;
}

export type ActionChangeListener = (changes: ActionChange[]) => void;

/** What the feed needs of the read models: how far they have applied the log. */
export interface ProjectionCheckpoint {
  checkpoint(): bigint | Promise<bigint>;
}

const ACTION_STREAM = 'action-';

/**
 * The source of `actionChanged`: one catch-up subscription on the event log per process (not an
 * in-process emitter), so a change written through another instance on the same PostgreSQL log, or by
 * the CLI, arrives too. Each batch is handed to the listeners only after the read models have applied
 * it (their checkpoint reached its last position), so what a subscriber reads is the action after the
 * change. Batches come in log order and once each; the store subscription guarantees both.
 * Started on the first listener, from the head of the log: a subscriber hears of changes after it
 * subscribed, not the history (that is what `changes` and `events` are for).
 */
export class ActionChangeFeed {
  private readonly listeners = new Set<ActionChangeListener>();
  private subscription: EventSubscription | null = null;
  private starting: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly store: Pick<EventStore, 'headPosition' | 'subscribeToAll'>,
    private readonly projection: ProjectionCheckpoint,
    private readonly waitMs = 20,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Starts listening; the listener hears every action change committed after this resolves. */
  async listen(listener: ActionChangeListener): Promise<() => void> {
    // A failed start (the store away) is not remembered: the next subscriber tries again.
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = null;
      throw error;
    });
    await this.starting;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Nest calls this on shutdown (the feed is a factory provider in AppModule). */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.subscription?.close();
  }

  private async start(): Promise<void> {
    const after = await this.store.headPosition();
    this.subscription = this.store.subscribeToAll({
      after,
      onEvents: (events) => this.deliver(events),
      onError: (error) => this.log(`Change feed stopped: ${error instanceof Error ? error.message : String(error)}`),
    });
  }

  private async deliver(events: RecordedEvent[]): Promise<void> {
    await this.projected(events[events.length - 1].position);
    if (this.closed) return;
    const changes = events.filter((e) => e.streamId.startsWith(ACTION_STREAM)).map(changeOf);
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  /** Waits until the read models (this instance's or another's, on PostgreSQL they are shared) hold `position`. */
  private async projected(position: bigint): Promise<void> {
    while (!this.closed && (await this.checkpoint()) < position) {
      await new Promise((resolve) => setTimeout(resolve, this.waitMs));
    }
  }

  /** A store that is away only delays delivery: asking again later, the feed neither skips nor stops. */
  private async checkpoint(): Promise<bigint> {
    try {
      return await this.projection.checkpoint();
    } catch {
      return -1n;
    }
  }
}

function changeOf(event: RecordedEvent): ActionChange {
  return {
    position: event.position,
    actionId: event.streamId.slice(ACTION_STREAM.length),
    version: event.version,
    recordedAt: event.metadata.recordedAt,
  };
}
