/**
 * Our RecordedEvent in KurrentDB's shape and back. The domain data is the event's JSON data, unchanged;
 * everything else the port promises (position, version, actor, command and correlation ids, recordedAt,
 * the hashes) travels in the event's metadata, which multiStreamAppend takes as string values only.
 */
import type { AppendStreamRequest, EventData, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { canonicalJson } from '../canonical-json';
import type { Actor, AppendRequest, CommandRecord, RecordedEvent } from '../event-store.port';
import type { LogHead } from '../log/sealed-events';
import { eventIdFor, EventIdPurpose } from './kurrentdb-event-ids';
import { countAtRevision, expectedStateAt, NO_STREAM } from './kurrentdb-revisions';
import type { KurrentStreamNames } from './kurrentdb-stream-names';

const EVENT_METADATA_KEYS = [
  'streamId',
  'version',
  'position',
  'schemaVersion',
  'actor',
  'commandId',
  'correlationId',
  'recordedAt',
  'hash',
  'prevHash',
] as const;
export type KurrentEventMetadata = Record<(typeof EVENT_METADATA_KEYS)[number], string>;

export const COMMAND_RECORDED = 'ActiemonitorCommandRecorded';

/** A stored event does not carry what this adapter wrote: written by something else, or damaged. */
export class UnreadableKurrentEvent extends Error {
  constructor(where: string, reason: string) {
    super(`KurrentDB event ${where} cannot be read as an Actiemonitor event: ${reason}`);
    this.name = 'UnreadableKurrentEvent';
  }
}

export function toEventMetadata(event: RecordedEvent): KurrentEventMetadata {
  return {
    streamId: event.streamId,
    version: String(event.version),
    position: event.position.toString(),
    schemaVersion: String(event.schemaVersion),
    // Canonical JSON, so the actor object reads back exactly as it was hashed.
    actor: canonicalJson(event.metadata.actor),
    commandId: event.metadata.commandId,
    correlationId: event.metadata.correlationId,
    recordedAt: event.metadata.recordedAt,
    hash: event.hash,
    prevHash: event.prevHash,
  };
}

export function toEventData(event: RecordedEvent, purpose: Exclude<EventIdPurpose, 'command'>, index: number): EventData {
  return {
    id: eventIdFor(event.metadata.commandId, purpose, index),
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: toEventMetadata(event),
  };
}

/**
 * One atomic multiStreamAppend for one command: the events in their own stream (expected at the version
 * read), their copies in the log stream (expected at the head read: this is what serialises writers and
 * keeps positions gap-free), and the command record (its stream must not exist yet). Any of the three
 * expectations failing means another writer got there first; nothing is written.
 */
export function appendRequestsFor(
  names: KurrentStreamNames,
  request: AppendRequest,
  sealed: RecordedEvent[],
  streamVersion: number,
  head: LogHead,
  outcome: CommandRecord,
): AppendStreamRequest[] {
  const requests: AppendStreamRequest[] = [];
  if (sealed.length > 0) {
    requests.push({
      streamName: names.aggregate(request.streamId),
      expectedState: expectedStateAt(streamVersion),
      events: sealed.map((event, index) => toEventData(event, 'stream', index)),
    });
    requests.push({
      streamName: names.log,
      expectedState: expectedStateAt(head.position),
      events: sealed.map((event, index) => toEventData(event, 'log', index)),
    });
  }
  requests.push({
    streamName: names.command(request.commandId),
    expectedState: NO_STREAM,
    events: [
      {
        id: eventIdFor(request.commandId, 'command', 0),
        contentType: 'application/json',
        type: COMMAND_RECORDED,
        data: {
          commandId: request.commandId,
          streamId: outcome.streamId,
          nextVersion: outcome.nextVersion,
          lastPosition: outcome.lastPosition.toString(),
        },
        metadata: { commandId: request.commandId, correlationId: request.correlationId },
      },
    ],
  });
  return requests;
}

/**
 * Back from a stored event. `copy` says which stream it was read from, so its revision can be checked
 * against what the metadata claims: a stream's revision r holds version r+1, the log's holds position r+1.
 */
export function fromResolvedEvent(resolved: ResolvedEvent, copy: 'stream' | 'log'): RecordedEvent {
  const recorded = resolved.event;
  if (recorded === undefined) throw new UnreadableKurrentEvent('(unresolved link)', 'no event');
  const where = `${recorded.streamId}@${recorded.revision}`;
  const metadata = readEventMetadata(recorded.metadata, where);
  if (typeof recorded.data !== 'object' || recorded.data === null || Array.isArray(recorded.data) || recorded.data instanceof Uint8Array) {
    throw new UnreadableKurrentEvent(where, 'its data is not a JSON object');
  }
  const event: RecordedEvent = {
    position: BigInt(metadata.position),
    streamId: metadata.streamId,
    version: Number(metadata.version),
    type: recorded.type,
    schemaVersion: Number(metadata.schemaVersion),
    data: recorded.data as Record<string, unknown>,
    metadata: {
      actor: JSON.parse(metadata.actor) as Actor,
      commandId: metadata.commandId,
      correlationId: metadata.correlationId,
      recordedAt: metadata.recordedAt,
    },
    hash: metadata.hash,
    prevHash: metadata.prevHash,
  };
  const expected = countAtRevision(recorded.revision);
  const claimed = copy === 'stream' ? BigInt(event.version) : event.position;
  if (claimed !== expected) {
    throw new UnreadableKurrentEvent(
      where,
      `its metadata says ${copy === 'stream' ? 'version' : 'position'} ${claimed}, its revision says ${expected}`,
    );
  }
  return event;
}

/** The last event of the log stream as the next append needs it. */
export function logHeadFrom(resolved: ResolvedEvent): LogHead {
  const event = fromResolvedEvent(resolved, 'log');
  return { position: event.position, hash: event.hash, recordedAt: event.metadata.recordedAt };
}

export function commandRecordFrom(resolved: ResolvedEvent): CommandRecord {
  const recorded = resolved.event;
  const data = recorded?.data as { streamId?: unknown; nextVersion?: unknown; lastPosition?: unknown } | undefined;
  if (recorded === undefined || recorded.type !== COMMAND_RECORDED || data === undefined || typeof data.streamId !== 'string') {
    throw new UnreadableKurrentEvent(recorded ? `${recorded.streamId}@${recorded.revision}` : '(none)', 'not a command record');
  }
  return { streamId: data.streamId, nextVersion: Number(data.nextVersion), lastPosition: BigInt(String(data.lastPosition)) };
}

/** The server adds keys of its own ($schema.name, trace ids); only ours are read, and all must be there. */
function readEventMetadata(metadata: unknown, where: string): KurrentEventMetadata {
  const parsed = metadata instanceof Uint8Array ? parseJson(Buffer.from(metadata).toString('utf8')) : metadata;
  if (typeof parsed !== 'object' || parsed === null) throw new UnreadableKurrentEvent(where, 'it has no JSON metadata');
  const record = parsed as Record<string, unknown>;
  const result = {} as KurrentEventMetadata;
  for (const key of EVENT_METADATA_KEYS) {
    const value = record[key];
    if (typeof value !== 'string') throw new UnreadableKurrentEvent(where, `its metadata lacks ${key}`);
    result[key] = value;
  }
  return result;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
