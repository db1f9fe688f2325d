import type { EventStore } from '@actiemonitor/event-store';
import type { Projector } from '../ports';

/**
 * The one policy that keeps the read models up to date after a write, whatever the store:
 *
 * 1. In the append's own transaction, where the store and the read models share one (SQLite): the
 *    events and their projection commit together, one fsync per command instead of two.
 * 2. After every acknowledged append, awaited before the command answers (`afterAppend`): the
 *    projector catches up from its checkpoint, so the caller reads its own write. A no-op when 1 did it.
 * 3. Writes this process did not make (another instance, the CLI, a writer that died between its
 *    append and its projection): the ProjectionFollower, run by ProjectionDaemon in the server.
 *
 * A projection failure never turns an acknowledged write into an error (a retry would be a duplicate):
 * it is logged here, and the follower reports it and retries.
 *
 * Plain TypeScript (no Nest), so it is tested as it is; ApplicationModule provides it, attached.
 */
export class ReadModelFreshness {
  constructor(
    private readonly store: EventStore,
    private readonly projector: Projector,
    private readonly logger: { warn(message: string): void },
  ) {}

  /**
   * The last position of the events step 1 applied in the most recent append transaction, null when
   * that one did not apply them. Reset before every attempt: a transaction that applied its events
   * and then failed to commit leaves no claim behind for the next append, which may reuse its positions.
   */
  private projectedInTransaction: bigint | null = null;

  /** Takes up step 1 where the store offers it. */
  attach(): this {
    const { projector } = this;
    if (this.store.onAppendedInTransaction && projector.applyAppended) {
      this.store.onAppendedInTransaction((events) => {
        this.projectedInTransaction = null;
        if (projector.applyAppended?.(events)) this.projectedInTransaction = events[events.length - 1].position;
      });
    }
    return this;
  }

  /**
   * `through`: the last position the append wrote. Called once that append is acknowledged (committed):
   * when step 1 applied exactly those events in the latest transaction, they are in the read models
   * and nothing is read; otherwise the checkpoint says whether there is anything to catch up.
   */
  async afterAppend(through?: bigint): Promise<void> {
    try {
      if (through !== undefined && through === this.projectedInTransaction) return;
      if (through !== undefined && (await this.projector.checkpoint()) >= through) return;
      await this.projector.catchUp();
    } catch (error) {
      this.logger.warn(`Read models behind after an acknowledged write: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
