import type { ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { eventIdFor, uuidV5 } from './kurrentdb-event-ids';
import { fromResolvedEvent, toEventData, UnreadableKurrentEvent } from './kurrentdb-event-mapping';
import { countAtRevision, expectedStateAt, revisionOfVersion } from './kurrentdb-revisions';
import { KurrentStreamNames } from './kurrentdb-stream-names';

const recorded: RecordedEvent = {
  position: 12n,
  streamId: 'action-pleegzorg-3-4',
  version: 3,
  type: 'ActionStatusChanged',
  schemaVersion: 1,
  data: { status: 'IN_PROGRESS', note: 'Eerste goede voorbeelden – “verzameld”' },
  metadata: {
    actor: { id: 'tok-1', partnerId: null, role: 'COORDINATOR' },
    commandId: 'vws-2026-11-23-001',
    correlationId: 'corr-1',
    recordedAt: '2026-11-23T09:00:00.000Z',
  },
  hash: 'a'.repeat(64),
  prevHash: GENESIS_HASH,
};

/** What a read returns for an event written with toEventData, after the JSON round trip and with the server's keys. */
function asStored(event: RecordedEvent, purpose: 'stream' | 'log', revision: bigint): ResolvedEvent {
  const data = toEventData(event, purpose, 0);
  return {
    event: {
      streamId: purpose === 'log' ? '@actiemonitor-log' : event.streamId,
      id: data.id,
      revision,
      type: data.type,
      data: JSON.parse(JSON.stringify(data.data)),
      metadata: { ...JSON.parse(JSON.stringify(data.metadata)), '$schema.name': data.type },
      isJson: true,
      created: new Date(),
    },
  } as ResolvedEvent;
}

describe('KurrentDB revisions', () => {
  it('maps version 0 to NO_STREAM and version n to revision n-1', () => {
    expect(expectedStateAt(0)).toBe('no_stream');
    expect(expectedStateAt(1)).toBe(0n);
    expect(expectedStateAt(42n)).toBe(41n);
    expect(() => expectedStateAt(-1)).toThrow(RangeError);
  });

  it('maps a revision back to the version or position it holds, and a version to where to read from', () => {
    expect(countAtRevision(0n)).toBe(1n);
    expect(countAtRevision(9n)).toBe(10n);
    expect(revisionOfVersion(1)).toBe(0n);
    expect(revisionOfVersion(0)).toBe(0n);
    expect(revisionOfVersion(5)).toBe(4n);
  });
});

describe('KurrentDB event ids', () => {
  it('implements RFC 4122 version 5', () => {
    // The RFC's DNS namespace and the name every uuid library uses as its example.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the same id from the same command, and different ids per copy and per event', () => {
    const id = eventIdFor('vws-001', 'stream', 0);
    expect(eventIdFor('vws-001', 'stream', 0)).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const others = [
      eventIdFor('vws-001', 'stream', 1),
      eventIdFor('vws-001', 'log', 0),
      eventIdFor('vws-001', 'command', 0),
      eventIdFor('vws-002', 'stream', 0),
    ];
    expect(new Set([id, ...others]).size).toBe(5);
  });
});

describe('KurrentDB stream names', () => {
  it('keeps aggregate ids as they are and the adapter’s own streams under @, with an optional namespace', () => {
    const names = new KurrentStreamNames();
    expect(names.aggregate('action-1')).toBe('action-1');
    expect(names.log).toBe('@actiemonitor-log');
    expect(names.command('vws-001')).toMatch(/^@actiemonitor-command-[0-9a-f]{64}$/);
    expect(names.command('vws-001')).toBe(names.command('vws-001'));
    const test = new KurrentStreamNames('t1-');
    expect([test.aggregate('action-1'), test.log]).toEqual(['t1-action-1', 't1-@actiemonitor-log']);
    expect(names.isReserved('$all')).toBe(true);
    expect(names.isReserved('@actiemonitor-log')).toBe(true);
    expect(names.isReserved('action-$1')).toBe(false);
  });
});

describe('KurrentDB event mapping', () => {
  it('round-trips an event through its stream copy and its log copy', () => {
    expect(fromResolvedEvent(asStored(recorded, 'stream', 2n), 'stream')).toEqual(recorded);
    expect(fromResolvedEvent(asStored(recorded, 'log', 11n), 'log')).toEqual(recorded);
  });

  it('writes JSON data and metadata of strings only, as multiStreamAppend requires', () => {
    const data = toEventData(recorded, 'stream', 0);
    expect(data.contentType).toBe('application/json');
    expect(data.data).toEqual(recorded.data);
    expect(Object.values(data.metadata as Record<string, unknown>).every((v) => typeof v === 'string')).toBe(true);
  });

  it('refuses a copy whose revision disagrees with its version or position', () => {
    expect(() => fromResolvedEvent(asStored(recorded, 'stream', 5n), 'stream')).toThrow(/says version 3, its revision says 6/);
    expect(() => fromResolvedEvent(asStored(recorded, 'log', 2n), 'log')).toThrow(/says position 12, its revision says 3/);
  });

  it('accepts metadata delivered as bytes, and refuses events without ours', () => {
    const stored = asStored(recorded, 'stream', 2n);
    const bytes = { event: { ...stored.event, metadata: Buffer.from(JSON.stringify(stored.event?.metadata)) } } as ResolvedEvent;
    expect(fromResolvedEvent(bytes, 'stream')).toEqual(recorded);

    const foreign = { event: { ...stored.event, metadata: { source: 'elsewhere' } } } as ResolvedEvent;
    expect(() => fromResolvedEvent(foreign, 'stream')).toThrow(UnreadableKurrentEvent);
    const binary = { event: { ...stored.event, data: new Uint8Array([1]) } } as ResolvedEvent;
    expect(() => fromResolvedEvent(binary, 'stream')).toThrow(/data is not a JSON object/);
  });
});
