import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { PlanImporter, readPlanData } from '@actiemonitor/application';
import type { Configuration } from '@actiemonitor/config';
import { CONFIGURATION } from '@actiemonitor/platform';

@Command({ name: 'import', description: 'Importeer de plannen uit PLANS_DIR (idempotent) (import the plans)' })
export class ImportCommand extends CommandRunner {
  constructor(
    private readonly importer: PlanImporter,
    @Inject(CONFIGURATION) private readonly config: Configuration,
  ) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.importer.import(readPlanData(this.config.PLANS_DIR));
    process.stdout.write(`${report.applied} van ${report.commands} onderdelen nieuw vastgelegd (imported)\n`);
  }
}
