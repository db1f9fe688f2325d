import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { PlanImporter, readPlanData } from '@actiemonitor/application';
import type { Configuration } from '@actiemonitor/config';
import { CONFIGURATION } from '@actiemonitor/platform';
import { CLI_MESSAGES } from '../cli.messages';

@Command({ name: 'import', description: CLI_MESSAGES.import.nl })
export class ImportCommand extends CommandRunner {
  constructor(
    private readonly importer: PlanImporter,
    @Inject(CONFIGURATION) private readonly config: Configuration,
  ) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.importer.import(readPlanData(this.config.PLANS_DIR));
    process.stdout.write(`${CLI_MESSAGES.imported(report.applied, report.commands).nl}\n`);
  }
}
