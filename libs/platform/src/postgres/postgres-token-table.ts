import type { Pool } from 'pg';
import type { TokenRecord } from '@actiemonitor/application';
import { type TokenRow, toTokenRecord } from '../token-row';

export type { TokenRow };
export { toTokenRecord };

/** Tokens next to the events in PostgreSQL, so one backup holds both (as in the SQLite file). */
const CREATE_TOKEN_TABLE = `
CREATE TABLE IF NOT EXISTS api_tokens (
  id          text PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  role        text NOT NULL,
  partner_id  text,
  secret_hash text NOT NULL UNIQUE,
  -- ISO strings as the port hands them over, so a record reads back exactly as written.
  created_at  text NOT NULL,
  expires_at  text,
  revoked_at  text
)`;

/** An arbitrary constant of its own, beside the event store's lock namespaces. */
const TOKEN_TABLE_LOCK = `SELECT pg_advisory_xact_lock(${0x416d4503}, hashtext(coalesce(current_schema(), '')))`;

/** Idempotent, and safe when several instances start at once (CREATE IF NOT EXISTS alone can race). */
export async function createTokenTable(pool: Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(TOKEN_TABLE_LOCK);
    await client.query(CREATE_TOKEN_TABLE);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

export const INSERT_TOKEN = `INSERT INTO api_tokens (id, name, role, partner_id, secret_hash, created_at, expires_at, revoked_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

export const REVOKE_TOKEN = 'UPDATE api_tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL RETURNING *';

export const SELECT_TOKEN_BY_SECRET_HASH = 'SELECT * FROM api_tokens WHERE secret_hash = $1';

export const SELECT_TOKEN_BY_NAME = 'SELECT * FROM api_tokens WHERE name = $1';

/** Byte order, as SQLite sorts, whatever the database's collation. */
export const SELECT_TOKENS = 'SELECT * FROM api_tokens ORDER BY created_at COLLATE "C", name COLLATE "C"';

export function tokenValues(r: TokenRecord): unknown[] {
  return [r.id, r.name, r.role, r.partnerId, r.secretHash, r.createdAt, r.expiresAt, r.revokedAt];
}
