/**
 * Gives a request's events their place in the log: positions after the head, versions after the
 * stream's, one metadata object with the recorded time, and the hash chain. Written once, for every
 * adapter (SQLite, PostgreSQL, KurrentDB): an adapter reads the head and the stream's version inside its
 * write lock, calls this, and stores what it returns. The contract suite and the cross-adapter test in
 * postgres-event-store.integration-spec.ts compare the hashes.
 */
import { canonicalJson } from '../canonical-json';
import type { AppendRequest, EventMetadata, RecordedEvent } from '../event-store.port';
import { eventHashOfTexts, GENESIS_HASH } from '../hash-chain';
import { nextRecordedAt } from './read-all-options';

/** The last event of the log, or the genesis values for an empty log. */
export interface LogHead {
  position: bigint;
  hash: string;
  /** null for an empty log. */
  recordedAt: string | null;
}

export const EMPTY_LOG_HEAD: LogHead = { position: 0n, hash: GENESIS_HASH, recordedAt: null };

export function sealEvents(request: AppendRequest, head: LogHead, streamVersion: number, now: Date): RecordedEvent[] {
  return sealEventsWithTexts(request, head, streamVersion, now).events;
}

/** Sealed events with the canonical texts a store writes: each event's data, and the metadata they share. */
export interface SealedTexts {
  events: RecordedEvent[];
  dataTexts: string[];
  metadataText: string;
}

/** sealEvents, keeping the canonical texts it hashed, so a store writes them without serialising again. */
export function sealEventsWithTexts(request: AppendRequest, head: LogHead, streamVersion: number, now: Date): SealedTexts {
  const metadata: EventMetadata = {
    // Copied field by field: extra properties on the caller's actor must not enter the hashed metadata.
    actor: { id: request.actor.id, partnerId: request.actor.partnerId, role: request.actor.role },
    commandId: request.commandId,
    correlationId: request.correlationId,
    recordedAt: nextRecordedAt(now, head.recordedAt),
  };
  const metadataText = metadataCanonicalText(metadata);
  let position = head.position;
  let prevHash = head.hash;
  let version = streamVersion;
  const dataTexts: string[] = [];
  const events = request.events.map((event) => {
    position += 1n;
    version += 1;
    // Stored as its canonical text and read back parsed; normalising here makes the value that is
    // hashed and returned the same one a reader will see (no undefined members, dates as strings).
    // The text is canonical for the parsed value too (canonicalJson's round-trip rule), so it is hashed as it is.
    const dataText = canonicalJson(event.data);
    const data = JSON.parse(dataText) as Record<string, unknown>;
    const hash = eventHashOfTexts(
      prevHash,
      { position, streamId: request.streamId, version, type: event.type, schemaVersion: event.schemaVersion },
      dataText,
      metadataText,
    );
    // Written out member by member (no spread): one object of one shape per event, on every command's path.
    const sealed: RecordedEvent = {
      position,
      streamId: request.streamId,
      version,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data,
      metadata,
      hash,
      prevHash,
    };
    prevHash = hash;
    dataTexts.push(dataText);
    return sealed;
  });
  return { events, dataTexts, metadataText };
}

/**
 * canonicalJson(metadata), written out: the members are built above in code-point order at every level
 * and hold only strings and null, which is exactly when JSON.stringify gives the canonical form; this
 * is on the path of every command (a spec checks it against canonicalJson).
 */
export function metadataCanonicalText({ actor, commandId, correlationId, recordedAt }: EventMetadata): string {
  return JSON.stringify({ actor: { id: actor.id, partnerId: actor.partnerId, role: actor.role }, commandId, correlationId, recordedAt });
}
