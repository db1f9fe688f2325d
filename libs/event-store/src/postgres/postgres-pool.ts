import { Pool } from 'pg';

export interface PostgresPoolOptions {
  connectionString: string;
  /** Connections per instance. Appends are serialised by one lock anyway; readers are what use the rest. */
  max?: number;
  /** Put the tables in this schema (it must exist) instead of the URL's default search_path. Tests use it. */
  schema?: string;
  /** Called when an idle connection breaks (the server restarted, a proxy timed out). */
  onIdleConnectionError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createPostgresPool(options: PostgresPoolOptions): Pool {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new RangeError(`schema must be a plain lower-case identifier, got ${options.schema}`);
  }
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'actiemonitor',
    // A writer that stalls mid-append (a frozen process, a lost client) must not hold the single-writer
    // lock for ever: the server ends such a session and its lock goes with it.
    idle_in_transaction_session_timeout: 30_000,
    // Waiting this long for the append lock means something is wrong: fail the request (retryable)
    // rather than let requests pile up behind it.
    lock_timeout: 15_000,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // Without a listener, an idle connection that breaks emits 'error' and takes the process down.
  pool.on('error', (error) => options.onIdleConnectionError?.(error));
  return pool;
}
