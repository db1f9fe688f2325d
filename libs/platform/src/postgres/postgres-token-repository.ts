import { PLATFORM_MESSAGES } from '../platform.messages';
import type { Pool, QueryConfig } from 'pg';
import type { TokenRecord, TokenRepository } from '@actiemonitor/application';
import { InvalidInput } from '@actiemonitor/domain';
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
  /** A lookup that takes longer fails as "PostgreSQL unreachable" (the pool's connect timeout bounds the wait for a connection). */
  lookupTimeoutMs?: number;
}

/**
 * Tokens in PostgreSQL, asked on every call: a token created or revoked through any instance or the CLI
 * takes effect everywhere at once, and `tokens create` resolves only after PostgreSQL has committed the
 * hash, so it never prints a secret that was not stored. Nothing is kept in memory: while PostgreSQL is
 * unreachable, authentication fails with the store's transient error (a retryable 503), as reads and
 * writes do, since the read models live in the same database.
 */
export class PostgresTokenRepository implements TokenRepository {
  static async open(options: PostgresTokenRepositoryOptions): Promise<PostgresTokenRepository> {
    await createTokenTable(options.pool);
    return new PostgresTokenRepository(options);
  }

  private readonly pool: Pool;
  private readonly lookupTimeoutMs: number;

  private constructor(options: PostgresTokenRepositoryOptions) {
    this.pool = options.pool;
    this.lookupTimeoutMs = options.lookupTimeoutMs ?? 3_000;
  }

  async insert(record: TokenRecord): Promise<void> {
    try {
      await this.pool.query(INSERT_TOKEN, tokenValues(record));
    } catch (error) {
      if ((error as { code?: unknown }).code === '23505') {
        // Created through another instance or the CLI since TokenService looked the name up.
        throw new InvalidInput('name', PLATFORM_MESSAGES.tokenNameInUse(record.name));
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
    const { rows } = await this.pool.query<TokenRow>(lookup);
    return rows.length > 0 ? toTokenRecord(rows[0]) : null;
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
    return rows.length > 0;
  }
}
