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

/**
 * Where tokens are kept. Asynchronous, so an adapter can ask its database on every call: a token created
 * or revoked anywhere (another instance, the CLI) takes effect at once.
 */
export interface TokenRepository {
  /** Resolves once the record is stored, so a secret is never shown for a hash that was not saved. */
  insert(record: TokenRecord): Promise<void>;
  findBySecretHash(secretHash: string): Promise<TokenRecord | null>;
  findByName(name: string): Promise<TokenRecord | null>;
  list(): Promise<TokenRecord[]>;
  /** Marks the token revoked; resolves to false when no active token has that name. */
  revoke(name: string, at: string): Promise<boolean>;
  /**
   * Optional, for stores that can tell cheaply and synchronously: a number that moves whenever a token may
   * have been created, revoked or edited since it was last read, by this process or any other on the same
   * store. While it stays put, records already read may be served from memory (see VerifiedTokens). A store
   * without it is asked on every request.
   */
  revision?(): number;
}

export const TOKEN_REPOSITORY = Symbol('TOKEN_REPOSITORY');
