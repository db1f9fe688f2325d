import type { AppendRequest } from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { EMPTY_LOG_HEAD, sealEvents } from './sealed-events';
import { assertSealedRunContinues, SealedRunRefused, sealedRunBookkeeping } from './sealed-import';

const request = (streamId: string, commandId: string, n: number): AppendRequest => ({
  streamId,
  commandId,
  correlationId: 'r',
  expectedVersion: 'any',
  actor: { id: 'system', partnerId: null, role: 'SYSTEM' },
  events: Array.from({ length: n }, (_, i) => ({ type: 'Happened', schemaVersion: 1, data: { i } })),
});

const first = sealEvents(request('a', 'c1', 2), EMPTY_LOG_HEAD, 0, new Date('2026-11-30T12:00:00Z'));
const second = sealEvents(
  request('b', 'c2', 1),
  { position: 2n, hash: first[1].hash, recordedAt: first[1].metadata.recordedAt },
  0,
  new Date(),
);

describe('assertSealedRunContinues', () => {
  it('accepts a run that continues the head, from the start or from the middle', () => {
    expect(() => assertSealedRunContinues([...first, ...second], { position: 0n, hash: GENESIS_HASH })).not.toThrow();
    expect(() => assertSealedRunContinues(second, { position: 2n, hash: first[1].hash })).not.toThrow();
  });

  it('refuses a gap, a foreign head and an altered event', () => {
    expect(() => assertSealedRunContinues(second, { position: 0n, hash: GENESIS_HASH })).toThrow(SealedRunRefused);
    expect(() => assertSealedRunContinues(second, { position: 2n, hash: 'f'.repeat(64) })).toThrow(/prevHash/);
    const altered = [{ ...first[0], data: { i: 7 } }, first[1]];
    expect(() => assertSealedRunContinues(altered, { position: 0n, hash: GENESIS_HASH })).toThrow(/does not recompute/);
  });

  it('derives the streams and command records the run implies', () => {
    const { streams, commands } = sealedRunBookkeeping([...first, ...second]);
    expect([...streams]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(commands.get('c1')).toEqual({ streamId: 'a', nextVersion: 2, lastPosition: 2n });
  });
});
