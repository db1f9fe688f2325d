import type { EventStore, RecordedEvent } from './event-store.port';
import { ChainVerification, GENESIS_HASH, verifyChain } from './hash-chain';

/**
 * Streams the whole log (or the part after `after`) in position order, one page in memory at a time,
 * through the port, so replay, verify and export work the same on every adapter.
 */
export async function* readLog(
  store: Pick<EventStore, 'readAll'>,
  options: { after?: bigint; until?: bigint; pageSize?: number } = {},
): AsyncGenerator<RecordedEvent[], void, undefined> {
  let after = options.after ?? 0n;
  const pageSize = options.pageSize ?? 2000;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    const inRange = options.until === undefined ? page : page.filter((e) => e.position <= options.until!);
    if (inRange.length > 0) yield inRange;
    // An adapter may cap a page below pageSize, so only an empty page marks the end of the log.
    if (page.length === 0 || inRange.length < page.length) return;
    after = page[page.length - 1].position;
  }
}

/**
 * Walks the hash chain over the whole log. The first event must be at position 1 and every later one
 * at the next position, each linking to its predecessor's hash: an event changed, removed, inserted or
 * moved behind the application's back breaks the chain at (or right after) that position. With `until`,
 * only the log up to that position is walked: its head hash is what a report made from it states.
 */
export async function verifyLog(store: Pick<EventStore, 'readAll'>, pageSize = 5000, until?: bigint): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let last = 0n;
  let count = 0;
  for await (const page of readLog(store, { pageSize, until })) {
    if (page[0].position !== last + 1n) {
      return {
        ok: false,
        position: last + 1n,
        reason: `position ${last + 1n} is missing: the next event is at ${page[0].position}`,
        problem: { kind: 'missing', nextAt: page[0].position },
      };
    }
    const result = verifyChain(page, prevHash);
    if (!result.ok) return result;
    count += result.count;
    prevHash = result.headHash;
    last = page[page.length - 1].position;
  }
  return { ok: true, count, headHash: prevHash };
}
