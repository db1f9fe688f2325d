import { request as httpRequest } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { rawRequest, startTestServer, TestServer } from '../support/test-server';

const code = (body: any) => body?.errors?.[0]?.extensions?.code ?? null;
const json = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });

function nested(levels: number): string {
  const path = ['actions', 'plans', 'actionLines'];
  let query = 'id';
  for (let i = levels - 1; i >= 0; i--) query = `${path[i % 3]} { ${query} }`;
  return `{ ${query} }`;
}

/** Limits, headers, CORS, rate limits and the access log, as seen from outside over HTTP. */
describe('GraphQL abuse is refused before execution (default limits)', () => {
  let server: TestServer;
  let coordinator: string;
  let partner: string;
  const post = (body: string | Buffer, token: string | null = coordinator, headers: Record<string, string> = {}) =>
    rawRequest(server, {
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body,
    });

  beforeAll(async () => {
    server = await startTestServer();
    coordinator = await server.token('COORDINATOR', 'VWS');
    partner = await server.token('PARTNER', 'NJI');
  });
  afterAll(() => server.close());

  it('refuses a 15-level nested query (depth limit 10)', async () => {
    const res = await post(json(nested(15)));
    expect([res.status, code(res.body), res.body.data]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED', null]);
    expect(res.body.errors[0].message).toMatch(/depth limit of 10 exceeded, found 1[56]\./);
  });

  it('refuses a 300-alias query (alias limit 30)', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: plans { id }`).join(' ');
    const res = await post(json(`{ ${aliases} }`));
    expect([res.status, code(res.body), res.body.data]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED', null]);
    expect(res.body.errors[0].message).toMatch(/Aliases limit of 30 exceeded, found 300/);
  });

  it('refuses nested lists whose estimated cost is above the limit, even within the depth limit', async () => {
    const res = await post(json(nested(6)));
    expect([res.status, code(res.body), res.body.data]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED', null]);
    expect(res.body.errors[0].extensions).toMatchObject({ cost: expect.any(Number), maximumCost: 20000 });
    // A page size counts as a list's length; a variable one is known before execution.
    const page = await post(
      json('query ($n: Int) { events(first: $n) { events { position data hash actor { id } } } }', { variables: { n: 500 } }),
    );
    expect(code(page.body)).toBeNull();
    const aliasedTimeTravel = Array.from({ length: 25 }, (_, i) => `t${i}: actions(asOf: "2026-01-0${(i % 9) + 1}T00:00:00Z") { id }`).join(
      ' ',
    );
    expect(code((await post(json(`{ ${aliasedTimeTravel} }`))).body)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses too many tokens and too many directives', async () => {
    const tokens = await post(json(`{ plans { ${'id '.repeat(2500)}} }`));
    expect([tokens.status, code(tokens.body)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    const directives = await post(json(`{ plans ${'@skip(if: false) '.repeat(11)}{ id } }`));
    expect([directives.status, code(directives.body)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
  });

  it('still answers the queries partners and auditors really send, and GraphiQL’s introspection', async () => {
    const dashboard = `{
      partnerStatuses(planId: "actieplan-pleegzorg-2017-2018") { partner { id name } total overdue byStatus { status count } }
      actions(partnerId: "NJi") {
        id title status overdue deadline { text start end } owners { id } plan { title } actionLine { code title }
        targets { description targetValue attainment measurements { value measuredAt source } }
      }
    }`;
    const tree = '{ plans { id title actionLines { code title actions { id title status targets { id measurements { id value } } } } } }';
    const audit = `{ events(first: 50) { nextAfter events { position streamId version type recordedAt actor { id partnerId role } commandId data hash } }
                     action(id: "pleegzorg-3-4", asOf: "2026-11-23T09:00:00Z") { status version } }`;
    for (const query of [dashboard, tree, audit, getIntrospectionQuery()]) {
      const res = await post(json(query));
      expect([query.slice(0, 40), res.status, res.body.errors]).toEqual([query.slice(0, 40), 200, undefined]);
    }
  });

  /**
   * A request that announces `bytes` of JSON and sends the first few: the server must refuse it on the
   * announced length, before reading it. (Writing the whole body raced the refusal: the server answers
   * and closes while the client still writes, and the client then saw EPIPE instead of the answer.)
   */
  const postDeclaringOnly = (bytes: number) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const url = new URL('/graphql', server.url);
      const req = httpRequest(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(bytes), authorization: `Bearer ${coordinator}` },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
          });
        },
      );
      req.on('error', reject);
      req.write('{"query": "{ plans { id } } #');
    });

  it('answers a 3 MB request with 413 and malformed JSON with 400', async () => {
    const big = await postDeclaringOnly(3 * 1024 * 1024);
    expect([big.status, code(big.body)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const bad = await post('{"query": "{ plans { id } }"');
    expect([bad.status, code(bad.body)]).toEqual([400, 'BAD_REQUEST']);
    const batch = await post(JSON.stringify([{ query: '{ plans { id } }' }]));
    expect([batch.status, code(batch.body)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('sends security headers on every answer', async () => {
    for (const res of [
      await post(json('{ plans { id } }')),
      await post(json('{ plans { id } }'), null),
      await rawRequest(server, { method: 'GET', path: '/health' }),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('serves GraphiQL in development with a policy that lets it load, on its own routes only', async () => {
    const page = await rawRequest(server, { method: 'GET', path: '/graphiql' });
    expect(page.status).toBe(200);
    // GraphiQL's files come from our own host (graphiql/register-graphiql.ts), so scripts from 'self' only.
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends no CORS headers to any origin when CORS_ORIGINS is empty', async () => {
    const res = await post(json('{ plans { id } }'), coordinator, { origin: 'https://evil.example.com' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await rawRequest(server, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('writes one JSON access line per request: who, what, outcome, latency; denials as such; no secrets', async () => {
    const allowed = await post(json('query Dashboard { plans { id } partners { id } }'), coordinator, {
      'x-correlation-id': 'log-test-allowed',
    });
    expect(allowed.status).toBe(200);
    await post(json('query AuditTrail { events { nextAfter } }'), partner, { 'x-correlation-id': 'log-test-denied' });
    await post(json('{ plans { id } }'), 'am_not-a-real-token', { 'x-correlation-id': 'log-test-anonymous' });
    await new Promise((r) => setTimeout(r, 200));
    const lines = server.output
      .split('\n')
      .filter((l) => l.startsWith('{') && l.includes('"kind":"access"'))
      .map((l) => JSON.parse(l));
    const byId = (id: string) => lines.find((l) => l.correlationId === id);

    expect(byId('log-test-allowed')).toMatchObject({
      level: 30,
      msg: 'access',
      method: 'POST',
      route: '/graphql',
      status: 200,
      latencyMs: expect.any(Number),
      actor: { id: expect.stringMatching(/^tok-/), role: 'COORDINATOR', partnerId: 'VWS', via: 'token' },
      operation: { type: 'query', name: 'Dashboard', fields: ['plans', 'partners'] },
      outcome: 'ok',
      codes: [],
    });
    expect(byId('log-test-denied')).toMatchObject({
      level: 40,
      msg: 'access denied',
      actor: { role: 'PARTNER', partnerId: 'NJI' },
      operation: { type: 'query', name: 'AuditTrail', fields: ['events'] },
      outcome: 'denied',
      codes: ['FORBIDDEN'],
    });
    expect(byId('log-test-anonymous')).toMatchObject({
      status: 401,
      actor: null,
      refusal: 'unknown-token',
      outcome: 'denied',
      codes: ['UNAUTHENTICATED'],
    });
    expect(server.output).not.toContain(coordinator);
    expect(server.output).not.toContain(partner);
    expect(server.output).not.toContain('am_not-a-real-token');
    expect(server.output).not.toMatch(/"authorization"|"query":|127\.0\.0\.1/);
  });
});

describe('production with introspection, GraphiQL and CORS configured on, and a tight rate limit', () => {
  let server: TestServer;
  const ORIGIN = 'https://dashboard.example.nl';

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        NODE_ENV: 'production',
        GRAPHQL_INTROSPECTION: 'true',
        GRAPHIQL: 'true',
        CORS_ORIGINS: `${ORIGIN}, https://other.example.nl`,
        RATE_LIMIT_PER_MINUTE: '5',
      },
    });
  });
  afterAll(() => server.close());

  const post = (token: string, headers: Record<string, string> = {}, query = '{ plans { id } }') =>
    rawRequest(server, {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: json(query),
    });

  it('allows introspection and GraphiQL when configured on', async () => {
    const res = await post(await server.token('AUDITOR', null), {}, '{ __schema { queryType { name } } }');
    expect(res.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect((await rawRequest(server, { method: 'GET', path: '/graphiql' })).status).toBe(200);
  });

  it('answers CORS for allowed origins only', async () => {
    const preflight = await rawRequest(server, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/);
    const allowed = await post(await server.token('PARTNER', 'NVP'), { origin: ORIGIN });
    expect(allowed.headers['access-control-allow-origin']).toBe(ORIGIN);
    const other = await post(await server.token('PARTNER', 'NVP'), { origin: 'https://evil.example.com' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits each token on its own, with TOO_MANY_REQUESTS and Retry-After; /health is never limited', async () => {
    const first = await server.token('PARTNER', 'JN');
    const second = await server.token('PARTNER', 'JN');
    for (let i = 0; i < 5; i++) expect((await post(first)).status).toBe(200);
    const limited = await post(first);
    expect(limited.status).toBe(429);
    expect(code(limited.body)).toBe('TOO_MANY_REQUESTS');
    expect(limited.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(second)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await rawRequest(server, { method: 'GET', path: '/health' })).status).toBe(200);
  });
});
