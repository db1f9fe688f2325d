/**
 * Preloaded into the server with BENCH_PROFILE=1 (node -r). Samples the CPU from start-up on; on
 * SIGWINCH writes the profile of the phase that just ended to BENCH_PROFILE_DIR/<label>.cpuprofile
 * (label: the file BENCH_PROFILE_DIR/label, else BENCH_PROFILE_LABEL) and starts a new one.
 * SIGWINCH because Nest's shutdown hooks take SIGUSR2. Not node --cpu-prof: Nest's shutdown hook
 * re-raises SIGTERM, and a process killed by a signal writes no profile.
 */
import inspector from 'node:inspector';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR ?? '.';
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');

process.on('SIGWINCH', () => {
  let label = process.env.BENCH_PROFILE_LABEL || 'server';
  try {
    label = readFileSync(join(dir, 'label'), 'utf8').trim();
  } catch {
    /* keep the default */
  }
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(result.profile));
    session.post('Profiler.start');
  });
});
