import { Inject } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Command, CommandRunner, Option } from 'nest-commander';
import { PROJECTOR, Projector } from '@actiemonitor/application';
import { EVENT_STORE, EventStore } from '@actiemonitor/event-store';
import { firstReadModelDifference, rebuildReadModels, replaceReadModels } from '@actiemonitor/read-models';
import { SQLITE_DATABASE } from '@actiemonitor/platform';

@Command({
  name: 'replay',
  description:
    'Bouw alle leesmodellen opnieuw op uit het logboek; met --verify alleen vergelijken (rebuild the read models; --verify compares only)',
})
export class ReplayCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(SQLITE_DATABASE) private readonly db: Database.Database,
  ) {
    super();
  }

  async run(_args: string[], options: { verify?: boolean }): Promise<void> {
    // Verify against exactly what the live models have applied; a rebuild goes to the head of the log.
    const until = options.verify ? this.projector.checkpoint() : await this.store.headPosition();
    const rebuilt = await rebuildReadModels(this.store, until);
    try {
      const rate = Math.round(rebuilt.events / Math.max(rebuilt.millis / 1000, 0.001));
      if (options.verify) {
        const difference = firstReadModelDifference(this.db, rebuilt.file);
        if (difference === null) {
          process.stdout.write(`OK: leesmodellen gelijk aan een herbouw uit ${rebuilt.events} gebeurtenissen (identical; ${rate}/s)\n`);
          return;
        }
        process.stdout.write(
          `VERSCHIL in ${difference.table}: rij alleen in ${difference.onlyIn === 'live' ? 'de live leesmodellen' : 'de herbouw'}: ${JSON.stringify(difference.row, bigintSafe)}\n`,
        );
        process.exitCode = 1;
        return;
      }
      replaceReadModels(this.db, rebuilt.file);
      process.stdout.write(`Herbouwd: ${rebuilt.events} gebeurtenissen toegepast in ${(rebuilt.millis / 1000).toFixed(1)} s (${rate}/s)\n`);
    } finally {
      rebuilt.discard();
    }
  }

  @Option({ flags: '--verify', description: 'vergelijk alleen, rij voor rij; exit 1 bij het eerste verschil' })
  parseVerify(): boolean {
    return true;
  }
}

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
