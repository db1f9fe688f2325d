import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@actiemonitor/event-store';
import { PROJECTOR, Projector } from '../ports';
import { ProjectionFollower } from './projection-follower';

export const PROJECTION_POLL_INTERVAL = Symbol('PROJECTION_POLL_INTERVAL');

/**
 * Runs the ProjectionFollower inside the server, from bootstrap to shutdown. PROJECTION_POLL_MS sets how
 * often a stopped projection is retried (and how often the store looks for other processes' appends);
 * 0 turns it off.
 */
@Injectable()
export class ProjectionDaemon implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly follower: ProjectionFollower;

  constructor(
    @Inject(PROJECTOR) projector: Projector,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PROJECTION_POLL_INTERVAL) private readonly intervalMs: number,
  ) {
    this.follower = new ProjectionFollower(projector, store, intervalMs, new Logger('Projection'));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.intervalMs > 0) await this.follower.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.follower.stop();
  }

  /** The error that holds the projection back, or null when it is healthy. */
  get failure(): string | null {
    return this.follower.failure;
  }
}
