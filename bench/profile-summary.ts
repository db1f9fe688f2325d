/**
 * Summarises a V8 .cpuprofile (from BENCH_PROFILE=1 or node --cpu-prof): the functions with the most
 * self time and the most inclusive time (time with them on the stack), as a share of all samples, and
 * self time per package or product folder.
 *
 * Usage: node bench/.cache/build/bench/profile-summary.js <file.cpuprofile> [top=25] [filter-regexp for inclusive rows]
 */
import { readFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';

const [file, topArg, filterArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/.cache/build/bench/profile-summary.js <file.cpuprofile> [top] [filter]');
  process.exit(2);
}
const top = Number(topArg || 25);
const filter = filterArg ? new RegExp(filterArg) : null;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profiler.Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);

const nodeOf = (id: number): Profiler.ProfileNode => {
  const node = byId.get(id);
  if (!node) throw new Error(`${file}: no node ${id}`);
  return node;
};
const keyOf = (n: Profiler.ProfileNode) => {
  const f = n.callFrame;
  const url = f.url.replace(/^file:\/\//, '').replace(/^.*\/work\/main\//, '');
  return `${f.functionName || '(anonymous)'} ${url}${url ? `:${f.lineNumber + 1}` : ''}`;
};
const areaOf = (n: Profiler.ProfileNode) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(apps|libs|config)\/([^/]+)\//.exec(url);
  if (own) return `product ${own[1]}/${own[2]}`;
  if (url.startsWith('node:') || /^[a-z_]+$/.test(n.callFrame.url)) return 'node internals';
  if (!url) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : 'native';
  return url.replace(/^.*\/work\/main\//, '');
};

const samples = profile.samples || [];
const deltas = profile.timeDeltas || samples.map(() => 1);
let total = 0;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const areas = new Map<string, number>();
let idle = 0;
samples.forEach((id, i) => {
  const dt = Math.max(0, deltas[i] || 0);
  const node = nodeOf(id);
  const name = node.callFrame.functionName;
  if (name === '(idle)' || name === '(program)') {
    idle += dt;
    return;
  }
  total += dt;
  const k = keyOf(node);
  self.set(k, (self.get(k) || 0) + dt);
  const a = areaOf(node);
  areas.set(a, (areas.get(a) || 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const key = keyOf(nodeOf(cur));
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) || 0) + dt);
  }
});

const pct = (v: number) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
const print = (title: string, map: Map<string, number>, n: number, pred: (key: string) => boolean = () => true) => {
  console.log(`\n${title}`);
  [...map]
    .filter(([k]) => pred(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([k, v]) => console.log(`  ${pct(v)}  ${k}`));
};
console.log(`${file}: ${(total / 1e6).toFixed(2)} s busy (idle/program ${(idle / 1e6).toFixed(2)} s), ${samples.length} samples`);
print('Self time by area', areas, 15);
print('Self time by function', self, top);
print('Inclusive time by function', inclusive, top, (k) => (filter ? filter.test(k) : !k.startsWith('(root)')));
