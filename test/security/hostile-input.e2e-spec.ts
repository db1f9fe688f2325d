import { rawRequest, startTestServer, TestServer } from '../support/test-server';
import { hasEnglishGist } from '../../libs/domain/src/shared/message';
import { eventCountAsAuditor, healthEvents, leaksIn } from './support/hostile';

type Caller = 'coordinator' | 'partner' | 'auditor' | 'anonymous';

interface Case {
  name: string;
  caller?: Caller;
  /** A GraphQL request sent as JSON... */
  query?: string;
  variables?: unknown;
  operationName?: string;
  /** ...or a raw HTTP request. */
  raw?: { method?: 'GET' | 'POST'; path?: string; contentType?: string; body?: string };
  status: number;
  code: string;
  field?: string;
}

const TARGET = 'pleegzorg-3-inschrijvingen-2017';
const MEASURE = `mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
const STATUS = `mutation ($input: ChangeActionStatusInput!) { changeActionStatus(input: $input) { id version } }`;
const measurement = (patch: Record<string, unknown>) => ({ input: { targetId: TARGET, value: 3, measuredAt: '2017-12-31', ...patch } });
const status = (patch: Record<string, unknown>) => ({ input: { actionId: 'pleegzorg-1-3', status: 'IN_PROGRESS', ...patch } });

/** Every error path we can reach from outside, each with the code and (where it is input) the field it names. */
const CASES: Case[] = [
  { name: 'malformed JSON', raw: { body: '{"query": ' }, status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON that is not an object', raw: { body: '[{"query":"{ plans { id } }"}]' }, status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a batch of operations',
    raw: { body: JSON.stringify([{ query: '{ plans { id } }' }, { query: '{ partners { id } }' }]) },
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'prototype pollution in variables',
    raw: { body: '{"query":"{ plans { id } }","variables":{"__proto__":{"admin":true}}}' },
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'an empty body', raw: { body: '' }, status: 400, code: 'BAD_REQUEST' },
  {
    name: 'variables that are not an object',
    raw: { body: '{"query":"{ plans { id } }","variables":"x"}' },
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an unknown content type',
    raw: { contentType: 'application/xml', body: '<query/>' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  { name: 'random bytes as a query', query: '\u0001\u00ff\ud800 {{{ ]]] "unterminated', status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'a JSON "AST" instead of GraphQL', query: '{"kind":"Document","definitions":[]}', status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'a JSON null instead of GraphQL', query: 'null', status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'an unknown field', query: '{ plans { id secret } }', status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'an unknown input field', query: STATUS, variables: status({ admin: true }), status: 400, code: 'BAD_USER_INPUT' },
  {
    name: 'an unknown operation name',
    query: 'query A { plans { id } }',
    operationName: 'B',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'an invalid enum value', query: '{ actions(status: DONE) { id } }', status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'an invalid enum value in variables',
    query: STATUS,
    variables: status({ status: 'DONE' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'status',
  },
  {
    name: 'a string where an Int belongs',
    query: '{ events(first: "ten") { nextAfter } }',
    caller: 'auditor',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'an object where an ID belongs',
    query: STATUS,
    variables: status({ actionId: { $gt: '' } }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'actionId',
  },
  {
    name: 'a huge Int',
    query: STATUS,
    variables: status({ expectedVersion: 1e30 }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'expectedVersion',
  },
  {
    name: 'a huge Float literal (Infinity)',
    query: `mutation { recordMeasurement(input: { targetId: "${TARGET}", value: 1e400, measuredAt: "2017-12-31" }) { id } }`,
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'value',
  },
  {
    name: 'a Float beyond any measure',
    query: MEASURE,
    variables: measurement({ value: 1e300 }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'value',
  },
  {
    name: '"NaN" as a Float',
    query: MEASURE,
    variables: measurement({ value: 'NaN' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'value',
  },
  {
    name: '"Infinity" as a Float',
    query: MEASURE,
    variables: measurement({ value: 'Infinity' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'value',
  },
  {
    name: 'a date that does not exist',
    query: MEASURE,
    variables: measurement({ measuredAt: '2017-02-30' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'measuredAt',
  },
  {
    name: 'a date in the wrong form',
    query: MEASURE,
    variables: measurement({ measuredAt: '31-12-2017' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'measuredAt',
  },
  {
    name: 'a date out of range',
    query: MEASURE,
    variables: measurement({ measuredAt: '0001-01-01' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'measuredAt',
  },
  { name: 'an instant that is no instant', query: '{ actions(asOf: "gisteren") { id } }', status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'an id of the wrong shape',
    query: STATUS,
    variables: status({ actionId: "x'; DROP TABLE events; --" }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'actionId',
  },
  {
    name: 'an over-long lookup id',
    query: `{ partner(id: "${'A'.repeat(5000)}") { id } }`,
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'id',
  },
  {
    name: 'a control character in an id',
    query: '{ action(id: "pleegzorg-1-1\\u0000") { id } }',
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'id',
  },
  {
    name: 'a control character in a note',
    query: STATUS,
    variables: status({ note: 'ok\u0007' }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a bidi override in a note',
    query: STATUS,
    variables: status({ note: 'gereed \u202Edne' }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'an over-long note',
    query: STATUS,
    variables: status({ note: 'x'.repeat(2001) }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a negative expectedVersion',
    query: STATUS,
    variables: status({ expectedVersion: -1 }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'expectedVersion',
  },
  {
    name: 'a bad command id',
    query: STATUS,
    variables: status({ commandId: '../../etc/passwd' }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'commandId',
  },
  {
    name: 'a log position beyond 64 bits',
    query: '{ events(after: "9999999999999999999") { nextAfter } }',
    caller: 'auditor',
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'after',
  },
  {
    name: 'a bad stream id',
    query: '{ events(streamId: "../events") { nextAfter } }',
    caller: 'auditor',
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'streamId',
  },
  {
    name: 'a page that is too large',
    query: '{ events(first: 501) { nextAfter } }',
    caller: 'auditor',
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'first',
  },
  { name: 'an unknown action', query: STATUS, variables: status({ actionId: 'bestaat-niet' }), status: 200, code: 'NOT_FOUND' },
  {
    name: 'an unknown partner as owner',
    query: `mutation { assignOwner(input: { actionId: "pleegzorg-1-3", partnerId: "XYZ" }) { id } }`,
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'partnerId',
  },
  {
    name: 'STOPPED without a note',
    query: STATUS,
    variables: status({ status: 'STOPPED' }),
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  { name: 'a stale expectedVersion', query: STATUS, variables: status({ expectedVersion: 99 }), status: 200, code: 'CONFLICT' },
  { name: 'a partner writing', caller: 'partner', query: STATUS, variables: status({}), status: 200, code: 'FORBIDDEN' },
  { name: 'a partner reading the event log', caller: 'partner', query: '{ events { nextAfter } }', status: 200, code: 'FORBIDDEN' },
  { name: 'an auditor writing', caller: 'auditor', query: STATUS, variables: status({}), status: 200, code: 'FORBIDDEN' },
  { name: 'nobody', caller: 'anonymous', query: STATUS, variables: status({}), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'introspection in production', query: '{ __schema { types { name } } }', status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'a mutation over GET',
    raw: {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { registerPlan(input: { planId: "x", title: "x", period: { text: "2027" } }) { id } }')}`,
    },
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },
];

/** The codes of the refusals we word ourselves (graphql-js and Fastify word the others). */
const OURS = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED'];

/**
 * In production every refusal is clean: the right HTTP status, an `extensions.code` (and the field and
 * reason where the input is at fault), and no stack trace, path, SQL or driver message. None writes.
 */
describe('hostile input, in production mode', () => {
  let server: TestServer;
  const tokens: Record<Caller, string | null> = { coordinator: null, partner: null, auditor: null, anonymous: null };
  let eventsBefore: number;
  let healthBefore: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0' } });
    tokens.coordinator = await server.token('COORDINATOR', 'VWS');
    tokens.partner = await server.token('PARTNER', 'NJI');
    tokens.auditor = await server.token('AUDITOR', null);
    eventsBefore = await eventCountAsAuditor(server, tokens.auditor!);
    healthBefore = await healthEvents(server);
  });
  afterAll(() => server.close());

  async function send(c: Case) {
    const token = tokens[c.caller ?? 'coordinator'];
    const headers: Record<string, string> = { 'content-type': c.raw?.contentType ?? 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (c.raw) return rawRequest(server, { method: c.raw.method, path: c.raw.path, headers, body: c.raw.body });
    const body: Record<string, unknown> = { query: c.query, variables: c.variables ?? {} };
    if (c.operationName) body.operationName = c.operationName;
    return rawRequest(server, { headers, body: JSON.stringify(body) });
  }

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const res = await send(c);
    const error = res.body?.errors?.[0];
    expect({ status: res.status, code: error?.extensions?.code, field: error?.extensions?.field }).toEqual({
      status: c.status,
      code: c.code,
      field: c.field ?? (c.code === 'BAD_USER_INPUT' ? expect.any(String) : undefined),
    });
    if (c.field) expect(error.extensions.reason).toEqual(expect.any(String));
    expect(typeof error.message).toBe('string');
    if (OURS.includes(c.code) && !error.message.startsWith('Variable "$')) {
      // Our refusals: Dutch for the user, the English meaning beside it in extensions.reason.
      expect({ message: error.message, gist: hasEnglishGist(error.message) }).toEqual({ message: error.message, gist: false });
      expect(error.extensions.reason).toEqual(expect.any(String));
      expect(error.extensions.reason).not.toBe(error.message);
    }
    expect(leaksIn(res.text)).toEqual([]);
    // "at " only as graphql-js names a field inside a variable (`at "input.measuredAt"`), never a stack frame.
    expect(res.text).not.toMatch(/(^|[^A-Za-z])at (?!\\")/);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('drops "Did you mean" hints with introspection off, so errors do not spell out the schema', async () => {
    const res = await send({ name: 'typo', query: '{ plan(id: "x") { titel } }', status: 400, code: '' });
    expect(res.body.errors[0].message).toBe('Cannot query field "titel" on type "Plan".');
  });

  it('answers unknown paths with a plain 404 and no detail', async () => {
    const res = await rawRequest(server, { method: 'GET', path: '/../../etc/passwd' });
    expect(res.status).toBe(404);
    expect(leaksIn(res.text)).toEqual([]);
    expect((await rawRequest(server, { method: 'GET', path: '/graphiql' })).status).toBe(404);
  });

  it('wrote nothing for any of it: the event count as an auditor is unchanged', async () => {
    expect(await eventCountAsAuditor(server, tokens.auditor!)).toBe(eventsBefore);
    expect(await healthEvents(server)).toBe(healthBefore);
  });
});
