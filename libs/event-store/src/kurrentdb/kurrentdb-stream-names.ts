/**
 * Which KurrentDB streams hold what.
 *  - Each aggregate keeps its own stream under its own id (`action-pleegzorg-3-4`), as KurrentDB users
 *    expect: readable in the UI, `$ce-action` category projections work, expected revisions per stream.
 *  - `@actiemonitor-log` holds a copy of every event in log order: its revision r is our position r+1.
 *  - `@actiemonitor-command-<sha256 of commandId>` holds the outcome of one command (idempotency).
 * A namespace prefix keeps test runs (and several deployments on one cluster) apart.
 * '$' starts the server's own streams and '@' this adapter's, so stream ids starting with either are
 * refused for writing and read as empty.
 */
import { createHash } from 'node:crypto';
import { InvalidAppendRequest } from '../append-request-validation';

export class KurrentStreamNames {
  readonly log: string;

  constructor(private readonly namespace = '') {
    this.log = `${namespace}@actiemonitor-log`;
  }

  aggregate(streamId: string): string {
    return `${this.namespace}${streamId}`;
  }

  command(commandId: string): string {
    // Hashed: a command id is the client's free text, and a stream name should be short and plain.
    return `${this.namespace}@actiemonitor-command-${createHash('sha256').update(commandId, 'utf8').digest('hex')}`;
  }

  isReserved(streamId: string): boolean {
    return streamId.startsWith('$') || streamId.startsWith('@');
  }

  assertWritable(streamId: string): void {
    if (this.isReserved(streamId)) {
      throw new InvalidAppendRequest(`streamId may not start with '$' or '@' on KurrentDB (reserved), got ${streamId}`);
    }
  }
}
