/**
 * Every event carries sha256(previous event's hash + its own canonical form). This makes the log
 * tamper-evident: an UPDATE or DELETE done behind the application's back (sqlite3 shell, a restored
 * backup edited by hand, a buggy migration) leaves a stored hash that no longer recomputes, or a link
 * that no longer matches, at exactly the position that was touched. It does not stop someone who
 * rewrites the whole tail with fresh hashes; publishing the head hash elsewhere (audit report, export)
 * is what anchors it.
 */
import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { RecordedEvent } from './event-store.port';

/** The prevHash of the event at position 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields that are covered by the hash: everything except the hashes themselves. */
export interface HashedEventFields {
  position: bigint;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
}

export function eventHash(prevHash: string, e: HashedEventFields): string {
  return eventHashOfTexts(prevHash, e, canonicalJson(e.data), canonicalJson(e.metadata));
}

/**
 * The same hash from the canonical texts of data and metadata, for a store that has them already (it
 * writes them): sha256 of the previous hash and the canonical form of the fields, the object with its
 * members in code-point order (data, metadata, position, schemaVersion, streamId, type, version) spelled
 * out here. The position is a string because the canonical form must not depend on how a platform
 * represents 64-bit integers.
 */
export function eventHashOfTexts(
  prevHash: string,
  e: Omit<HashedEventFields, 'data' | 'metadata'>,
  dataText: string,
  metadataText: string,
): string {
  // Strings are their JSON.stringify text in canonical JSON (canonical-json.ts); numbers keep its finiteness check.
  const canonical =
    `{"data":${dataText},"metadata":${metadataText},"position":${JSON.stringify(e.position.toString())},` +
    `"schemaVersion":${canonicalJson(e.schemaVersion)},"streamId":${JSON.stringify(e.streamId)},"type":${JSON.stringify(e.type)},` +
    `"version":${canonicalJson(e.version)}}`;
  // One-shot hashing (Node ≥ 20.12): no Hash object per event, on the path of every command.
  return hash('sha256', `${prevHash}\n${canonical}`, 'hex');
}

/**
 * What broke the chain, for people to be told in their language (the application words it); `reason`
 * says the same in English, with the hashes, for operators and logs.
 */
export type ChainProblem = { kind: 'gap'; follows: bigint } | { kind: 'missing'; nextAt: bigint } | { kind: 'link' } | { kind: 'altered' };

export type ChainVerification =
  { ok: true; count: number; headHash: string } | { ok: false; position: bigint; reason: string; problem: ChainProblem };

/**
 * Checks a contiguous run of the log, in position order, as read back from a store.
 * Pass the hash of the event before the first one as startPrevHash when verifying from the middle;
 * from GENESIS_HASH the run must start at position 1, so a removed first event is caught too.
 * Stops at the first broken link: later positions cannot be trusted more than that one.
 */
export function verifyChain(events: Iterable<RecordedEvent>, startPrevHash: string = GENESIS_HASH): ChainVerification {
  let prevHash = startPrevHash;
  let prevPosition: bigint | null = startPrevHash === GENESIS_HASH ? 0n : null;
  let count = 0;
  for (const event of events) {
    if (prevPosition !== null && event.position !== prevPosition + 1n) {
      return fail(event, `position ${event.position} follows ${prevPosition}: an event is missing or out of order`, {
        kind: 'gap',
        follows: prevPosition,
      });
    }
    if (event.prevHash !== prevHash) {
      return fail(event, `prevHash ${event.prevHash} does not link to the previous hash ${prevHash}`, { kind: 'link' });
    }
    const recomputed = eventHash(prevHash, event);
    if (event.hash !== recomputed) {
      return fail(event, `stored hash ${event.hash} does not match the recomputed ${recomputed}: the event was altered`, {
        kind: 'altered',
      });
    }
    prevHash = event.hash;
    prevPosition = event.position;
    count += 1;
  }
  return { ok: true, count, headHash: prevHash };
}

function fail(event: RecordedEvent, reason: string, problem: ChainProblem): ChainVerification {
  return { ok: false, position: event.position, reason, problem };
}
