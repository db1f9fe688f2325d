/**
 * Checks the hash chain of an exported log (`export --format ndjson`: one JSON object per line) with
 * nothing but the file: no server, no database. Streams, so a log larger than memory is checked in
 * constant space. docs/hash-chain.md describes the same computation for implementations in other languages.
 */
import type { ChainProblem } from '../hash-chain';
import { eventHash, GENESIS_HASH } from '../hash-chain';

/** One line of `export --format ndjson`, as written by the export command. */
export interface ExportedEventLine {
  position: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  recordedAt: string;
  actor: unknown;
  commandId: string;
  correlationId: string;
  data: unknown;
  prevHash: string;
  hash: string;
}

export type ExportProblem = ChainProblem | { kind: 'malformed'; field: string };

export type ExportVerification =
  | { ok: true; count: number; headHash: string }
  | { ok: false; line: number; position: string | null; problem: ExportProblem; reason: string };

const TEXT_FIELDS = ['streamId', 'type', 'recordedAt', 'commandId', 'correlationId', 'prevHash', 'hash'] as const;
const POSITION = /^[1-9][0-9]*$/;

/** Reads one line into its fields, or names the first field that is missing or of the wrong kind. */
export function parseExportedLine(text: string): ExportedEventLine | { malformed: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { malformed: 'json' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { malformed: 'json' };
  const line = value as Record<string, unknown>;
  if (typeof line.position !== 'string' || !POSITION.test(line.position)) return { malformed: 'position' };
  for (const field of TEXT_FIELDS) if (typeof line[field] !== 'string') return { malformed: field };
  for (const field of ['version', 'schemaVersion'] as const) if (!Number.isInteger(line[field])) return { malformed: field };
  for (const field of ['actor', 'data'] as const) if (!(field in line)) return { malformed: field };
  return line as unknown as ExportedEventLine;
}

/** The hash a line should carry, given the previous line's hash: the same function the stores seal events with. */
export function exportedLineHash(prevHash: string, line: ExportedEventLine): string {
  return eventHash(prevHash, {
    position: BigInt(line.position),
    streamId: line.streamId,
    version: line.version,
    type: line.type,
    schemaVersion: line.schemaVersion,
    data: line.data,
    metadata: { actor: line.actor, commandId: line.commandId, correlationId: line.correlationId, recordedAt: line.recordedAt },
  });
}

/**
 * Walks the lines in order from position 1 (so a removed first line is caught as well) and stops at the
 * first bad one: its line number (1-based), its position when readable, and what is wrong with it.
 */
export async function verifyExportedLog(lines: AsyncIterable<string> | Iterable<string>): Promise<ExportVerification> {
  let prevHash = GENESIS_HASH;
  let prevPosition = 0n;
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber += 1;
    const line = parseExportedLine(text);
    if ('malformed' in line) {
      return {
        ok: false,
        line: lineNumber,
        position: null,
        problem: { kind: 'malformed', field: line.malformed },
        reason: `field ${line.malformed} is missing or malformed`,
      };
    }
    const position = BigInt(line.position);
    const fail = (problem: ExportProblem, reason: string): ExportVerification => ({
      ok: false,
      line: lineNumber,
      position: line.position,
      problem,
      reason,
    });
    if (position !== prevPosition + 1n) {
      return fail(
        { kind: 'gap', follows: prevPosition },
        `position ${position} follows ${prevPosition}: an event is missing or out of order`,
      );
    }
    if (line.prevHash !== prevHash)
      return fail({ kind: 'link' }, `prevHash ${line.prevHash} does not link to the previous hash ${prevHash}`);
    const recomputed = exportedLineHash(prevHash, line);
    if (line.hash !== recomputed) {
      return fail({ kind: 'altered' }, `stored hash ${line.hash} does not match the recomputed ${recomputed}: the event was altered`);
    }
    prevHash = line.hash;
    prevPosition = position;
  }
  return { ok: true, count: lineNumber, headHash: prevHash };
}
