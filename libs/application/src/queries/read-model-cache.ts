import { Inject, Injectable } from '@nestjs/common';
import type { Awaitable } from '@actiemonitor/read-models';
import { PROJECTOR, Projector } from '../ports';

/** Distinct answers kept per checkpoint (plans × dates in use); past this the cache starts over. */
const MAX_ENTRIES = 512;

/**
 * Answers computed from the read models alone, kept until the read models move on. Every change to the
 * read models moves the projection's checkpoint in the same transaction, whether this instance, another
 * server on the same file or the CLI made it; the checkpoint is read (one primary-key lookup) before
 * every answer, and a different one empties the cache. It is read before an answer is computed, so an
 * answer is at least as new as the checkpoint it is filed under and never outlives a change.
 * Answers hold no caller-specific data (authorization stays in the guards) and are frozen, since every
 * caller shares them.
 */
@Injectable()
export class ReadModelCache {
  private checkpoint: bigint | null = null;
  private readonly entries = new Map<string, unknown>();

  constructor(@Inject(PROJECTOR) private readonly projector: Projector) {}

  async get<T>(key: string, compute: () => Awaitable<T>): Promise<T> {
    const checkpoint = await this.projector.checkpoint();
    if (checkpoint !== this.checkpoint) {
      this.entries.clear();
      this.checkpoint = checkpoint;
    }
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = deepFreeze(await compute());
    // Reads may be asynchronous (PostgreSQL): file the answer only if no newer checkpoint has emptied the
    // cache meanwhile, so an answer computed before a change can never be served after it.
    if (this.checkpoint !== checkpoint) return value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
