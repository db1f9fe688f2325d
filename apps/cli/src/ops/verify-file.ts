import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { chainFinding } from '@actiemonitor/application';
import { verifyExportedLog } from '@actiemonitor/event-store';
import { OPS_MESSAGES } from './ops.messages';

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * `verify --file log.ndjson`: the exported log's chain, line by line, with no store opened. Exit 0 and the
 * head hash when intact; 1 naming the first bad line; 2 when the file cannot be read or holds no events.
 */
export async function verifyFile(file: string, out: Output): Promise<number> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const failure = new Promise<Error>((resolve) => input.once('error', resolve));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let result;
  try {
    result = await Promise.race([verifyExportedLog(lines), failure]);
  } finally {
    lines.close();
    input.destroy();
  }
  if (result instanceof Error) {
    out.stderr(`${OPS_MESSAGES.fileUnreadable(file, result.message).nl}\n`);
    return 2;
  }
  if (result.ok && result.count === 0) {
    out.stderr(`${OPS_MESSAGES.fileEmpty(file).nl}\n`);
    return 2;
  }
  if (result.ok) {
    out.stdout(`${OPS_MESSAGES.fileIntact(result.count, result.headHash).nl}\n`);
    return 0;
  }
  const finding = result.problem.kind === 'malformed' ? OPS_MESSAGES.lineMalformed(result.problem.field) : chainFinding(result.problem);
  out.stdout(`${OPS_MESSAGES.fileBroken(result.line, result.position ?? '?', finding.nl).nl}\n`);
  return 1;
}
