import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { rawRequest, startTestServer, TestServer, Role } from './support/test-server';

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
/** Partners' contact addresses (personal data, outside the log): read by coordinators only. */
const CONTACTS = `{ partnerContacts(partnerId: "NVP") { email } }`;

const EXPECTED: Record<Role | 'ANONYMOUS', { read: string | null; log: string | null; write: string | null; contacts: string | null }> = {
  ANONYMOUS: { read: 'UNAUTHENTICATED', log: 'UNAUTHENTICATED', write: 'UNAUTHENTICATED', contacts: 'UNAUTHENTICATED' },
  PARTNER: { read: null, log: 'FORBIDDEN', write: 'FORBIDDEN', contacts: 'FORBIDDEN' },
  AUDITOR: { read: null, log: null, write: 'FORBIDDEN', contacts: 'FORBIDDEN' },
  COORDINATOR: { read: null, log: null, write: null, contacts: null },
};

type Caller = 'ANONYMOUS' | Role;
type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const CALLERS: Caller[] = ['ANONYMOUS', 'PARTNER', 'AUDITOR', 'COORDINATOR'];
const ok: Outcome = 'allowed';
const no: Outcome = 'FORBIDDEN';
const anon: Outcome = 'UNAUTHENTICATED';

/**
 * Least privilege, cell by cell: every query and mutation field the server serves, for every caller.
 * A field that is served but missing here fails the test, and so does a resolver without an @Allow
 * rule (the guard refuses it for everyone, so its COORDINATOR cell reads FORBIDDEN, not allowed).
 */
const MATRIX: Record<string, [anonymous: Outcome, partner: Outcome, auditor: Outcome, coordinator: Outcome]> = {
  'Query.action': [anon, ok, ok, ok],
  'Query.actionsNeedingUpdate': [anon, ok, ok, ok],
  'Query.pendingUpdates': [anon, ok, ok, ok],
  'Query.reportingRound': [anon, ok, ok, ok],
  'Query.reportingRounds': [anon, ok, ok, ok],
  'Query.meeting': [anon, ok, ok, ok],
  'Query.meetings': [anon, ok, ok, ok],
  'Query.staleActions': [anon, ok, ok, ok],
  'Query.actions': [anon, ok, ok, ok],
  'Query.events': [anon, no, ok, ok],
  // Partners: their own actions only (asking for another partner's is FORBIDDEN, tested in reports.e2e-spec.ts).
  'Query.changes': [anon, ok, ok, ok],
  'Query.partner': [anon, ok, ok, ok],
  // Partners' contact addresses for reminders are personal data: coordinators only, for reading too.
  'Query.partnerContacts': [anon, no, no, ok],
  'Query.partnerStatuses': [anon, ok, ok, ok],
  'Query.partners': [anon, ok, ok, ok],
  'Query.plan': [anon, ok, ok, ok],
  'Query.plans': [anon, ok, ok, ok],
  'Query.target': [anon, ok, ok, ok],
  'Query.parliamentaryReference': [anon, ok, ok, ok],
  'Query.parliamentaryReferences': [anon, ok, ok, ok],
  'Query.theme': [anon, ok, ok, ok],
  'Query.themes': [anon, ok, ok, ok],
  'Query.contextFigures': [anon, ok, ok, ok],
  'Mutation.approveProgressUpdate': [anon, no, no, ok],
  'Mutation.assignOwner': [anon, no, no, ok],
  'Mutation.openReportingRound': [anon, no, no, ok],
  // Partners pass the guard where a region's token may write on its own region (meetings, plans, actions,
  // status, figures); the application refuses every other subject: see "a region's token" below.
  'Mutation.recordMeeting': [anon, ok, no, ok],
  'Mutation.recordAgreement': [anon, ok, no, ok],
  'Mutation.takeUpNationalAction': [anon, ok, no, ok],
  'Mutation.recordRegionalStartfoto': [anon, ok, no, ok],
  'Mutation.recordRegionalMeasurement': [anon, ok, no, ok],
  'Mutation.setActionLevel': [anon, no, no, ok],
  'Mutation.returnProgressUpdate': [anon, no, no, ok],
  // Owners report: the guard lets partners through; the action decider refuses one that does not own the action.
  'Mutation.submitProgressUpdate': [anon, ok, no, ok],
  'Mutation.changeActionStatus': [anon, ok, no, ok],
  'Mutation.correctActionStatus': [anon, ok, no, ok],
  'Mutation.correctMeasurement': [anon, no, no, ok],
  'Mutation.defineTarget': [anon, no, no, ok],
  'Mutation.recordBaseline': [anon, no, no, ok],
  'Mutation.recordMeasurement': [anon, no, no, ok],
  'Mutation.registerAction': [anon, ok, no, ok],
  'Mutation.registerActionLine': [anon, ok, no, ok],
  'Mutation.registerPartner': [anon, no, no, ok],
  'Mutation.registerPartnerContact': [anon, no, no, ok],
  'Mutation.registerPlan': [anon, ok, no, ok],
  'Mutation.removeOwner': [anon, no, no, ok],
  'Mutation.removePartnerContact': [anon, no, no, ok],
  'Mutation.rescheduleAction': [anon, no, no, ok],
  'Mutation.registerParliamentaryReference': [anon, no, no, ok],
  'Mutation.linkParliamentaryReference': [anon, no, no, ok],
  'Mutation.defineTheme': [anon, no, no, ok],
  'Mutation.linkActionToTheme': [anon, no, no, ok],
  'Mutation.defineContextSeries': [anon, no, no, ok],
  'Mutation.recordContextFigure': [anon, no, no, ok],
};

/**
 * A literal of the right type that the edge validation refuses where it can: ids are "!" (neither a
 * slug nor a partner id), so a permitted mutation answers BAD_USER_INPUT and writes nothing.
 */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    const scalars: Record<string, string> = {
      ID: '"!"',
      String: '"!"',
      Int: '1',
      Float: '1.5',
      Boolean: 'true',
      Date: '"2017-12-31"',
      DateTime: '"2017-12-31T00:00:00Z"',
    };
    if (scalars[type.name]) return scalars[type.name];
  }
  throw new Error(`no literal for ${String(type)}: extend the role matrix test`);
}

function probe(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type)).map((a) => `${a.name}: ${literal(a.type)}`);
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${operation} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

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
    expect(code(await server.gql(CONTACTS, {}, tokens[role]))).toBe(expected.contacts);
  });

  it('answers /health without a token and nothing else', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
    for (const query of ['{ __typename }', '{ __schema { queryType { name } } }', 'query { plans { id } }']) {
      expect(code(await server.gql(query))).toBe('UNAUTHENTICATED');
      const get = await rawRequest(server, { method: 'GET', path: `/graphql?query=${encodeURIComponent(query)}` });
      expect([get.status, code(get.body)]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  describe('the matrix: every query and mutation of the served schema, for every caller', () => {
    let schema: GraphQLSchema;

    beforeAll(async () => {
      const introspection = await server.gql(getIntrospectionQuery(), {}, tokens.COORDINATOR);
      expect(introspection.errors).toBeUndefined();
      schema = buildClientSchema(introspection.data);
    });

    const servedFields = () => [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ];

    it('has a row for every served field, and no row for a field that is not served', () => {
      expect(servedFields().sort()).toEqual(Object.keys(MATRIX).sort());
    });

    it('gives each caller exactly the outcome in its cell, writing nothing', async () => {
      const eventsBefore = (await rawRequest(server, { method: 'GET', path: '/health' })).body.events;
      const actual: Record<string, Outcome[]> = {};
      const probes: string[] = [];
      for (const coordinate of servedFields()) {
        const [typeName, fieldName] = coordinate.split('.');
        const operation = typeName === 'Query' ? 'query' : 'mutation';
        const document = probe(
          operation,
          (typeName === 'Query' ? schema.getQueryType()! : schema.getMutationType()!).getFields()[fieldName],
        );
        probes.push(document);
        actual[coordinate] = [];
        for (const caller of CALLERS) {
          const res = await server.gql(document, {}, tokens[caller]);
          const errorCode = code(res);
          // A probe the server cannot even parse or validate says nothing about access: the generator is wrong.
          expect([document, errorCode]).not.toEqual([document, expect.stringMatching(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/)]);
          actual[coordinate].push(errorCode === 'FORBIDDEN' || errorCode === 'UNAUTHENTICATED' ? errorCode : 'allowed');
        }
      }
      expect(actual).toEqual(MATRIX);
      expect(probes.length).toBe(Object.keys(MATRIX).length);
      expect((await rawRequest(server, { method: 'GET', path: '/health' })).body.events).toBe(eventsBefore);
      // Contact addresses live outside the log: no probe may have registered one either.
      expect((await server.gql(`{ partnerContacts { email } }`, {}, tokens.COORDINATOR)).data.partnerContacts).toEqual([]);
    });
  });

  /**
   * A jeugdzorgregio's PARTNER token, row by row: it writes status, figures, plans, actions and meetings
   * of its own region, and every other subject is FORBIDDEN with nothing written.
   */
  describe("a region's token", () => {
    const OWN = 'REGIO-HAAGLANDEN';
    const OTHER = 'REGIO-TWENTE';
    const instance = (region: string) => `koers-o-7-${region.toLowerCase()}`;
    const takeUp = (region: string) => `mutation { takeUpNationalAction(input: { actionId: "koers-o-7", regionId: "${region}" }) { id } }`;
    const status = (actionId: string) => `mutation { changeActionStatus(input: { actionId: "${actionId}", status: IN_PROGRESS }) { id } }`;
    const startfoto = (region: string) =>
      `mutation { recordRegionalStartfoto(input: { targetId: "pleegzorg-3-inschrijvingen-2017", regionId: "${region}", value: 10, measuredAt: "2016-09-30", unit: "inschrijvingen" }) { id } }`;
    const meeting = (region: string) =>
      `mutation { recordMeeting(input: { meetingId: "overleg-${region.toLowerCase()}", planId: "opvolging-${region.toLowerCase()}-koers-gezinshuizen-2019-2021", regionId: "${region}", heldOn: "2019-10-01", participants: ["${region}"], subject: "Overleg" }) { id } }`;
    const REGION_MATRIX: Array<[what: string, document: () => string, outcome: Outcome]> = [
      ['take up a national action for its own region', () => takeUp(OWN), ok],
      ['take up a national action for another region', () => takeUp(OTHER), no],
      ['report status on its own instance', () => status(instance(OWN)), ok],
      ['report status on another region’s instance', () => status(instance(OTHER)), no],
      ['report status on the national action', () => status('koers-o-7'), no],
      ['record its own startfoto', () => startfoto(OWN), ok],
      ['record another region’s startfoto', () => startfoto(OTHER), no],
      ['record a meeting of its own region', () => meeting(OWN), ok],
      ['record a meeting of another region', () => meeting(OTHER), no],
      [
        'record a national measurement',
        () =>
          `mutation { recordMeasurement(input: { targetId: "pleegzorg-3-inschrijvingen-2017", value: 1, measuredAt: "2017-12-31" }) { id } }`,
        no,
      ],
      [
        'register an action in a national plan',
        () =>
          `mutation { registerAction(input: { actionId: "regio-in-landelijk", planId: "koers-gezinshuizen-2019-2021", actionLineId: "koers-o", title: "x", owners: ["${OWN}"] }) { id } }`,
        no,
      ],
    ];

    it('writes on its own region only', async () => {
      const own = await server.token('PARTNER', OWN);
      // The other region's follow-up exists, taken up by a coordinator.
      expect(code(await server.gql(takeUp(OTHER), {}, tokens.COORDINATOR))).toBeNull();
      const actual: Array<[string, Outcome]> = [];
      for (const [what, document] of REGION_MATRIX) {
        const before = (await rawRequest(server, { method: 'GET', path: '/health' })).body.events;
        const errorCode = code(await server.gql(document(), {}, own));
        actual.push([what, errorCode === null ? ok : errorCode === 'FORBIDDEN' ? no : (errorCode as Outcome)]);
        if (errorCode === 'FORBIDDEN')
          expect([what, (await rawRequest(server, { method: 'GET', path: '/health' })).body.events]).toEqual([what, before]);
      }
      expect(actual).toEqual(REGION_MATRIX.map(([what, , outcome]) => [what, outcome]));
    });
  });
});
