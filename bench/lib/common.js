'use strict';
/** Paths, the product build the harness loads, and small helpers shared by every part of the bench. */
const { createHash } = require('node:crypto');
const { readFileSync, existsSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');
const BENCH = join(ROOT, 'bench');
const CACHE = join(BENCH, '.cache');
const PLANS_DIR = join(ROOT, 'config', 'plans');

/**
 * The compiled product. By default run.js compiles the working tree into bench/.cache/build (the same
 * tsc + tsc-alias as `npm run build`, another outDir) so a bench run never deletes or replaces the
 * dist/ that other people's test runs are using. BENCH_DIST=dist uses an existing `npm run build`.
 */
function distDir() {
  return resolve(ROOT, process.env.BENCH_DIST || join('bench', '.cache', 'build'));
}

function product(relative) {
  return require(join(distDir(), relative));
}

/** Deterministic PRNG (mulberry32): the same seed gives the same history on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[Math.floor(next() * list.length)];
  return next;
}

/** Nearest-rank percentile of an unsorted array of numbers. */
function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function median(values) {
  return percentile(values, 50);
}

function round(value, digits = 0) {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function sha256OfFiles(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.replace(ROOT, ''));
    hash.update(existsSync(file) ? readFileSync(file) : 'missing');
  }
  return hash.digest('hex').slice(0, 12);
}

function filesUnder(dir, filter = () => true) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, filter));
    else if (filter(path)) out.push(path);
  }
  return out;
}

function log(...args) {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${t}] ${args.join(' ')}\n`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

module.exports = { ROOT, BENCH, CACHE, PLANS_DIR, distDir, product, rng, percentile, median, round, sha256OfFiles, filesUnder, log, sleep };
