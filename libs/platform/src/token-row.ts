import type { Role, TokenRecord } from '@actiemonitor/application';

/** The api_tokens row, the same columns in SQLite and PostgreSQL. */
export interface TokenRow {
  id: string;
  name: string;
  role: Role;
  partner_id: string | null;
  secret_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export function toTokenRecord(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    partnerId: row.partner_id,
    secretHash: row.secret_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
