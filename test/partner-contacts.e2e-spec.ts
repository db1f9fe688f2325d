import { rawRequest, startTestServer, TestServer } from './support/test-server';

const REGISTER = `
  mutation RegisterContact($input: RegisterPartnerContactInput!) {
    registerPartnerContact(input: $input) { partnerId email name registeredAt registeredBy }
  }`;
const REMOVE = `mutation RemoveContact($input: RemovePartnerContactInput!) { removePartnerContact(input: $input) }`;
const LIST = `query Contacts($partnerId: ID) { partnerContacts(partnerId: $partnerId) { partnerId email name } }`;

/** Personal data that must never reach the log, in every spelling a client might send. */
const ADDRESS = 'Petra.de.Vries@Pleegzorg.nl';
const NAME = 'Petra de Vries';
const INLINE_ADDRESS = 'inline.adres@minvws.nl';
const TYPO_ADDRESS = 'petra.de.vries@pleegzorg';

describe('partner contact addresses over GraphQL', () => {
  let server: TestServer;
  let coordinator: string;
  let partner: string;
  let auditor: string;

  beforeAll(async () => {
    // The most talkative log level: whatever a line is about, it must not carry an address.
    server = await startTestServer({ env: { LOG_LEVEL: 'trace' } });
    coordinator = await server.token('COORDINATOR', 'VWS');
    partner = await server.token('PARTNER', 'NVP');
    auditor = await server.token('AUDITOR', null);
  });
  afterAll(() => server.close());

  const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code ?? null;
  const events = async () => (await rawRequest(server, { method: 'GET', path: '/health' })).body.events as number;

  it('lets a coordinator register, list and erase addresses, outside the event log', async () => {
    const eventsBefore = await events();
    const registered = await server.gql(REGISTER, { input: { partnerId: 'nvp', email: ADDRESS, name: NAME } }, coordinator);
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerPartnerContact).toEqual({
      partnerId: 'NVP',
      email: 'petra.de.vries@pleegzorg.nl',
      name: NAME,
      registeredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      registeredBy: expect.stringMatching(/^tok-/),
    });
    const inline = await server.gql(
      `mutation { registerPartnerContact(input: { partnerId: "VWS", email: "${INLINE_ADDRESS}" }) { email name } }`,
      {},
      coordinator,
    );
    expect(inline.data.registerPartnerContact).toEqual({ email: INLINE_ADDRESS, name: null });

    expect((await server.gql(LIST, { partnerId: 'NVP' }, coordinator)).data.partnerContacts).toEqual([
      { partnerId: 'NVP', email: 'petra.de.vries@pleegzorg.nl', name: NAME },
    ]);
    expect((await server.gql(LIST, {}, coordinator)).data.partnerContacts.map((c: any) => c.partnerId)).toEqual(['NVP', 'VWS']);
    // The CLI sees what the API registered: one table, whatever the door.
    expect((await server.cli(['contacts', 'list', '--partner', 'VWS'])).stdout).toMatch(/^VWS\tinline\.adres@minvws\.nl\t-\t/);
    expect(await events()).toBe(eventsBefore);

    expect((await server.gql(REMOVE, { input: { partnerId: 'VWS', email: INLINE_ADDRESS } }, coordinator)).data).toEqual({
      removePartnerContact: true,
    });
    expect((await server.gql(REMOVE, { input: { partnerId: 'VWS', email: INLINE_ADDRESS } }, coordinator)).data).toEqual({
      removePartnerContact: false,
    });
    expect((await server.gql(LIST, { partnerId: 'VWS' }, coordinator)).data.partnerContacts).toEqual([]);
    expect(await events()).toBe(eventsBefore);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, in Dutch, without echoing the address', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ partnerId: 'NVP', email: TYPO_ADDRESS }, 'email', /internetdomein/],
      [{ partnerId: 'NVP', email: ADDRESS.toUpperCase() }, 'email', /staat al geregistreerd bij NVP/],
      [{ partnerId: 'NJJ', email: 'a@nji.nl' }, 'partnerId', /onbekende partner 'NJJ'\. Bedoelt u NJI\?/],
      [{ partnerId: 'NVP', email: 'x@pleegzorg.nl', name: 'Petra\u202Ede Vries' }, 'name', /stuurtekens/],
      [{ partnerId: 'NVP', email: `${'a'.repeat(250)}@pleegzorg.nl` }, 'email', /hoogstens 254 tekens/],
    ];
    for (const [input, field, reason] of cases) {
      const res = await server.gql(REGISTER, { input }, coordinator);
      expect([input, res.errors?.[0]?.extensions]).toEqual([input, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
      expect([input, res.errors?.[0]?.message]).toEqual([input, expect.stringMatching(reason)]);
      expect(res.errors?.[0]?.message).not.toContain(String(input.email).toLowerCase());
    }
    expect((await server.gql(LIST, { partnerId: 'NVP' }, coordinator)).data.partnerContacts).toHaveLength(1);
  });

  it('is for coordinators only: partners and auditors are FORBIDDEN to read, register or erase, and nothing changes', async () => {
    for (const token of [partner, auditor]) {
      expect(code(await server.gql(LIST, { partnerId: 'NVP' }, token))).toBe('FORBIDDEN');
      expect(code(await server.gql(REGISTER, { input: { partnerId: 'NVP', email: 'nieuw@pleegzorg.nl' } }, token))).toBe('FORBIDDEN');
      expect(code(await server.gql(REMOVE, { input: { partnerId: 'NVP', email: ADDRESS } }, token))).toBe('FORBIDDEN');
    }
    expect(code(await server.gql(LIST, {}, null))).toBe('UNAUTHENTICATED');
    expect((await server.gql(LIST, {}, coordinator)).data.partnerContacts).toEqual([
      { partnerId: 'NVP', email: 'petra.de.vries@pleegzorg.nl', name: NAME },
    ]);
  });

  it('logs each operation by name and field, and never an address or a name, whatever the outcome', async () => {
    // Give the access log (written when each response is sent) a moment to reach the test.
    await new Promise((r) => setTimeout(r, 200));
    const access = server.output
      .split('\n')
      .filter((l) => l.includes('"kind":"access"'))
      .map((l) => JSON.parse(l));
    const operations = access.map((e) => `${e.operation?.name ?? '-'}:${(e.operation?.fields ?? []).join(',')}:${e.outcome}`);
    expect(operations).toEqual(
      expect.arrayContaining([
        'RegisterContact:registerPartnerContact:ok',
        'RegisterContact:registerPartnerContact:error',
        'RegisterContact:registerPartnerContact:denied',
        '-:registerPartnerContact:ok',
        'RemoveContact:removePartnerContact:ok',
        'RemoveContact:removePartnerContact:denied',
        'Contacts:partnerContacts:ok',
        'Contacts:partnerContacts:denied',
      ]),
    );
    expect(server.output.length).toBeGreaterThan(0);
    for (const secret of [ADDRESS, ADDRESS.toLowerCase(), INLINE_ADDRESS, TYPO_ADDRESS, NAME, 'nieuw@pleegzorg.nl', 'x@pleegzorg.nl']) {
      expect([secret, server.output.includes(secret)]).toEqual([secret, false]);
    }
    expect(server.output.toLowerCase()).not.toMatch(/[a-z0-9.]+@(pleegzorg|minvws)\.nl/);
  });
});
