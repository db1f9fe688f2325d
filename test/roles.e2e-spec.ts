import { startTestServer, TestServer, Role } from './support/test-server';

/** What each role may do, as coordinators, partners and auditors would try it. */
const READS = [
  `{ plans { id actionLines { id actions { id } } } }`,
  `{ partners { id } }`,
  `{ actions(planId: "koers-gezinshuizen-2019-2021") { id status } }`,
  `{ action(id: "pleegzorg-1-1") { id targets { id } } }`,
  `{ partnerStatuses { partner { id } total } }`,
  `{ target(id: "pleegzorg-3-inschrijvingen-2017") { id attainment } }`,
];
const EVENT_LOG = `{ events(first: 3) { events { position } } }`;
const WRITE = `mutation { changeActionStatus(input: { actionId: "pleegzorg-1-2", status: IN_PROGRESS }) { status } }`;

const EXPECTED: Record<Role | 'ANONYMOUS', { read: string | null; log: string | null; write: string | null }> = {
  ANONYMOUS: { read: 'UNAUTHENTICATED', log: 'UNAUTHENTICATED', write: 'UNAUTHENTICATED' },
  PARTNER: { read: null, log: 'FORBIDDEN', write: 'FORBIDDEN' },
  AUDITOR: { read: null, log: null, write: 'FORBIDDEN' },
  COORDINATOR: { read: null, log: null, write: null },
};

describe('what each role may do', () => {
  let server: TestServer;
  const tokens: Record<string, string | null> = { ANONYMOUS: null };

  beforeAll(async () => {
    server = await startTestServer();
    tokens.PARTNER = await server.token('PARTNER', 'NJI');
    tokens.AUDITOR = await server.token('AUDITOR', null);
    tokens.COORDINATOR = await server.token('COORDINATOR', 'VNG');
  });
  afterAll(() => server.close());

  const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code ?? null;

  it.each(Object.keys(EXPECTED))('%s', async (role) => {
    const expected = EXPECTED[role as keyof typeof EXPECTED];
    for (const query of READS) expect([query, code(await server.gql(query, {}, tokens[role]))]).toEqual([query, expected.read]);
    expect(code(await server.gql(EVENT_LOG, {}, tokens[role]))).toBe(expected.log);
    expect(code(await server.gql(WRITE, {}, tokens[role]))).toBe(expected.write);
  });

  it('answers /health without a token and nothing else', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});
