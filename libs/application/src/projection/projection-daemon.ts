import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PROJECTOR, Projector } from '../ports';

export const PROJECTION_POLL_INTERVAL = Symbol('PROJECTION_POLL_INTERVAL');

/**
 * Keeps this instance's read models caught up with writes it did not make itself: another server
 * instance on the same PostgreSQL log, or the CLI on the same SQLite file. Own writes are projected at
 * once by the write path; this loop covers the rest. A failing event stops the projection there (it is
 * never skipped); the error is logged once and retried every tick, so a fix resumes it.
 */
@Injectable()
export class ProjectionDaemon implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projection');
  private timer: NodeJS.Timeout | null = null;
  private lastError: string | null = null;

  constructor(
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(PROJECTION_POLL_INTERVAL) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    try {
      await this.projector.catchUp();
      if (this.lastError !== null) this.logger.log(`Projectie hervat bij positie ${this.projector.checkpoint()} (projection resumed)`);
      this.lastError = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastError) {
        this.logger.error(
          `Projectie gestopt na positie ${this.projector.checkpoint()}: de volgende gebeurtenis faalt (${message}); niets wordt overgeslagen (projection stopped)`,
        );
      }
      this.lastError = message;
    }
  }

  /** The error that holds the projection back, or null when it is healthy. */
  get failure(): string | null {
    return this.lastError;
  }
}
