import { writeFile, rename } from 'node:fs/promises';
import { QueryBus } from '@nestjs/cqrs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DomainError, isCalendarDate, NotFound } from '@actiemonitor/domain';
import { GetReport } from '@actiemonitor/application';
import type { ReportModel } from '@actiemonitor/read-models';
import { REPORT_FORMATS, ReportFormat, reportFile } from '../../../api/src/reports';
import { CLI_MESSAGES } from '../cli.messages';

interface ReportOptions {
  plan?: string;
  from?: string;
  to?: string;
  format?: string;
  partner?: string;
  output?: string;
  madeOn?: string;
}

/**
 * `report --plan <id> --from <date> --to <date> --format docx|html|md`: the progress report over a period.
 * Every argument is checked before anything is written, so bad input leaves no (partial) file behind.
 */
@Command({ name: 'report', description: CLI_MESSAGES.report.nl })
export class ReportCommand extends CommandRunner {
  constructor(private readonly queryBus: QueryBus) {
    super();
  }

  async run(_args: string[], options: ReportOptions): Promise<void> {
    if (!options.plan) return fail(CLI_MESSAGES.reportArgumentRequired('plan', 'actieplan-pleegzorg-2017-2018').nl);
    if (!options.from) return fail(CLI_MESSAGES.reportArgumentRequired('from', '2018-01-01').nl);
    if (!options.to) return fail(CLI_MESSAGES.reportArgumentRequired('to', '2018-06-30').nl);
    const format = (options.format ?? 'md') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) return fail(CLI_MESSAGES.reportFormatChoice(options.format ?? '').nl);
    if (options.madeOn !== undefined && !isCalendarDate(options.madeOn)) return fail(CLI_MESSAGES.reportMadeOnInvalid(options.madeOn).nl);

    let model: ReportModel;
    try {
      model = await this.queryBus.execute(
        new GetReport(options.plan, options.from, options.to, options.partner ?? null, options.madeOn ?? null),
      );
    } catch (error) {
      // The application names fields as `from`/`to`; on the command line they are options.
      if (error instanceof NotFound) return fail(`--plan: ${error.message}`);
      if (error instanceof DomainError) return fail(`--${error.message}`);
      throw error;
    }
    const file = await reportFile(model, format);
    if (!options.output) {
      process.stdout.write(file.body);
      return;
    }
    // Written beside the target and renamed: a reader never sees half a report.
    const partial = `${options.output}.partial`;
    await writeFile(partial, file.body);
    await rename(partial, options.output);
    process.stderr.write(`${CLI_MESSAGES.reportWritten(options.output, model.head.position, model.head.hash).nl}\n`);
  }

  @Option({ flags: '--plan <id>', description: CLI_MESSAGES.reportPlanOption.nl })
  parsePlan(value: string): string {
    return value;
  }

  @Option({ flags: '--from <date>', description: CLI_MESSAGES.reportFromOption.nl })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--to <date>', description: CLI_MESSAGES.reportToOption.nl })
  parseTo(value: string): string {
    return value;
  }

  @Option({ flags: '--format <format>', description: CLI_MESSAGES.reportFormatOption.nl })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--partner <id>', description: CLI_MESSAGES.reportPartnerOption.nl })
  parsePartner(value: string): string {
    return value;
  }

  @Option({ flags: '--output <file>', description: CLI_MESSAGES.reportOutputOption.nl })
  parseOutput(value: string): string {
    return value;
  }

  @Option({ flags: '--made-on <date>', description: CLI_MESSAGES.reportMadeOnOption.nl })
  parseMadeOn(value: string): string {
    return value;
  }
}

function fail(message: string): void {
  process.stderr.write(`${CLI_MESSAGES.failed(message).nl}\n`);
  process.exitCode = 2;
}
