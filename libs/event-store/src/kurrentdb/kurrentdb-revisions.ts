/**
 * Our numbers against KurrentDB's. A stream's version n (1 for its first event) is revision n-1;
 * version 0 (no events yet) is NO_STREAM. The log stream's revision r is position r+1, for the same
 * reason: both count from 1 where KurrentDB counts from 0.
 */
import type { AppendStreamState } from '@kurrent/kurrentdb-client';

export const NO_STREAM = 'no_stream';

/** The expected state that says "the stream is at exactly this version" (or this head position). */
export function expectedStateAt(countSoFar: number | bigint): AppendStreamState {
  const count = BigInt(countSoFar);
  if (count < 0n) throw new RangeError(`a version or position is never negative, got ${count}`);
  return count === 0n ? NO_STREAM : count - 1n;
}

/** Version (or position) of the event at this revision. */
export function countAtRevision(revision: bigint): bigint {
  return revision + 1n;
}

/** Where to start reading a stream to get version `fromVersion` on. */
export function revisionOfVersion(version: number): bigint {
  return version <= 1 ? 0n : BigInt(version - 1);
}
