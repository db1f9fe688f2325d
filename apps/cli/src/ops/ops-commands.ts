import { parseArgs } from 'node:util';
import { loadConfiguration } from '@actiemonitor/config';
import { backup } from './backup';
import { OPS_MESSAGES } from './ops.messages';
import { restore } from './restore';
import { Output, verifyFile } from './verify-file';

const stdio: Output = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/**
 * The commands that must run without the CLI's Nest module, because that module opens (and on SQLite
 * creates) the configured store: `verify --file` reads only a file. Returns the exit code, or null when
 * the arguments are for the ordinary commands.
 */
export async function runOpsCommand(argv: string[], out: Output = stdio): Promise<number | null> {
  const [command, ...rest] = argv;
  if (command === 'verify' && rest.some((a) => a === '--file' || a.startsWith('--file='))) {
    const { values } = parseArgs({ args: rest, options: { file: { type: 'string' } }, strict: true });
    return verifyFile(values.file as string, out);
  }
  if (command === 'backup') {
    const { values } = parseArgs({ args: rest, options: { output: { type: 'string' } }, strict: true });
    return values.output ? backup(loadConfiguration(), values.output, out) : missing('--output', out);
  }
  if (command === 'restore') {
    const { values } = parseArgs({ args: rest, options: { from: { type: 'string' } }, strict: true });
    return values.from ? restore(loadConfiguration(), values.from, out) : missing('--from', out);
  }
  return null;
}

function missing(option: string, out: Output): number {
  out.stderr(`${OPS_MESSAGES.optionMissing(option).nl}\n`);
  return 2;
}
