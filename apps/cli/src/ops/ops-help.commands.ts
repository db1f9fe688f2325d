import { Command, CommandRunner, Option } from 'nest-commander';
import { runOpsCommand } from './ops-commands';
import { OPS_MESSAGES } from './ops.messages';

/**
 * What `--help` lists for the commands main.ts hands to runOpsCommand before the Nest module (and its
 * store) is built. These classes only describe them; run() is reached only if that hand-over is bypassed.
 */
abstract class OpsCommand extends CommandRunner {
  constructor(private readonly commandName: string) {
    super();
  }

  async run(args: string[], options: Record<string, string>): Promise<void> {
    const flags = Object.entries(options).flatMap(([name, value]) => [`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value]);
    process.exitCode = (await runOpsCommand([this.commandName, ...flags, ...args])) ?? 2;
  }
}

@Command({ name: 'backup', description: OPS_MESSAGES.backupCommand.nl })
export class BackupHelpCommand extends OpsCommand {
  constructor() {
    super('backup');
  }

  @Option({ flags: '--output <file>', description: OPS_MESSAGES.outputOption.nl })
  parseOutput(value: string): string {
    return value;
  }
}

@Command({ name: 'restore', description: OPS_MESSAGES.restoreCommand.nl })
export class RestoreHelpCommand extends OpsCommand {
  constructor() {
    super('restore');
  }

  @Option({ flags: '--from <file>', description: OPS_MESSAGES.fromBackupOption.nl })
  parseFrom(value: string): string {
    return value;
  }
}

@Command({ name: 'copy-log', description: OPS_MESSAGES.copyLogCommand.nl })
export class CopyLogHelpCommand extends OpsCommand {
  constructor() {
    super('copy-log');
  }

  @Option({ flags: '--from <store>', description: OPS_MESSAGES.fromStoreOption.nl })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--to <store>', description: OPS_MESSAGES.toStoreOption.nl })
  parseTo(value: string): string {
    return value;
  }

  @Option({ flags: '--page-size <n>', description: OPS_MESSAGES.pageSizeOption.nl })
  parsePageSize(value: string): string {
    return value;
  }
}
