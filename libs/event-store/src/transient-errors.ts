/**
 * Errors that say "the store is not reachable right now", as opposed to "this request is wrong":
 * the client may retry the same request (with the same commandId) and it will succeed once the
 * database is back. Recognised by the drivers' codes, never by parsing messages users would see.
 */
const TRANSIENT_CODES = new Set([
  // Network level (node)
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  // PostgreSQL: connection exceptions, shutdown, too many connections, lock timeout, serialization
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '55P03',
  '40001',
  '40P01',
  // SQLite: another writer holds the file longer than busy_timeout
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

const TRANSIENT_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
];

export function isTransientStoreError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false; // not instanceof: errors may come from another realm
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && TRANSIENT_MESSAGES.some((m) => m.test(message));
}
