import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PlanImporter, PROJECTOR, Projector, readPlanData } from '@actiemonitor/application';
import type { Configuration } from '@actiemonitor/config';
import { CONFIGURATION } from '@actiemonitor/platform';

/**
 * On start: bring the read models up to the log, then import the plans' data files. The import is
 * idempotent, so on every start after the first it records nothing.
 */
@Injectable()
export class StartupImport implements OnApplicationBootstrap {
  private readonly logger = new Logger('Import');

  constructor(
    @Inject(CONFIGURATION) private readonly config: Configuration,
    @Inject(PROJECTOR) private readonly projector: Projector,
    private readonly importer: PlanImporter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const caughtUp = await this.projector.catchUp();
    if (caughtUp > 0) this.logger.log(`Read models caught up with ${caughtUp} events`);
    if (!this.config.IMPORT_ON_START) return;
    const report = await this.importer.import(readPlanData(this.config.PLANS_DIR));
    this.logger.log(
      report.applied === 0
        ? `Plans already imported; nothing new in ${this.config.PLANS_DIR}`
        : `Imported ${report.applied} of ${report.commands} plan items from ${this.config.PLANS_DIR}`,
    );
  }
}
