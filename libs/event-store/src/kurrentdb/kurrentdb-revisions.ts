/**
 * Our numbers against KurrentDB's. A stream's version n (1 for its first event) is revision n-1;
 * version 0 (no events yet) is NO_STREAM. The log stream's revision r is position r+1, for the same
 * reason: both count from 1 where KurrentDB counts from 0.
 */
import type { AppendStreamState, ReadRevision } from '@kurrent/kurrentdb-client';

export const NO_STREAM = 'no_stream';
/** The client's START, spelled out so this module does not load the client (see KurrentDbEventStore.connect). */
export const FROM_START = 'start' satisfies ReadRevision;

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

/**
 * Where a catch-up subscription of the log stream starts to deliver the events after `position`. The
 * client's subscribeToStream takes `fromRevision` as EXCLUSIVE (its docs: "The positions provided to the
 * subscriptions are exclusive"; its own test subscribes 4 events from revision 2 and gets one before
 * caught-up), unlike readStream's inclusive one. Position p is log revision p-1, so "after position p" is
 * "after revision p-1"; after 0 (nothing delivered yet) is START, which includes revision 0.
 */
export function subscriptionStartAfter(position: bigint): ReadRevision {
  return position <= 0n ? FROM_START : position - 1n;
}
