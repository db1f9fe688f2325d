import type { TokenRecord } from '@actiemonitor/application';
import { InvalidInput } from '@actiemonitor/domain';
import { createPostgresPool } from '@actiemonitor/event-store';
import {
  describeWithPostgres,
  probePostgres,
  TEST_DATABASE_URL,
  TestSchemas,
} from '../../../event-store/src/postgres/postgres-test-database.testing';
import { PostgresTokenRepository } from './postgres-token-repository';
import { SynchronousPostgres, SynchronousQueryError } from './synchronous-postgres';

function token(name: string, overrides: Partial<TokenRecord> = {}): TokenRecord {
  return {
    id: `tok-${name}`,
    name,
    role: 'COORDINATOR',
    partnerId: 'VWS',
    secretHash: `hash-of-${name}`,
    createdAt: '2026-11-23T09:00:00.000Z',
    expiresAt: null,
    revokedAt: null,
    ...overrides,
  };
}

describeWithPostgres('Tokens in PostgreSQL', probePostgres(), () => {
  const schemas = new TestSchemas();
  let schema: string;
  const opened: PostgresTokenRepository[] = [];
  const pools: ReturnType<typeof createPostgresPool>[] = [];

  /** One server instance's view: its own pool, cache and writer. */
  async function instance(refreshMs = 0): Promise<PostgresTokenRepository> {
    const pool = createPostgresPool({ connectionString: TEST_DATABASE_URL, schema, max: 2 });
    pools.push(pool);
    const repository = await PostgresTokenRepository.open({ pool, connectionString: TEST_DATABASE_URL, schema, refreshMs });
    opened.push(repository);
    return repository;
  }

  beforeEach(async () => {
    schema = await schemas.create();
  });

  afterEach(async () => {
    for (const repository of opened.splice(0)) await repository.close();
    for (const pool of pools.splice(0)) await pool.end();
    await schemas.drop(schema);
  });

  afterAll(() => schemas.end());

  it('stores a token before insert returns, and finds it by secret hash and by name', async () => {
    const tokens = await instance();
    tokens.insert(token('vws-coordinator'));

    expect(tokens.findBySecretHash('hash-of-vws-coordinator')).toEqual(token('vws-coordinator'));
    expect(tokens.findByName('vws-coordinator')?.id).toBe('tok-vws-coordinator');
    expect(tokens.findBySecretHash('unknown')).toBeNull();
    const { rows } = await schemas.query(`SELECT name, created_at FROM ${schema}.api_tokens`);
    expect(rows).toEqual([{ name: 'vws-coordinator', created_at: '2026-11-23T09:00:00.000Z' }]);
  });

  it('lists by creation time, then name', async () => {
    const tokens = await instance();
    tokens.insert(token('b', { createdAt: '2026-11-23T10:00:00.000Z' }));
    tokens.insert(token('a', { createdAt: '2026-11-23T10:00:00.000Z' }));
    tokens.insert(token('c', { createdAt: '2026-11-23T08:00:00.000Z' }));

    expect(tokens.list().map((t) => t.name)).toEqual(['c', 'a', 'b']);
  });

  it('revokes an active token once, at once on this instance', async () => {
    const tokens = await instance();
    tokens.insert(token('nvp-dashboard', { role: 'PARTNER', partnerId: 'NVP' }));

    expect(tokens.revoke('nvp-dashboard', '2026-11-24T00:00:00.000Z')).toBe(true);
    expect(tokens.revoke('nvp-dashboard', '2026-11-25T00:00:00.000Z')).toBe(false);
    expect(tokens.revoke('never-created', '2026-11-25T00:00:00.000Z')).toBe(false);
    expect(tokens.findBySecretHash('hash-of-nvp-dashboard')?.revokedAt).toBe('2026-11-24T00:00:00.000Z');
  });

  it('sees tokens created and revoked through another instance after its next reload', async () => {
    const server = await instance(50);
    const cli = await instance();
    cli.insert(token('jn-script'));
    cli.revoke('jn-script', '2026-11-24T00:00:00.000Z');
    cli.insert(token('vng-script'));

    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(server.findBySecretHash('hash-of-jn-script')?.revokedAt).toBe('2026-11-24T00:00:00.000Z');
    expect(server.findByName('vng-script')).not.toBeNull();
  });

  it('refuses a name another instance took since the last reload, in the words the CLI shows', async () => {
    const first = await instance();
    const second = await instance();
    first.insert(token('dubbel'));

    expect(() => second.insert(token('dubbel', { id: 'tok-other', secretHash: 'other-hash' }))).toThrow(InvalidInput);
    expect(second.findBySecretHash('other-hash')).toBeNull();
  });

  it('creates its table once when several instances start together', async () => {
    await Promise.all([instance(), instance(), instance()]);
    const { rows } = await schemas.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1 AND tablename = 'api_tokens'`, [schema]);
    expect(rows[0].n).toBe(1);
  });
});

describeWithPostgres('A blocking PostgreSQL query', probePostgres(), () => {
  it('returns rows synchronously and reports PostgreSQL errors with their code', async () => {
    const sync = new SynchronousPostgres({ connectionString: TEST_DATABASE_URL });
    try {
      expect(sync.query<{ n: number }>('SELECT $1::int + 1 AS n', [41]).rows).toEqual([{ n: 42 }]);
      const error = (() => {
        try {
          sync.query('SELECT * FROM table_that_does_not_exist');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(SynchronousQueryError);
      expect(error).toMatchObject({ code: '42P01' });
      expect(sync.query('SELECT 1 AS one').rows).toEqual([{ one: 1 }]);
    } finally {
      await sync.close();
    }
  });

  it('gives up after its timeout instead of blocking for ever', async () => {
    const sync = new SynchronousPostgres({ connectionString: TEST_DATABASE_URL, timeoutMs: 200 });
    try {
      expect(() => sync.query('SELECT pg_sleep(1)')).toThrow(/geen antwoord.*no answer in time/);
    } finally {
      await sync.close();
    }
  });
});
