import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { loadConfiguration } from '@actiemonitor/config';
import { CliModule } from './cli.module';
import { CLI_MESSAGES } from './cli.messages';
import { runOpsCommand } from './ops/ops-commands';

/** `npm run -s cli -- <command>`: tokens, contacts, reminders, import, verify, replay, export. Talks to the same store as the server. */
// `cli export | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main(): Promise<void> {
  // verify --file, backup, restore, copy-log open their stores themselves (or none): see ops/ops-commands.ts.
  const opsExit = await runOpsCommand(process.argv.slice(2));
  if (opsExit !== null) return void (process.exitCode = opsExit);
  const config = loadConfiguration();
  await CommandFactory.run(CliModule.forRoot({ config }), {
    logger: ['error'],
    errorHandler: (error) => {
      // Commander has already written its help or its own complaint (unknown option, missing argument):
      // what is left is its exit code (0 after --help). Anything else is ours to report.
      const { code, exitCode } = error as Error & { code?: string; exitCode?: number };
      if (code?.startsWith('commander.')) process.exit(exitCode ?? 2);
      process.stderr.write(`${CLI_MESSAGES.failed(error.message).nl}\n`);
      process.exit(2);
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${CLI_MESSAGES.failed(error instanceof Error ? error.message : String(error)).nl}\n`);
  process.exit(1);
});
