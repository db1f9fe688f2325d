import { parseArgs } from 'node:util';
import { loadConfiguration } from '@actiemonitor/config';
import { backup } from './backup';
import { copyLog } from './copy-log';
import { sameStore, storeConfiguration } from './store-locations';
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
  // Help is nest-commander's to print (ops-help.commands.ts describes these commands).
  if (rest.includes('--help') || rest.includes('-h')) return null;
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
  if (command === 'copy-log') {
    const { values } = parseArgs({
      args: rest,
      options: { from: { type: 'string' }, to: { type: 'string' }, 'page-size': { type: 'string' } },
      strict: true,
    });
    if (!values.to) return missing('--to', out);
    const pageSize = Number(values['page-size'] ?? '1000');
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) return refuse(OPS_MESSAGES.pageSize.nl, out);
    const source = values.from ? storeConfiguration(values.from) : loadConfiguration();
    const target = storeConfiguration(values.to);
    if (!source) return refuse(OPS_MESSAGES.storeUrl(values.from as string).nl, out);
    if (!target) return refuse(OPS_MESSAGES.storeUrl(values.to).nl, out);
    if (sameStore(source, target)) return refuse(OPS_MESSAGES.copySameStore.nl, out);
    return copyLog(source, target, pageSize, out);
  }
  return null;
}

function refuse(message: string, out: Output): number {
  out.stderr(`${message}\n`);
  return 2;
}

function missing(option: string, out: Output): number {
  out.stderr(`${OPS_MESSAGES.optionMissing(option).nl}\n`);
  return 2;
}
