import type { Pool, QueryConfig } from 'pg';
import type { TokenRecord, TokenRepository } from '@actiemonitor/application';
import { InvalidInput } from '@actiemonitor/domain';
import { isTransientStoreError } from '@actiemonitor/event-store';
import {
  createTokenTable,
  INSERT_TOKEN,
  REVOKE_TOKEN,
  SELECT_TOKEN_BY_NAME,
  SELECT_TOKEN_BY_SECRET_HASH,
  SELECT_TOKENS,
  tokenValues,
  TokenRow,
  toTokenRecord,
} from './postgres-token-table';

export interface PostgresTokenRepositoryOptions {
  pool: Pool;
  /** How many recently authenticated tokens are kept for an outage (oldest use dropped first). */
  outageCacheSize?: number;
  /** How long after PostgreSQL last confirmed a token it may still be served from memory during an outage. */
  outageCacheMaxAgeMs?: number;
  /** A lookup that takes longer counts as "PostgreSQL unreachable" (the pool's connect timeout bounds the wait for a connection). */
  lookupTimeoutMs?: number;
  /** Told once per outage, when lookups first fall back to memory. */
  onUnreachable?: (error: Error) => void;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
}

interface Confirmed {
  record: TokenRecord;
  confirmedAt: number;
}

/**
 * Tokens in PostgreSQL, asked on every call: a token created or revoked through any instance or the CLI
 * takes effect everywhere at once, and `tokens create` resolves only after PostgreSQL has committed the
 * hash, so it never prints a secret that was not stored.
 *
 * One resilience property is kept on purpose, because the read models live in SQLite and stay readable
 * while PostgreSQL is away: a token this instance looked up and found active recently may still
 * authenticate while PostgreSQL cannot be reached. The rules:
 *  - only lookups by secret hash (authentication) fall back; creating, revoking, listing and lookups by
 *    name always need PostgreSQL;
 *  - only when PostgreSQL was not reached (connection refused, reset or terminated, connect or lookup
 *    timeout); an SQL error is passed on as it is;
 *  - only tokens PostgreSQL confirmed active in the last outageCacheMaxAgeMs (5 minutes by default), at
 *    most outageCacheSize (1000) of them, least recently confirmed dropped first; a token never seen here
 *    is not authenticated during an outage (the lookup's error is passed on);
 *  - a lookup that reaches PostgreSQL always wins: unknown or revoked there removes the token from memory
 *    at once, as does a revocation through this instance. Expiry is still checked on every request
 *    (TokenService does that on the record, cached or not).
 * So the worst case is a token revoked through another instance or the CLI while PostgreSQL is unreachable
 * from this one: it keeps working here for reads until PostgreSQL is back or its entry is older than
 * outageCacheMaxAgeMs, whichever comes first. Writes fail anyway while the log is unreachable.
 */
export class PostgresTokenRepository implements TokenRepository {
  static async open(options: PostgresTokenRepositoryOptions): Promise<PostgresTokenRepository> {
    await createTokenTable(options.pool);
    return new PostgresTokenRepository(options);
  }

  private readonly pool: Pool;
  private readonly cacheSize: number;
  private readonly cacheMaxAgeMs: number;
  private readonly lookupTimeoutMs: number;
  private readonly onUnreachable: (error: Error) => void;
  private readonly now: () => number;
  /** By secret hash; Map order is the order of the last confirmation, oldest first. */
  private readonly confirmed = new Map<string, Confirmed>();
  private unreachable = false;

  private constructor(options: PostgresTokenRepositoryOptions) {
    this.pool = options.pool;
    this.cacheSize = options.outageCacheSize ?? 1000;
    this.cacheMaxAgeMs = options.outageCacheMaxAgeMs ?? 5 * 60_000;
    this.lookupTimeoutMs = options.lookupTimeoutMs ?? 3_000;
    this.onUnreachable = options.onUnreachable ?? (() => undefined);
    this.now = options.now ?? Date.now;
  }

  async insert(record: TokenRecord): Promise<void> {
    try {
      await this.pool.query(INSERT_TOKEN, tokenValues(record));
    } catch (error) {
      if ((error as { code?: unknown }).code === '23505') {
        // Created through another instance or the CLI since TokenService looked the name up.
        throw new InvalidInput('name', `er bestaat al een token '${record.name}' (name in use)`);
      }
      throw error;
    }
  }

  async findBySecretHash(secretHash: string): Promise<TokenRecord | null> {
    // pg honours query_timeout per query (the pool then discards the connection); @types/pg does not list it.
    const lookup: QueryConfig & { query_timeout: number } = {
      text: SELECT_TOKEN_BY_SECRET_HASH,
      values: [secretHash],
      query_timeout: this.lookupTimeoutMs,
    };
    let rows: TokenRow[];
    try {
      ({ rows } = await this.pool.query<TokenRow>(lookup));
    } catch (error) {
      const cached = this.whileUnreachable(secretHash, error);
      if (cached === null) throw error;
      return cached;
    }
    this.unreachable = false;
    const record = rows.length > 0 ? toTokenRecord(rows[0]) : null;
    if (record === null || record.revokedAt !== null) this.confirmed.delete(secretHash);
    else this.remember(record);
    return record;
  }

  async findByName(name: string): Promise<TokenRecord | null> {
    const { rows } = await this.pool.query<TokenRow>(SELECT_TOKEN_BY_NAME, [name]);
    return rows.length > 0 ? toTokenRecord(rows[0]) : null;
  }

  async list(): Promise<TokenRecord[]> {
    const { rows } = await this.pool.query<TokenRow>(SELECT_TOKENS);
    return rows.map(toTokenRecord);
  }

  async revoke(name: string, at: string): Promise<boolean> {
    const { rows } = await this.pool.query<TokenRow>(REVOKE_TOKEN, [at, name]);
    for (const row of rows) this.confirmed.delete(row.secret_hash);
    return rows.length > 0;
  }

  /** The remembered record when PostgreSQL was not reached and the entry is fresh enough, else null. */
  private whileUnreachable(secretHash: string, error: unknown): TokenRecord | null {
    if (!notReached(error)) return null;
    const entry = this.confirmed.get(secretHash);
    if (entry === undefined) return null;
    if (this.now() - entry.confirmedAt > this.cacheMaxAgeMs) {
      this.confirmed.delete(secretHash);
      return null;
    }
    if (!this.unreachable) {
      this.unreachable = true;
      this.onUnreachable(error as Error);
    }
    return entry.record;
  }

  private remember(record: TokenRecord): void {
    this.confirmed.delete(record.secretHash);
    this.confirmed.set(record.secretHash, { record, confirmedAt: this.now() });
    while (this.confirmed.size > this.cacheSize) {
      const oldest = this.confirmed.keys().next().value as string;
      this.confirmed.delete(oldest);
    }
  }
}

/**
 * PostgreSQL did not answer (as opposed to answering with an error about the query): the codes and messages
 * the event store counts as transient, or this lookup's own timeout. Judged on code and message only, since
 * Node's own socket errors fail `instanceof` checks where code runs in another realm (Jest's sandbox).
 */
function notReached(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return isTransientStoreError({ code, message }) || message === 'Query read timeout';
}
