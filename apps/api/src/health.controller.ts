import { Controller, Get, Inject } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@actiemonitor/event-store';
import { PROJECTOR, Projector } from '@actiemonitor/application';

/** The one thing an anonymous caller may see: whether the server is up and its read models caught up. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR) private readonly projector: Projector,
  ) {}

  @Get()
  async health() {
    const head = await this.store.headPosition();
    const checkpoint = this.projector.checkpoint();
    return { status: 'ok', events: head.toString(), projectionLag: (head - checkpoint).toString() };
  }
}
