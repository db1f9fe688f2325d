import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EVENT_STORE, EventStore, verifyLog } from '@actiemonitor/event-store';
import { chainFinding } from '@actiemonitor/application';
import { CLI_MESSAGES } from '../cli.messages';
import { OPS_MESSAGES } from '../ops/ops.messages';

interface VerifyOptions {
  until?: string;
}

@Command({ name: 'verify', description: CLI_MESSAGES.verify.nl })
export class VerifyCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_args: string[], options: VerifyOptions = {}): Promise<void> {
    let until: bigint | undefined;
    if (options.until !== undefined) {
      if (!/^[1-9]\d{0,18}$/.test(options.until)) return fail(CLI_MESSAGES.positionInvalid(options.until).nl);
      until = BigInt(options.until);
      const head = await this.store.headPosition();
      if (until > head) return fail(CLI_MESSAGES.positionBeyondHead(options.until, head.toString()).nl);
    }
    const result = await verifyLog(this.store, 5000, until);
    if (result.ok) {
      const line =
        until === undefined
          ? CLI_MESSAGES.chainIntact(result.count, result.headHash)
          : CLI_MESSAGES.chainIntactUntil(until.toString(), result.headHash);
      process.stdout.write(`${line.nl}\n`);
      return;
    }
    process.stdout.write(`${CLI_MESSAGES.chainBroken(result.position.toString(), chainFinding(result.problem).nl).nl}\n`);
    process.exitCode = 1;
  }

  @Option({ flags: '--until <position>', description: CLI_MESSAGES.verifyUntilOption.nl })
  parseUntil(value: string): string {
    return value;
  }

  /** `verify --file` is run by ops/ops-commands.ts before this module opens a store; declared here for --help. */
  @Option({ flags: '--file <file>', description: OPS_MESSAGES.fileOption.nl })
  parseFile(value: string): string {
    return value;
  }
}

function fail(message: string): void {
  process.stderr.write(`${CLI_MESSAGES.failed(message).nl}\n`);
  process.exitCode = 2;
}
