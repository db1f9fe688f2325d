import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/**
 * A blocking query, for the few callers behind a synchronous port (TokenRepository: `tokens create`
 * must not print a secret before its hash is stored). The query runs in a worker thread with its own
 * connection; this thread waits on a shared flag with Atomics.wait and then takes the reply off the
 * channel. It blocks the event loop for one round trip, so it is for rare writes, never per request.
 */
export interface SynchronousQueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** A query that failed in the worker, with PostgreSQL's error code where there is one (23505: unique violation). */
export class SynchronousQueryError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SynchronousQueryError';
  }
}

interface Reply {
  ok: boolean;
  rows?: unknown[];
  rowCount?: number;
  message?: string;
  code?: string;
}

// Plain JavaScript: a worker started with eval runs outside ts-jest and the compiled output alike.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Client } = require(workerData.pgPath);
let client = null;
async function connected() {
  if (client === null) {
    const fresh = new Client(workerData.clientConfig);
    fresh.on('error', () => { if (client === fresh) client = null; });
    await fresh.connect();
    client = fresh;
  }
  return client;
}
parentPort.on('message', async ({ signal, port, sql, values }) => {
  let reply;
  try {
    const result = await (await connected()).query(sql, values);
    reply = { ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 };
  } catch (error) {
    if (client !== null && !error.code) { client.end().catch(() => undefined); client = null; }
    reply = { ok: false, message: String((error && error.message) || error), code: error && error.code };
  }
  port.postMessage(reply);
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

export interface SynchronousPostgresOptions {
  connectionString: string;
  /** search_path, as for the pool (tests put each run in its own schema). */
  schema?: string;
  /** How long a caller waits before giving up; the write may still land after that. */
  timeoutMs?: number;
}

export class SynchronousPostgres {
  private readonly worker: Worker;
  private readonly timeoutMs: number;

  constructor(options: SynchronousPostgresOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        pgPath: require.resolve('pg'),
        clientConfig: {
          connectionString: options.connectionString,
          connectionTimeoutMillis: Math.min(this.timeoutMs, 5_000),
          application_name: 'actiemonitor-sync',
          ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
        },
      },
    });
    // An idle worker must not keep a CLI process alive after its command is done.
    this.worker.unref();
  }

  query<Row>(sql: string, values: unknown[] = []): SynchronousQueryResult<Row> {
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    try {
      this.worker.postMessage({ signal, port: port2, sql, values }, [port2]);
      const waited = Atomics.wait(signal, 0, 0, this.timeoutMs);
      const received = receiveMessageOnPort(port1);
      if (waited === 'timed-out' || received === undefined) {
        throw new SynchronousQueryError(
          `PostgreSQL gaf binnen ${this.timeoutMs} ms geen antwoord; de wijziging is mogelijk toch opgeslagen (no answer in time; the change may still have been stored)`,
          undefined,
        );
      }
      const reply = received.message as Reply;
      if (!reply.ok) throw new SynchronousQueryError(reply.message ?? 'query failed', reply.code);
      return { rows: (reply.rows ?? []) as Row[], rowCount: reply.rowCount ?? 0 };
    } finally {
      port1.close();
    }
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
