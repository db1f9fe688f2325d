import type { PartnerContact } from '@actiemonitor/application';
import { InvalidInput } from '@actiemonitor/domain';
import { createPostgresPool } from '@actiemonitor/event-store';
import {
  describeWithPostgres,
  probePostgres,
  TEST_DATABASE_URL,
  TestSchemas,
} from '../../../event-store/src/postgres/postgres-test-database.testing';
import { PostgresContactRepository } from './postgres-contact-repository';
import { PostgresTokenRepository } from './postgres-token-repository';

function contact(partnerId: string, email: string, overrides: Partial<PartnerContact> = {}): PartnerContact {
  return { partnerId, email, name: null, registeredAt: '2026-11-23T09:00:00.000Z', registeredBy: 'tok-coordinator', ...overrides };
}

describeWithPostgres('Contact addresses in PostgreSQL', probePostgres(), () => {
  const schemas = new TestSchemas();
  let schema: string;
  const pools: ReturnType<typeof createPostgresPool>[] = [];

  /** One server instance's (or the CLI's) view: its own pool. */
  async function instance(): Promise<PostgresContactRepository> {
    const pool = createPostgresPool({ connectionString: TEST_DATABASE_URL, schema, max: 2 });
    pools.push(pool);
    return PostgresContactRepository.open(pool);
  }

  beforeEach(async () => {
    schema = await schemas.create();
  });
  afterEach(async () => {
    for (const pool of pools.splice(0)) await pool.end();
    await schemas.drop(schema);
  });
  afterAll(() => schemas.end());

  it('stores, lists by partner (then address, in byte order) and for everyone, exactly as written', async () => {
    const contacts = await instance();
    await contacts.add(contact('VWS', 'pleegzorg@minvws.nl', { name: 'Directie Jeugd' }));
    await contacts.add(contact('NVP', 'secretariaat@pleegzorg.nl'));
    await contacts.add(contact('NVP', 'jan.jansen@pleegzorg.nl', { name: 'Jan Jansen' }));
    await contacts.add(contact('NVP', 'Z@pleegzorg.nl'));

    expect(await contacts.list('NVP')).toEqual([
      contact('NVP', 'Z@pleegzorg.nl'),
      contact('NVP', 'jan.jansen@pleegzorg.nl', { name: 'Jan Jansen' }),
      contact('NVP', 'secretariaat@pleegzorg.nl'),
    ]);
    expect((await contacts.list(null)).map((c) => c.partnerId)).toEqual(['NVP', 'NVP', 'NVP', 'VWS']);
    expect(await contacts.list('NJI')).toEqual([]);
  });

  it('refuses an address the partner has already, in words that do not repeat it', async () => {
    const first = await instance();
    const second = await instance();
    await first.add(contact('NVP', 'info@pleegzorg.nl'));
    const refusal = await second.add(contact('NVP', 'info@pleegzorg.nl')).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(InvalidInput);
    expect(refusal).toMatchObject({
      field: 'email',
      text: 'dit adres staat al geregistreerd bij NVP',
      reason: 'this address is already registered for NVP',
    });
    expect((refusal as Error).message).not.toContain('info@pleegzorg.nl');
    await second.add(contact('JN', 'info@pleegzorg.nl'));
    expect(await first.list(null)).toHaveLength(2);
  });

  it('removes the row at once, for every instance', async () => {
    const server = await instance();
    const cli = await instance();
    await server.add(contact('NVP', 'info@pleegzorg.nl'));
    expect(await cli.remove('NVP', 'info@pleegzorg.nl')).toBe(true);
    expect(await cli.remove('NVP', 'info@pleegzorg.nl')).toBe(false);
    expect(await server.list(null)).toEqual([]);
    const { rows } = await schemas.query(`SELECT count(*)::int AS n FROM ${schema}.partner_contacts`);
    expect(rows[0].n).toBe(0);
  });

  it('lives in a table of its own beside api_tokens, created once when several instances start together', async () => {
    await Promise.all([instance(), instance(), instance()]);
    await PostgresTokenRepository.open({ pool: pools[0] });
    const { rows } = await schemas.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, [schema]);
    expect(rows.map((r: { tablename: string }) => r.tablename)).toEqual(['api_tokens', 'partner_contacts']);
  });
});
