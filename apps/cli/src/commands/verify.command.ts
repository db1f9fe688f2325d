import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EVENT_STORE, EventStore, verifyLog } from '@actiemonitor/event-store';
import { chainFinding } from '@actiemonitor/application';
import { CLI_MESSAGES } from '../cli.messages';
import { OPS_MESSAGES } from '../ops/ops.messages';

@Command({ name: 'verify', description: CLI_MESSAGES.verify.nl })
export class VerifyCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(): Promise<void> {
    const result = await verifyLog(this.store);
    if (result.ok) {
      process.stdout.write(`${CLI_MESSAGES.chainIntact(result.count, result.headHash).nl}\n`);
      return;
    }
    process.stdout.write(`${CLI_MESSAGES.chainBroken(result.position.toString(), chainFinding(result.problem).nl).nl}\n`);
    process.exitCode = 1;
  }

  /** `verify --file` is run by ops/ops-commands.ts before this module opens a store; declared here for --help. */
  @Option({ flags: '--file <file>', description: OPS_MESSAGES.fileOption.nl })
  parseFile(value: string): string {
    return value;
  }
}
