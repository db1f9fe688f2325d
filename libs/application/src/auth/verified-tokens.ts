import type { TokenRecord, TokenRepository } from './token-repository.port';

/** Tokens are few (people's scripts, partners' systems); this bounds the memory whatever callers send. */
const MAX_ENTRIES = 10_000;

/**
 * Token records by secret hash, served from memory while the store's revision stays put, so an
 * authenticated request costs one revision check instead of a lookup. The revision moves with every
 * change to the tokens wherever it was made (this process, another server on the same store, the CLI,
 * an operator's SQL), and a moved revision empties the cache before the next answer: a revoked token is
 * refused on the very next request everywhere. Revocation and expiry are still checked on every request,
 * by TokenService, on the record. A store without a revision (PostgreSQL: reading one costs the same
 * round trip as the lookup) is asked every time.
 */
export class VerifiedTokens {
  private revision: number | null = null;
  private readonly records = new Map<string, TokenRecord>();

  constructor(private readonly tokens: TokenRepository) {}

  async findBySecretHash(secretHash: string): Promise<TokenRecord | null> {
    const revision = this.tokens.revision?.();
    if (revision === undefined) return this.tokens.findBySecretHash(secretHash);
    if (revision !== this.revision) {
      this.records.clear();
      this.revision = revision;
    }
    const known = this.records.get(secretHash);
    if (known) return known;
    const record = await this.tokens.findBySecretHash(secretHash);
    // Unknown secrets are not remembered (guessing must not fill the memory), nor is a record read while
    // the tokens changed: it may already be out of date.
    if (record && this.tokens.revision?.() === revision && this.revision === revision) {
      if (this.records.size >= MAX_ENTRIES) this.records.clear();
      this.records.set(secretHash, Object.freeze(record));
    }
    return record;
  }
}
