import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from '@actiemonitor/event-store';
import { PROJECTOR, Projector, ProjectionDaemon } from '@actiemonitor/application';
import type { Configuration } from '@actiemonitor/config';
import type { Message } from '@actiemonitor/domain';
import { CONFIGURATION } from '@actiemonitor/platform';
import { API_MESSAGES } from './errors/api.messages';

const STORE_TIMEOUT_MS = 2000;

/**
 * What anonymous callers and load balancers may see. /health/live: the process answers.
 * /health/ready: the store answers and the read models are within READY_MAX_LAG events of the log,
 * so a request routed here reads current data. /health: the counts, for people.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(CONFIGURATION) private readonly config: Configuration,
    private readonly daemon: ProjectionDaemon,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  @Get()
  async summary() {
    const head = await this.store.headPosition();
    const checkpoint = await this.projector.checkpoint();
    return { status: 'ok', events: head.toString(), projectionLag: (head - checkpoint).toString() };
  }

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.storeAndProjection()]);
  }

  private async storeAndProjection() {
    const check = this.indicators.check('eventStore');
    let head: bigint;
    try {
      head = await withTimeout(this.store.headPosition(), STORE_TIMEOUT_MS);
    } catch {
      return check.down(said(API_MESSAGES.storeNotAnswering));
    }
    const lag = head - (await this.projector.checkpoint());
    const data = { events: head.toString(), projectionLag: lag.toString(), maxLag: this.config.READY_MAX_LAG };
    if (this.daemon.failure !== null) return check.down({ ...data, ...said(API_MESSAGES.projectionStopped) });
    if (lag > BigInt(this.config.READY_MAX_LAG)) return check.down({ ...data, ...said(API_MESSAGES.readModelsBehind) });
    return check.up(data);
  }
}

/** Why the check is down: `message` in Dutch for people, `reason` in English. */
function said(message: Message): { message: string; reason: string } {
  return { message: message.nl, reason: message.en };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
