/** Paths, the product build the harness runs in, and small helpers shared by every part of the bench. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The version of what bench/lib/generate.ts writes: part of the cached history's file name. */
export const GENERATOR_VERSION = 3;

/**
 * The compiled product this code is part of. The bench is compiled with the product (tsconfig.build.json
 * includes bench/), so this file runs as <build>/bench/lib/common.js and imports the product from the
 * same build. By default `npm run bench` compiles the working tree into bench/.cache/build (the same
 * tsc + tsc-alias as `npm run build`, another outDir) so a bench run never deletes or replaces the dist/
 * that other people's test runs are using; BENCH_DIST=dist runs dist/bench/run.js of an existing `npm run build`.
 */
export const DIST = resolve(__dirname, '..', '..');

/** The working tree: the nearest folder above the build with a package.json. */
export const ROOT = findRoot(DIST);
export const BENCH = join(ROOT, 'bench');
export const CACHE = join(BENCH, '.cache');
export const PLANS_DIR = join(ROOT, 'config', 'plans');

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** A deterministic PRNG: a number in [0, 1) per call, with helpers drawing from the same sequence. */
export interface Random {
  (): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same history on every machine. */
export function rng(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.assign(next, {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
  });
}

/** Nearest-rank percentile of an unsorted array of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function round(value: number, digits = 0): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function sha256OfFiles(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.replace(ROOT, ''));
    hash.update(existsSync(file) ? readFileSync(file) : 'missing');
  }
  return hash.digest('hex').slice(0, 12);
}

export function filesUnder(dir: string, filter: (path: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, filter));
    else if (filter(path)) out.push(path);
  }
  return out;
}

export function log(...args: unknown[]): void {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${t}] ${args.join(' ')}\n`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What a bench child process sends back to run.ts over IPC. */
export type ChildAnswer<Result> = { ok: true; result: Result } | { ok: false; error: string };

/**
 * The child side of run.ts's `child()`: handles the one message the parent sends, answers with the
 * result (or the error) and exits, 0 or 1.
 */
export function answerParent<Message, Result>(handle: (message: Message) => Promise<Result>): void {
  const send = (answer: ChildAnswer<Result>, code: number) => {
    if (!process.send) throw new Error('not started by run.ts (no IPC channel)');
    process.send(answer, () => process.exit(code));
  };
  process.on('message', async (message) => {
    try {
      // The parent sends exactly the Message its child() call was typed with.
      const result = await handle(message as Message);
      send({ ok: true, result }, 0);
    } catch (error) {
      send({ ok: false, error: errorText(error) }, 1);
    }
  });
}

/** An error's stack where it has one, else the error as text. */
export function errorText(error: unknown): string {
  return String(error instanceof Error && error.stack ? error.stack : error);
}
