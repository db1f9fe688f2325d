import type { EventSubscription, RecordedEvent, SubscribeToAllOptions } from '@actiemonitor/event-store';
import { ActionChange, ActionChangeFeed } from './action-change-feed';

const event = (position: number, streamId: string): RecordedEvent =>
  ({
    position: BigInt(position),
    streamId,
    version: 1,
    type: 'X',
    schemaVersion: 1,
    data: {},
    metadata: { recordedAt: '2026-11-30T10:00:00.000Z' },
    hash: '',
    prevHash: '',
  }) as unknown as RecordedEvent;

function fakeStore(head: bigint) {
  const store = {
    options: null as SubscribeToAllOptions | null,
    headPosition: async () => head,
    subscribeToAll(options: SubscribeToAllOptions): EventSubscription {
      store.options = options;
      return { close: async () => undefined };
    },
  };
  return store;
}

describe('ActionChangeFeed', () => {
  it('subscribes from the head of the log and hands on only action changes, after the read models applied them', async () => {
    const store = fakeStore(41n);
    let checkpoint = 41n;
    const feed = new ActionChangeFeed(store, { checkpoint: () => checkpoint }, 1);
    const heard: ActionChange[][] = [];
    await feed.listen((changes) => heard.push(changes));
    expect(store.options!.after).toBe(41n);

    const delivered = store.options!.onEvents([event(42, 'action-pleegzorg-1-2'), event(43, 'plan-x'), event(44, 'action-a')]);
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual([]); // the read models are still at 41
    checkpoint = 44n;
    await delivered;
    expect(heard.map((batch) => batch.map((c) => [c.position, c.actionId]))).toEqual([
      [
        [42n, 'pleegzorg-1-2'],
        [44n, 'a'],
      ],
    ]);
    await feed.close();
  });

  it('a start that failed (the store away) is tried again by the next subscriber', async () => {
    const store = fakeStore(5n);
    let away = true;
    const headPosition = store.headPosition;
    store.headPosition = async () => (away ? Promise.reject(new Error('weg')) : headPosition());
    const feed = new ActionChangeFeed(store, { checkpoint: () => 5n }, 1);
    await expect(feed.listen(() => undefined)).rejects.toThrow('weg');
    away = false;
    await feed.listen(() => undefined);
    expect(store.options!.after).toBe(5n);
    await feed.close();
  });

  it('a read model store that is away delays delivery rather than ending the feed', async () => {
    const store = fakeStore(0n);
    let away = true;
    const feed = new ActionChangeFeed(store, { checkpoint: async () => (away ? Promise.reject(new Error('weg')) : 1n) }, 1);
    const heard: ActionChange[][] = [];
    await feed.listen((changes) => heard.push(changes));
    const delivered = store.options!.onEvents([event(1, 'action-a')]);
    await new Promise((r) => setTimeout(r, 10));
    away = false;
    await delivered;
    expect(heard).toHaveLength(1);
    await feed.close();
  });
});
