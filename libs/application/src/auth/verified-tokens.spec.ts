import type { TokenRecord, TokenRepository } from './token-repository.port';
import { VerifiedTokens } from './verified-tokens';

function record(name: string, overrides: Partial<TokenRecord> = {}): TokenRecord {
  return {
    id: `tok-${name}`,
    name,
    role: 'COORDINATOR',
    partnerId: 'VWS',
    secretHash: `hash-of-${name}`,
    createdAt: '2026-11-30T09:00:00.000Z',
    expiresAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** A store in memory that counts its lookups and reports a revision, as SqliteTokenRepository does. */
class FakeTokens implements TokenRepository {
  readonly rows = new Map<string, TokenRecord>();
  lookups = 0;
  current = 0;
  /** Runs during the next lookup: a change that lands while a record is being read. */
  duringLookup: (() => void) | null = null;

  async insert(r: TokenRecord): Promise<void> {
    this.rows.set(r.name, { ...r });
    this.current += 1;
  }
  async findBySecretHash(secretHash: string): Promise<TokenRecord | null> {
    this.lookups += 1;
    const row = [...this.rows.values()].find((r) => r.secretHash === secretHash);
    const answer = row ? { ...row } : null;
    this.duringLookup?.();
    this.duringLookup = null;
    return answer;
  }
  async findByName(name: string): Promise<TokenRecord | null> {
    return this.rows.get(name) ?? null;
  }
  async list(): Promise<TokenRecord[]> {
    return [...this.rows.values()];
  }
  async revoke(name: string, at: string): Promise<boolean> {
    this.rows.get(name)!.revokedAt = at;
    this.current += 1;
    return true;
  }
  revision(): number {
    return this.current;
  }
}

describe('VerifiedTokens', () => {
  it('asks the store once while its revision stays put', async () => {
    const tokens = new FakeTokens();
    await tokens.insert(record('script'));
    const verified = new VerifiedTokens(tokens);
    for (let i = 0; i < 5; i++) expect((await verified.findBySecretHash('hash-of-script'))?.name).toBe('script');
    expect(tokens.lookups).toBe(1);
  });

  it('reads the record again once the revision moved: a revocation anywhere shows on the next call', async () => {
    const tokens = new FakeTokens();
    await tokens.insert(record('script'));
    const verified = new VerifiedTokens(tokens);
    expect((await verified.findBySecretHash('hash-of-script'))?.revokedAt).toBeNull();
    await tokens.revoke('script', '2026-11-30T10:00:00.000Z');
    expect((await verified.findBySecretHash('hash-of-script'))?.revokedAt).toBe('2026-11-30T10:00:00.000Z');
    expect(tokens.lookups).toBe(2);
  });

  it('does not keep a record read while the tokens changed', async () => {
    const tokens = new FakeTokens();
    await tokens.insert(record('script'));
    const verified = new VerifiedTokens(tokens);
    tokens.duringLookup = () => void tokens.revoke('script', '2026-11-30T10:00:00.000Z');
    expect((await verified.findBySecretHash('hash-of-script'))?.revokedAt).toBeNull();
    expect((await verified.findBySecretHash('hash-of-script'))?.revokedAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('does not remember unknown secrets', async () => {
    const tokens = new FakeTokens();
    const verified = new VerifiedTokens(tokens);
    expect(await verified.findBySecretHash('hash-of-a-guess')).toBeNull();
    expect(await verified.findBySecretHash('hash-of-a-guess')).toBeNull();
    expect(tokens.lookups).toBe(2);
  });

  it('asks a store without a revision on every call', async () => {
    const tokens = new FakeTokens();
    await tokens.insert(record('script'));
    Object.defineProperty(tokens, 'revision', { value: undefined });
    const verified = new VerifiedTokens(tokens);
    await verified.findBySecretHash('hash-of-script');
    await verified.findBySecretHash('hash-of-script');
    expect(tokens.lookups).toBe(2);
  });
});
