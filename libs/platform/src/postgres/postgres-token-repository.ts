import type { Pool } from 'pg';
import type { TokenRecord, TokenRepository } from '@actiemonitor/application';
import { InvalidInput } from '@actiemonitor/domain';
import { createTokenTable, INSERT_TOKEN, REVOKE_TOKEN, SELECT_TOKENS, tokenValues, TokenRow, toTokenRecord } from './postgres-token-table';
import { SynchronousPostgres, SynchronousQueryError } from './synchronous-postgres';

export interface PostgresTokenRepositoryOptions {
  pool: Pool;
  /** For the blocking writes; the same database (and schema) as the pool. */
  connectionString: string;
  schema?: string;
  /** How often the cache reloads, picking up tokens created or revoked through another instance or the CLI. */
  refreshMs?: number;
  /** Told when a reload fails; the cache keeps serving what it had. */
  onRefreshError?: (error: Error) => void;
}

/**
 * The TokenRepository port is synchronous (the auth guard asks on every request), and node-postgres
 * is not. So:
 *  - reads come from an in-memory copy of api_tokens, loaded before the server starts and reloaded every
 *    refreshMs (a second by default): a token created or revoked through another instance or the CLI
 *    takes effect here within that time; this instance's own writes at once. The table is small (one row
 *    per token), so a full reload is cheaper than tracking changes. While PostgreSQL is away, requests are
 *    still authenticated against the last copy.
 *  - writes (create, revoke: CLI and coordinators, rare) block on a worker thread's connection until
 *    PostgreSQL has committed them, so `tokens create` never prints a secret whose hash was not stored.
 * If the port becomes async, the cache and the worker can go; the SQL stays.
 */
export class PostgresTokenRepository implements TokenRepository {
  static async open(options: PostgresTokenRepositoryOptions): Promise<PostgresTokenRepository> {
    await createTokenTable(options.pool);
    const repository = new PostgresTokenRepository(options);
    await repository.reload();
    repository.startReloading(options.refreshMs ?? 1000, options.onRefreshError);
    return repository;
  }

  private readonly pool: Pool;
  private readonly writer: SynchronousPostgres;
  private byName = new Map<string, TokenRecord>();
  private bySecretHash = new Map<string, TokenRecord>();
  /** Bumped by every local write, so a reload that began before one does not overwrite it with older rows. */
  private localWrites = 0;
  private timer: NodeJS.Timeout | null = null;

  private constructor(options: PostgresTokenRepositoryOptions) {
    this.pool = options.pool;
    this.writer = new SynchronousPostgres({ connectionString: options.connectionString, schema: options.schema });
  }

  insert(record: TokenRecord): void {
    try {
      this.writer.query(INSERT_TOKEN, tokenValues(record));
    } catch (error) {
      if (error instanceof SynchronousQueryError && error.code === '23505') {
        // Created through another instance since this one's last reload.
        throw new InvalidInput('name', `er bestaat al een token '${record.name}' (name in use)`);
      }
      throw error;
    }
    this.remember(record);
  }

  findBySecretHash(secretHash: string): TokenRecord | null {
    return this.bySecretHash.get(secretHash) ?? null;
  }

  findByName(name: string): TokenRecord | null {
    return this.byName.get(name) ?? null;
  }

  list(): TokenRecord[] {
    return [...this.byName.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
  }

  revoke(name: string, at: string): boolean {
    const { rows } = this.writer.query<TokenRow>(REVOKE_TOKEN, [at, name]);
    for (const row of rows) this.remember(toTokenRecord(row));
    return rows.length > 0;
  }

  /** Replaces the copy with the table's rows. */
  async reload(): Promise<void> {
    const writesBefore = this.localWrites;
    const { rows } = await this.pool.query<TokenRow>(SELECT_TOKENS);
    if (this.localWrites !== writesBefore) return; // the next reload includes them
    const records = rows.map(toTokenRecord);
    this.byName = new Map(records.map((r) => [r.name, r]));
    this.bySecretHash = new Map(records.map((r) => [r.secretHash, r]));
  }

  async close(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.writer.close();
  }

  private startReloading(intervalMs: number, onError?: (error: Error) => void): void {
    if (intervalMs <= 0) return;
    let inFlight = false;
    this.timer = setInterval(() => {
      if (inFlight) return; // a slow database must not stack reloads up
      inFlight = true;
      this.reload()
        .catch((error: Error) => onError?.(error))
        .finally(() => (inFlight = false));
    }, intervalMs);
    this.timer.unref();
  }

  private remember(record: TokenRecord): void {
    this.localWrites += 1;
    const previous = this.byName.get(record.name);
    if (previous !== undefined) this.bySecretHash.delete(previous.secretHash);
    this.byName.set(record.name, record);
    this.bySecretHash.set(record.secretHash, record);
  }
}
