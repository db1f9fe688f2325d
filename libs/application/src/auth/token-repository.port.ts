import { Role } from './principal';

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  partnerId: string | null;
  /** sha256 of the secret; the secret itself is shown once and never stored. */
  secretHash: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface TokenRepository {
  insert(record: TokenRecord): void;
  findBySecretHash(secretHash: string): TokenRecord | null;
  findByName(name: string): TokenRecord | null;
  list(): TokenRecord[];
  /** Marks the token revoked; returns false when no active token has that name. */
  revoke(name: string, at: string): boolean;
}

export const TOKEN_REPOSITORY = Symbol('TOKEN_REPOSITORY');
