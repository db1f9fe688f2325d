import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { PROJECTOR, Projector, READ_MODEL_MAINTENANCE } from '@actiemonitor/application';
import { EVENT_STORE, EventStore } from '@actiemonitor/event-store';
import { describeDifference } from '@actiemonitor/read-models';
import type { ReadModelMaintenance } from '@actiemonitor/read-models';
import { CLI_MESSAGES } from '../cli.messages';

@Command({
  name: 'replay',
  description: CLI_MESSAGES.replay.nl,
})
export class ReplayCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(READ_MODEL_MAINTENANCE) private readonly maintenance: ReadModelMaintenance,
  ) {
    super();
  }

  async run(_args: string[], options: { verify?: boolean }): Promise<void> {
    // Verify against exactly what the live models have applied; a rebuild goes to the head of the log.
    const until = options.verify ? await this.projector.checkpoint() : await this.store.headPosition();
    const rebuilt = await this.maintenance.rebuild(until);
    try {
      const rate = Math.round(rebuilt.events / Math.max(rebuilt.millis / 1000, 0.001));
      if (options.verify) {
        const difference = await rebuilt.firstDifference();
        if (difference === null) {
          process.stdout.write(`${CLI_MESSAGES.replayIdentical(rebuilt.events, rate).nl}\n`);
          return;
        }
        process.stdout.write(`${describeDifference(difference)}\n`);
        process.exitCode = 1;
        return;
      }
      await rebuilt.replaceLive();
      process.stdout.write(`${CLI_MESSAGES.rebuilt(rebuilt.events, (rebuilt.millis / 1000).toFixed(1), rate).nl}\n`);
    } finally {
      await rebuilt.discard();
    }
  }

  @Option({ flags: '--verify', description: CLI_MESSAGES.verifyOption.nl })
  parseVerify(): boolean {
    return true;
  }
}
