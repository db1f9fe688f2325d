import { getHeapSpaceStatistics } from 'node:v8';

const MIB = 1_048_576;

/**
 * The part of V8's heap that long-lived objects (a rebuild's views) can fill: the old generation.
 * `heap_size_limit` also counts the young generation (three semi-spaces, each rounded up to a power of
 * two), so with the CLI's `--max-old-space-size=256 --max-semi-space-size=48` it reports 448 MiB while
 * the views run out of room at 256: a bound taken from it let a 5M-event replay run out of heap.
 * The old generation's limit is the flag when it is given, else the heap limit less the young generation.
 */
export function oldGenerationLimitBytes(heapSizeLimit: number, flags: readonly string[]): number {
  const flag = (name: string) => {
    for (const f of flags) {
      const match = new RegExp(`^--${name.replace(/-/g, '[-_]')}=(\\d+)$`).exec(f);
      if (match) return Number(match[1]);
    }
    return undefined;
  };
  const oldSpaceMib = flag('max-old-space-size');
  if (oldSpaceMib !== undefined) return oldSpaceMib * MIB;
  const semiSpaceMib = flag('max-semi-space-size') ?? 16;
  return heapSizeLimit - 3 * 2 ** Math.ceil(Math.log2(semiSpaceMib)) * MIB;
}

/** What the old generation holds now (old, large-object and code spaces): young objects, mostly a page's garbage, left out. */
export function oldGenerationUsedBytes(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (!space.space_name.startsWith('new')) used += space.space_used_size;
  return used;
}

/** The V8 flags of this process (command line and NODE_OPTIONS). */
export function processHeapFlags(): string[] {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)];
}
