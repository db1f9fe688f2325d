import type { RecordedEvent } from './event-store.port';
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { eventHash, eventHashOfTexts, GENESIS_HASH, verifyChain } from './hash-chain';

/** Builds a valid chain the way a store would. */
function buildChain(count: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i += 1) {
    const unhashed = {
      position: BigInt(i),
      streamId: `plan-${i % 2}`,
      version: Math.ceil(i / 2),
      type: 'ProgressReported',
      schemaVersion: 1,
      data: { percentage: i * 10, opmerking: 'ë' },
      metadata: {
        actor: { id: 'user-1', partnerId: null, role: 'COORDINATOR' as const },
        commandId: `cmd-${i}`,
        correlationId: 'corr-1',
        recordedAt: new Date(Date.UTC(2025, 2, 1, 9, 0, i)).toISOString(),
      },
    };
    const hash = eventHash(prevHash, unhashed);
    events.push({ ...unhashed, hash, prevHash });
    prevHash = hash;
  }
  return events;
}

describe('eventHash', () => {
  const fields = {
    position: 1n,
    streamId: 'plan-1',
    version: 1,
    type: 'PlanCreated',
    schemaVersion: 1,
    data: { b: 1, a: 2 },
    metadata: { recordedAt: '2025-03-01T09:00:00.000Z' },
  };

  it('is 64 lowercase hex characters and independent of key order in data', () => {
    const hash = eventHash(GENESIS_HASH, fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...fields, data: { a: 2, b: 1 } })).toBe(hash);
  });

  it('depends on the previous hash and on every covered field', () => {
    const hash = eventHash(GENESIS_HASH, fields);
    expect(eventHash('1'.repeat(64), fields)).not.toBe(hash);
    expect(eventHash(GENESIS_HASH, { ...fields, position: 2n })).not.toBe(hash);
    expect(eventHash(GENESIS_HASH, { ...fields, version: 2 })).not.toBe(hash);
    expect(eventHash(GENESIS_HASH, { ...fields, type: 'PlanRenamed' })).not.toBe(hash);
    expect(eventHash(GENESIS_HASH, { ...fields, schemaVersion: 2 })).not.toBe(hash);
    expect(eventHash(GENESIS_HASH, { ...fields, streamId: 'plan-2' })).not.toBe(hash);
  });

  it('is pinned: a change to the canonical form would orphan every stored chain', () => {
    // If this fails, existing logs no longer verify. Change it only together with a migration plan.
    expect(eventHash(GENESIS_HASH, fields)).toBe(
      require('node:crypto')
        .createHash('sha256')
        .update(
          `${GENESIS_HASH}\n{"data":{"a":2,"b":1},"metadata":{"recordedAt":"2025-03-01T09:00:00.000Z"},` +
            '"position":"1","schemaVersion":1,"streamId":"plan-1","type":"PlanCreated","version":1}',
        )
        .digest('hex'),
    );
  });
});

describe('eventHashOfTexts', () => {
  it('hashes the canonical form of the whole event, as canonicalJson writes it, from the texts of data and metadata', () => {
    const events = [
      { position: 1n, streamId: 'plan-1', version: 1, type: 'PlanCreated', schemaVersion: 1, data: {}, metadata: {} },
      {
        position: 9_007_199_254_740_993n,
        streamId: 'action-"quoted"\\ \u2028 ë 𝔘',
        version: 12,
        type: 'ActionStatusChanged',
        schemaVersion: 3,
        data: { z: [1, 'twee', null, { b: true, a: -0.5 }], ä: 'é', a: { nested: { deeper: 'x\ny' } } },
        metadata: { actor: { id: 'tok', partnerId: null, role: 'COORDINATOR' }, recordedAt: '2026-11-30T23:00:00.000Z' },
      },
    ];
    for (const e of events) {
      const whole = canonicalJson({ ...e, position: e.position.toString() });
      const expected = createHash('sha256').update(`${GENESIS_HASH}\n${whole}`, 'utf8').digest('hex');
      expect(eventHashOfTexts(GENESIS_HASH, e, canonicalJson(e.data), canonicalJson(e.metadata))).toBe(expected);
      expect(eventHash(GENESIS_HASH, e)).toBe(expected);
    }
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its length and head hash', () => {
    const chain = buildChain(5);
    expect(verifyChain(chain)).toEqual({ ok: true, count: 5, headHash: chain[4].hash });
  });

  it('accepts an empty chain with the start hash as head', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it('verifies a run from the middle when given the hash before it', () => {
    const chain = buildChain(5);
    expect(verifyChain(chain.slice(2), chain[1].hash)).toEqual({ ok: true, count: 3, headHash: chain[4].hash });
    expect(verifyChain(chain.slice(2), GENESIS_HASH)).toMatchObject({ ok: false, position: 3n });
  });

  it('detects a changed data field at its position', () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2], data: { ...chain[2].data, percentage: 100 } };
    expect(verifyChain(chain)).toMatchObject({ ok: false, position: 3n, reason: expect.stringMatching(/altered/) });
  });

  it('detects a changed metadata field at its position', () => {
    const chain = buildChain(5);
    chain[3] = { ...chain[3], metadata: { ...chain[3].metadata, actor: { id: 'someone-else', partnerId: null, role: 'AUDITOR' } } };
    expect(verifyChain(chain)).toMatchObject({ ok: false, position: 4n });
  });

  it('detects two events swapped in order', () => {
    const chain = buildChain(5);
    [chain[1], chain[2]] = [chain[2], chain[1]];
    expect(verifyChain(chain)).toMatchObject({ ok: false, position: 3n });
  });

  it('detects a removed event, in the middle and at the start', () => {
    const chain = buildChain(5);
    expect(verifyChain([...chain.slice(0, 2), ...chain.slice(3)])).toMatchObject({ ok: false, position: 4n });
    expect(verifyChain(chain.slice(1))).toMatchObject({ ok: false, position: 2n });
  });

  it('detects a removed event even when later positions were renumbered to hide the gap', () => {
    const chain = buildChain(4);
    const renumbered = [chain[0], { ...chain[2], position: 2n }, { ...chain[3], position: 3n }];
    expect(verifyChain(renumbered)).toMatchObject({ ok: false, position: 2n });
  });

  it('detects a hash rewritten to match altered data, at the next link', () => {
    const chain = buildChain(4);
    const altered = { ...chain[1], data: { percentage: 0 } };
    chain[1] = { ...altered, hash: eventHash(altered.prevHash, altered) };
    expect(verifyChain(chain)).toMatchObject({ ok: false, position: 3n, reason: expect.stringMatching(/prevHash/) });
  });
});
