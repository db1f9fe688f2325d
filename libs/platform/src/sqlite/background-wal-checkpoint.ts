import { Worker } from 'node:worker_threads';

/**
 * How often the background thread copies the WAL's new pages into the database file. Measured under
 * 16 clients' mutations at 1M events (bench): every 50 ms left enough for the writer's own checkpoint
 * to push p99 to ~28 ms, every 20 ms ~20 ms, every 10 ms ~16 ms, at the same throughput. An idle pass
 * (nothing new in the WAL) only reads the WAL index.
 */
export const BACKGROUND_CHECKPOINT_INTERVAL_MS = 10;

/**
 * The thread's whole program (plain JavaScript, so it runs the same from `dist` and under ts-jest): its
 * own connection to the file, a PASSIVE checkpoint every interval (it never waits for or blocks the
 * writer, and skips what a reader still needs), closed on request.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy or closing: the next interval (or the writer's own checkpoint) does it
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Copies committed pages from the WAL into the database file on another thread, so the writer's own
 * checkpoint (every WAL_AUTOCHECKPOINT_PAGES, inside the commit that crosses it) finds almost nothing
 * left to copy: the commands queued behind that commit no longer wait for thousands of page copies and
 * the database file's fsync (decision 125). The writer keeps its own checkpoint: a checkpoint on another
 * connection cannot reset the WAL while commits keep coming, and the writer's can.
 */
export class BackgroundWalCheckpoint {
  private exited = false;

  private constructor(private readonly worker: Worker) {
    worker.once('exit', () => (this.exited = true));
  }

  /** Null for an in-memory database (nothing to copy). */
  static start(file: string, intervalMs = BACKGROUND_CHECKPOINT_INTERVAL_MS): BackgroundWalCheckpoint | null {
    if (file === '' || file === ':memory:' || file.startsWith('file::memory:')) return null;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file, intervalMs },
    });
    worker.on('error', () => undefined); // the writer's own checkpoint carries on without it
    worker.unref(); // never what keeps a process alive
    return new BackgroundWalCheckpoint(worker);
  }

  /** Closes the thread's connection first, so the writer's close is the last one and removes the WAL. */
  async stop(): Promise<void> {
    if (this.exited) return;
    // Referenced again while it winds down: otherwise a process with nothing else left to do (a CLI
    // command closing its module) would end in the middle of this await, before its own close ran.
    this.worker.ref();
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('stop');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 2000)));
    const outcome = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') await this.worker.terminate();
  }
}
