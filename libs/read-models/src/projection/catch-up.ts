import type { EventStore, RecordedEvent } from '@actiemonitor/event-store';
import type { Awaitable } from '../ports/read-model-reader';

const PAGE_SIZE = 1000;

/**
 * Runs catch-ups one after another, so a caller that awaits one has its own write in the read models
 * when it resumes (read-your-writes), and two never read the same checkpoint at once.
 */
export class CatchUpQueue {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly checkpoint: () => Awaitable<bigint>,
    private readonly applyBatch: (batch: RecordedEvent[]) => Awaitable<unknown>,
  ) {}

  catchUp(): Promise<number> {
    const run = this.queue.then(() => this.applyUntilHead());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies pages from the checkpoint until the log has nothing more; an error stops it at that page. */
  private async applyUntilHead(): Promise<number> {
    let applied = 0;
    for (;;) {
      const batch = await this.store.readAll({ after: await this.checkpoint(), limit: PAGE_SIZE });
      if (batch.length === 0) return applied;
      await this.applyBatch(batch);
      applied += batch.length;
    }
  }
}
