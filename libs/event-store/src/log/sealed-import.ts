/**
 * Taking already-sealed events into another store (`copy-log`): they keep their positions, versions,
 * metadata, recorded times and hashes, so the copy's chain and head hash are the original's. This is
 * not an append (no decision, no new time, no new hash): the importer checks that the run continues the
 * target's head and that every hash recomputes, and refuses anything else.
 */
import type { RecordedEvent } from '../event-store.port';
import { eventHash } from '../hash-chain';
import type { LogHead } from './sealed-events';

export class SealedRunRefused extends Error {
  constructor(
    readonly position: bigint,
    reason: string,
  ) {
    super(`sealed import refused at position ${position}: ${reason}`);
    this.name = 'SealedRunRefused';
  }
}

/** Throws SealedRunRefused unless `events` continue `head` gap-free with intact links and hashes. */
export function assertSealedRunContinues(events: readonly RecordedEvent[], head: Pick<LogHead, 'position' | 'hash'>): void {
  let position = head.position;
  let hash = head.hash;
  for (const e of events) {
    if (e.position !== position + 1n) throw new SealedRunRefused(e.position, `expected position ${position + 1n}`);
    if (e.prevHash !== hash) throw new SealedRunRefused(e.position, `prevHash does not link to ${hash}`);
    if (eventHash(hash, e) !== e.hash) throw new SealedRunRefused(e.position, 'the hash does not recompute');
    position = e.position;
    hash = e.hash;
  }
}

/** Per stream the highest version, per command its stream, last version and last position, for the bookkeeping tables. */
export function sealedRunBookkeeping(events: readonly RecordedEvent[]): {
  streams: Map<string, number>;
  commands: Map<string, { streamId: string; nextVersion: number; lastPosition: bigint }>;
} {
  const streams = new Map<string, number>();
  const commands = new Map<string, { streamId: string; nextVersion: number; lastPosition: bigint }>();
  for (const e of events) {
    streams.set(e.streamId, Math.max(streams.get(e.streamId) ?? 0, e.version));
    commands.set(e.metadata.commandId, { streamId: e.streamId, nextVersion: e.version, lastPosition: e.position });
  }
  return { streams, commands };
}
