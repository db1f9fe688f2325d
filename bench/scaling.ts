/**
 * The scaling table of bench/README.md, from the results files of runs at several history sizes
 * (BENCH_EVENTS=100000, 1000000, 5000000 with BENCH_OUTPUT=<file>):
 *
 *   node bench/.cache/build/bench/scaling.js /tmp/bench-100k.json bench/results.json /tmp/bench-5m.json
 *
 * Prints one row per figure and one column per size, then the factor by which the figure grew from
 * each size to the next, beside the factor the logarithm of the history grew by (the issue's bound).
 */
import { readFileSync } from 'node:fs';

interface Results {
  historyEvents: number;
  date: string;
  machine: { cpu: string; loadAverageAtStart: number[] };
  build: { commit: string };
  startup: { ms: number };
  memory: { rssMbAt1M: number; peakRssMb: number };
  replay: { eventsPerSec: number; rawReadParsePerSec: number; swapMs: number; processMaxRssMb: number };
  asOf: { actionP99Ms: number; partnerStatusesP99Ms: number };
  mutations: { rps: number; p99Ms: number };
  web: { planPageP95Ms: number; actionPageP95Ms: number; actionPageAsOfP95Ms: number };
  graphql: { partnerStatuses: { rps: number; p99Ms: number } };
}

/** A figure, and whether a larger value is worse (a time, memory) or better (a rate). */
const FIGURES: Array<[string, (r: Results) => number, 'lower' | 'higher']> = [
  ['start-up (ms)', (r) => r.startup.ms, 'lower'],
  ['server RSS after the loads (MiB)', (r) => r.memory.rssMbAt1M, 'lower'],
  ['replay (events/s)', (r) => r.replay.eventsPerSec, 'higher'],
  ['replay ÷ bare read+parse', (r) => r.replay.eventsPerSec / r.replay.rawReadParsePerSec, 'higher'],
  ['replay swap (ms)', (r) => r.replay.swapMs, 'lower'],
  ['replay peak RSS (MiB)', (r) => r.replay.processMaxRssMb, 'lower'],
  ['action(asOf) p99 (ms)', (r) => r.asOf.actionP99Ms, 'lower'],
  ['partnerStatuses(asOf) p99 (ms)', (r) => r.asOf.partnerStatusesP99Ms, 'lower'],
  ['partnerStatuses p99 (ms)', (r) => r.graphql.partnerStatuses.p99Ms, 'lower'],
  ['mutations (/s, 16 clients)', (r) => r.mutations.rps, 'higher'],
  ['mutation p99 (ms)', (r) => r.mutations.p99Ms, 'lower'],
  ['web plan page p95 (ms)', (r) => r.web.planPageP95Ms, 'lower'],
  ['web action page p95 (ms)', (r) => r.web.actionPageP95Ms, 'lower'],
  ['web action page at a peildatum p95 (ms)', (r) => r.web.actionPageAsOfP95Ms, 'lower'],
];

function main(files: string[]): void {
  if (files.length < 2) throw new Error('usage: scaling.js <results.json> <results.json> [...] (smallest history first)');
  const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Results).sort((a, b) => a.historyEvents - b.historyEvents);
  const size = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
  const steps = runs.slice(1).map((r, i) => `${size(runs[i].historyEvents)}→${size(r.historyEvents)}`);
  const logGrowth = runs.slice(1).map((r, i) => Math.log(r.historyEvents) / Math.log(runs[i].historyEvents));
  console.log(`| figure | ${runs.map((r) => size(r.historyEvents)).join(' | ')} | ${steps.map((s) => `growth ${s}`).join(' | ')} |`);
  console.log(`|---|${runs.map(() => '---:').join('|')}|${steps.map(() => '---:').join('|')}|`);
  for (const [name, value, better] of FIGURES) {
    const values = runs.map(value);
    // Growth as "how much worse": time and memory up, rates down, so that 1.0 is flat either way.
    const growth = values.slice(1).map((v, i) => (better === 'lower' ? v / values[i] : values[i] / v));
    console.log(`| ${name} | ${values.map(format).join(' | ')} | ${growth.map((g) => `${g.toFixed(2)}×`).join(' | ')} |`);
  }
  console.log(`| log(history) | ${runs.map(() => '').join(' | ')} | ${logGrowth.map((g) => `${g.toFixed(2)}×`).join(' | ')} |`);
  console.log('');
  for (const r of runs) {
    console.log(
      `- ${size(r.historyEvents)}: ${r.date}, commit ${r.build.commit}, ${r.machine.cpu}, load average at start ${r.machine.loadAverageAtStart.join(' ')}`,
    );
  }
}

function format(value: number): string {
  if (value < 1) return value.toFixed(3);
  return value >= 100 ? String(Math.round(value)) : value.toFixed(1);
}

main(process.argv.slice(2));
