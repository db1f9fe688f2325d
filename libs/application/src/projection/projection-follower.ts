import type { EventStore, EventSubscription, RecordedEvent } from '@actiemonitor/event-store';
import type { ReadModelProjector } from '@actiemonitor/read-models';

export interface FollowerLog {
  log(message: string): void;
  error(message: string): void;
}

/**
 * Keeps read models caught up with writes the write path did not project itself: another server
 * instance on the same log, the CLI on the same SQLite file, or a writer that died between its append
 * and its projection. It follows the store's catch-up subscription, started from the read models'
 * checkpoint.
 *
 * A failing event stops the projection there: the subscription ends at that batch (nothing after it is
 * applied, nothing is skipped), the error is logged once, and every `retryMs` the follower
 * resubscribes from the checkpoint, so a fix resumes it. Plain TypeScript (no Nest), so it is tested
 * as it is; ProjectionDaemon runs it inside the server.
 */
export class ProjectionFollower {
  private subscription: EventSubscription | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  private lastError: string | null = null;

  constructor(
    private readonly projector: ReadModelProjector,
    private readonly store: Pick<EventStore, 'subscribeToAll'>,
    private readonly retryMs: number,
    private readonly logger: FollowerLog,
  ) {}

  /** The error that holds the projection back, or null when it is healthy. */
  get failure(): string | null {
    return this.lastError;
  }

  async start(): Promise<void> {
    if (this.stopped) return;
    try {
      // Whatever is already there first, so a failure shows at once and by the same path.
      await this.projector.catchUp();
      const after = await this.projector.checkpoint();
      if (this.stopped) return;
      this.subscription = this.store.subscribeToAll({
        after,
        onEvents: (events) => this.apply(events),
        onError: (error) => void this.stoppedAt(error),
      });
      await this.resumed();
    } catch (error) {
      await this.stoppedAt(error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.subscription?.close();
  }

  private async apply(events: RecordedEvent[]): Promise<void> {
    await this.projector.applyBatch(events);
    // The read models may lag the subscription (replaced by `cli replay` with an older checkpoint):
    // fill the gap from the log rather than wait for events that will not be delivered again.
    if ((await this.projector.checkpoint()) < events[events.length - 1].position) await this.projector.catchUp();
    await this.resumed();
  }

  private async resumed(): Promise<void> {
    if (this.lastError === null) return;
    this.lastError = null;
    this.logger.log(`Projection resumed at position ${await this.projector.checkpoint()}`);
  }

  private async stoppedAt(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    if (message !== this.lastError) {
      const checkpoint = await Promise.resolve(this.projector.checkpoint()).catch(() => '?');
      this.logger.error(`Projection stopped after position ${checkpoint}: the next event fails (${message}); nothing is skipped`);
    }
    this.lastError = message;
    const failed = this.subscription;
    this.subscription = null;
    if (this.stopped) return;
    this.retry = setTimeout(() => {
      void (async () => {
        await failed?.close();
        await this.start();
      })();
    }, this.retryMs);
    this.retry.unref();
  }
}
