import type { ActionChange } from './action-change-feed';
import { ActionChangeStream } from './action-change-stream';

const change = (position: number, actionId = 'pleegzorg-1-2'): ActionChange => ({
  position: BigInt(position),
  actionId,
  version: position,
  recordedAt: '2026-11-30T10:00:00.000Z',
});

function stream(options: { allowed?: () => Promise<boolean>; keep?: (c: ActionChange) => boolean } = {}) {
  const calls = { revoked: 0, ended: 0 };
  const s = new ActionChangeStream<string>({
    read: async (c) => ((options.keep ?? (() => true))(c) ? `${c.actionId}@${c.position}` : null),
    allowed: options.allowed ?? (async () => true),
    revoked: () => (calls.revoked += 1),
    ended: () => (calls.ended += 1),
  });
  return { s, calls };
}

describe('ActionChangeStream', () => {
  it('delivers changes in the order pushed, each position once, skipping what the subscriber does not receive', async () => {
    const { s } = stream({ keep: (c) => c.actionId !== 'other' });
    s.push([change(1), change(2, 'other'), change(3)]);
    s.push([change(3), change(2), change(4)]); // repeated and older positions are dropped
    const values = [];
    for (let i = 0; i < 3; i++) values.push((await s.next()).value);
    expect(values).toEqual(['pleegzorg-1-2@1', 'pleegzorg-1-2@3', 'pleegzorg-1-2@4']);
  });

  it('return() ends a stream that is waiting for the next change, at once', async () => {
    const { s, calls } = stream();
    const waiting = s.next();
    await s.return();
    await expect(waiting).resolves.toEqual({ value: undefined, done: true });
    expect(calls.ended).toBe(1);
    s.push([change(1)]);
    await expect(s.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('a token that no longer holds ends the stream instead of delivering, and says so once', async () => {
    const { s, calls } = stream({ allowed: async () => false });
    s.push([change(1), change(2)]);
    await expect(s.next()).resolves.toEqual({ value: undefined, done: true });
    s.revoke();
    expect(calls).toEqual({ revoked: 1, ended: 1 });
  });
});
