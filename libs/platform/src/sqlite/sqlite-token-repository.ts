import type Database from 'better-sqlite3';
import type { TokenRecord, TokenRepository } from '@actiemonitor/application';
import { type TokenRow, toTokenRecord } from '../token-row';

/**
 * Tokens live in the same file as the events, so one backup holds both. better-sqlite3 is synchronous: each
 * method runs its statement at once and hands the outcome (or the error) back as a settled promise.
 *
 * `revision()` lets TokenService keep verified tokens in memory: it moves when this repository writes a
 * token, and when SQLite's `PRAGMA data_version` moves, which it does whenever another connection (another
 * server on the file, the CLI, an operator's sqlite3) has committed anything to the file since the last
 * check. That pragma reads a counter, no table: about half the cost of the lookup it replaces. Commits by
 * this connection do not move it; the only ones that touch tokens are this repository's own, counted here.
 */
export class SqliteTokenRepository implements TokenRepository {
  private readonly statements;
  private seenDataVersion = -1;
  private changes = 0;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS api_tokens (
      id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, partner_id TEXT,
      secret_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT)`);
    this.statements = {
      insert: db.prepare(
        `INSERT INTO api_tokens (id, name, role, partner_id, secret_hash, created_at, expires_at, revoked_at)
         VALUES (@id, @name, @role, @partner_id, @secret_hash, @created_at, @expires_at, @revoked_at)`,
      ),
      bySecretHash: db.prepare('SELECT * FROM api_tokens WHERE secret_hash = ?'),
      byName: db.prepare('SELECT * FROM api_tokens WHERE name = ?'),
      list: db.prepare('SELECT * FROM api_tokens ORDER BY created_at, name'),
      revoke: db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL'),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
    };
  }

  revision(): number {
    const dataVersion = this.statements.dataVersion.get() as number;
    if (dataVersion !== this.seenDataVersion) {
      this.seenDataVersion = dataVersion;
      this.changes += 1;
    }
    return this.changes;
  }

  async insert(r: TokenRecord): Promise<void> {
    try {
      this.statements.insert.run({
        id: r.id,
        name: r.name,
        role: r.role,
        partner_id: r.partnerId,
        secret_hash: r.secretHash,
        created_at: r.createdAt,
        expires_at: r.expiresAt,
        revoked_at: r.revokedAt,
      });
    } finally {
      this.changes += 1;
    }
  }

  async findBySecretHash(secretHash: string): Promise<TokenRecord | null> {
    return toRecord(this.statements.bySecretHash.get(secretHash) as TokenRow | undefined);
  }

  async findByName(name: string): Promise<TokenRecord | null> {
    return toRecord(this.statements.byName.get(name) as TokenRow | undefined);
  }

  async list(): Promise<TokenRecord[]> {
    return (this.statements.list.all() as TokenRow[]).map((r) => toRecord(r)!);
  }

  async revoke(name: string, at: string): Promise<boolean> {
    try {
      return this.statements.revoke.run(at, name).changes > 0;
    } finally {
      this.changes += 1;
    }
  }
}

function toRecord(row: TokenRow | undefined): TokenRecord | null {
  return row ? toTokenRecord(row) : null;
}
