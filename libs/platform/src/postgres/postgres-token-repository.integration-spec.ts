import type { TokenRecord } from '@actiemonitor/application';
import { InvalidInput } from '@actiemonitor/domain';
import { createPostgresPool, isTransientStoreError } from '@actiemonitor/event-store';
import {
  describeWithPostgres,
  probePostgres,
  TEST_DATABASE_URL,
  TestSchemas,
} from '../../../event-store/src/postgres/postgres-test-database.testing';
import { TcpProxy } from '../../../../test/support/tcp-proxy';
import { PostgresTokenRepository, PostgresTokenRepositoryOptions } from './postgres-token-repository';

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

/** Fails with what a lost connection gives (refused while cut, or terminated when a pooled one was cut). */
async function expectUnreachable(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => new Error('resolved, but PostgreSQL was unreachable'),
    (e: unknown) => e,
  );
  const { code, message } = error as { code?: unknown; message?: unknown }; // Node's socket errors come from another realm
  expect([isTransientStoreError({ code, message }), String(error)]).toEqual([true, expect.anything()]);
}

describeWithPostgres('Tokens in PostgreSQL', probePostgres(), () => {
  const schemas = new TestSchemas();
  let schema: string;
  const pools: ReturnType<typeof createPostgresPool>[] = [];
  const proxies: TcpProxy[] = [];

  type Options = Omit<PostgresTokenRepositoryOptions, 'pool'>;

  /** One server instance's view: its own pool (and memory). */
  async function instance(options: Options = {}, connectionString = TEST_DATABASE_URL): Promise<PostgresTokenRepository> {
    const pool = createPostgresPool({ connectionString, schema, max: 2 });
    pools.push(pool);
    return PostgresTokenRepository.open({ pool, ...options });
  }

  /** An instance that reaches PostgreSQL through a proxy the test can cut ("the database went away"). */
  async function instanceBehindProxy(options: Options = {}): Promise<{ tokens: PostgresTokenRepository; proxy: TcpProxy }> {
    const target = new URL(TEST_DATABASE_URL);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    proxies.push(proxy);
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    return { tokens: await instance(options, viaProxy.toString()), proxy };
  }

  beforeEach(async () => {
    schema = await schemas.create();
  });

  afterEach(async () => {
    for (const proxy of proxies.splice(0)) await proxy.cut();
    for (const pool of pools.splice(0)) await pool.end();
    await schemas.drop(schema);
  });

  afterAll(() => schemas.end());

  it('stores a token before insert resolves, and finds it by secret hash and by name', async () => {
    const tokens = await instance();
    await tokens.insert(token('vws-coordinator'));

    expect(await tokens.findBySecretHash('hash-of-vws-coordinator')).toEqual(token('vws-coordinator'));
    expect((await tokens.findByName('vws-coordinator'))?.id).toBe('tok-vws-coordinator');
    expect(await tokens.findBySecretHash('unknown')).toBeNull();
    expect(await tokens.findByName('unknown')).toBeNull();
    const { rows } = await schemas.query(`SELECT name, created_at FROM ${schema}.api_tokens`);
    expect(rows).toEqual([{ name: 'vws-coordinator', created_at: '2026-11-23T09:00:00.000Z' }]);
  });

  it('lists by creation time, then name', async () => {
    const tokens = await instance();
    await tokens.insert(token('b', { createdAt: '2026-11-23T10:00:00.000Z' }));
    await tokens.insert(token('a', { createdAt: '2026-11-23T10:00:00.000Z' }));
    await tokens.insert(token('c', { createdAt: '2026-11-23T08:00:00.000Z' }));
    await tokens.insert(token('B', { createdAt: '2026-11-23T10:00:00.000Z' }));

    // Byte order, as SQLite sorts, whatever the database's collation.
    expect((await tokens.list()).map((t) => t.name)).toEqual(['c', 'B', 'a', 'b']);
  });

  it('revokes an active token once, at once on this instance', async () => {
    const tokens = await instance();
    await tokens.insert(token('nvp-dashboard', { role: 'PARTNER', partnerId: 'NVP' }));

    expect(await tokens.revoke('nvp-dashboard', '2026-11-24T00:00:00.000Z')).toBe(true);
    expect(await tokens.revoke('nvp-dashboard', '2026-11-25T00:00:00.000Z')).toBe(false);
    expect(await tokens.revoke('never-created', '2026-11-25T00:00:00.000Z')).toBe(false);
    expect((await tokens.findBySecretHash('hash-of-nvp-dashboard'))?.revokedAt).toBe('2026-11-24T00:00:00.000Z');
  });

  it('sees tokens created and revoked through another instance at once', async () => {
    const server = await instance();
    const cli = await instance();
    await cli.insert(token('jn-script'));
    expect((await server.findBySecretHash('hash-of-jn-script'))?.revokedAt).toBeNull();
    await cli.revoke('jn-script', '2026-11-24T00:00:00.000Z');
    await cli.insert(token('vng-script'));

    expect((await server.findBySecretHash('hash-of-jn-script'))?.revokedAt).toBe('2026-11-24T00:00:00.000Z');
    expect(await server.findByName('vng-script')).not.toBeNull();
    expect((await server.list()).map((t) => t.name)).toEqual(['jn-script', 'vng-script']);
  });

  it('refuses a name another instance took, in the words the CLI shows', async () => {
    const first = await instance();
    const second = await instance();
    await first.insert(token('dubbel'));

    await expect(second.insert(token('dubbel', { id: 'tok-other', secretHash: 'other-hash' }))).rejects.toThrow(InvalidInput);
    await expect(second.insert(token('dubbel', { id: 'tok-other', secretHash: 'other-hash' }))).rejects.toMatchObject({
      field: 'name',
      message: expect.stringContaining("er bestaat al een token 'dubbel'"),
    });
    expect(await second.findBySecretHash('other-hash')).toBeNull();
  });

  it('creates its table once when several instances start together', async () => {
    await Promise.all([instance(), instance(), instance()]);
    const { rows } = await schemas.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1 AND tablename = 'api_tokens'`, [
      schema,
    ]);
    expect(rows[0].n).toBe(1);
  });

  describe('while PostgreSQL is unreachable', () => {
    it('fails every call with a transient error, a token looked up a moment ago included, and answers again once it is back', async () => {
      const { tokens, proxy } = await instanceBehindProxy();
      await tokens.insert(token('seen'));
      expect(await tokens.findBySecretHash('hash-of-seen')).toEqual(token('seen'));

      await proxy.cut();
      // Nothing is served from memory: a token revoked elsewhere meanwhile could not be told apart.
      await expectUnreachable(tokens.findBySecretHash('hash-of-seen'));
      await expectUnreachable(tokens.findBySecretHash('unknown'));
      await expectUnreachable(tokens.findByName('seen'));
      await expectUnreachable(tokens.list());
      await expectUnreachable(tokens.revoke('seen', '2026-11-24T00:00:00.000Z'));

      await proxy.restore();
      let found: TokenRecord | null | Error = null;
      for (let i = 0; i < 20; i++) {
        found = await tokens.findBySecretHash('hash-of-seen').catch((error: Error) => error);
        if (!(found instanceof Error)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(found).toEqual(token('seen'));
    });

    it('passes an error PostgreSQL answered with on as it is', async () => {
      const tokens = await instance();
      await tokens.insert(token('seen'));
      expect(await tokens.findBySecretHash('hash-of-seen')).not.toBeNull();
      await schemas.query(`DROP TABLE ${schema}.api_tokens`);

      await expect(tokens.findBySecretHash('hash-of-seen')).rejects.toMatchObject({ code: '42P01' });
    });
  });
});
