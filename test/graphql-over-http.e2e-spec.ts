import { rawRequest, startTestServer, TestServer } from './support/test-server';

/**
 * /graphql by the GraphQL-over-HTTP specification, with the raw requests standard clients send:
 * nulls for "none", GET for queries (never mutations), and the application/graphql-response+json media type.
 */
describe('GraphQL over HTTP', () => {
  let server: TestServer;
  let token: string;
  const QUERY = '{ plans { id } }';

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.token('AUDITOR', null);
  });
  afterAll(() => server.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    rawRequest(server, {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body),
    });
  const get = (params: Record<string, string>, headers: Record<string, string> = {}) =>
    rawRequest(server, {
      method: 'GET',
      path: `/graphql?${new URLSearchParams(params).toString()}`,
      headers: { authorization: `Bearer ${token}`, ...headers },
    });

  it('accepts "extensions": null, "variables": null and "operationName": null in a JSON body', async () => {
    const res = await post({ query: QUERY, variables: null, extensions: null, operationName: null });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.plans.length).toBeGreaterThan(0);
  });

  it('still refuses an extensions entry that is neither an object nor null', async () => {
    const res = await post({ query: QUERY, extensions: 'x' });
    expect(res.status).toBe(400);
  });

  it('answers a query sent by GET, with its variables as JSON in the query string', async () => {
    const res = await get({ query: 'query P($first: Int) { plans { id } events(first: $first) { nextAfter } }', variables: '{"first":1}' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.data.plans.length).toBeGreaterThan(0);
  });

  it('refuses a GET whose operationName is not in the document with 400, not a server error', async () => {
    const unknown = await get({ query: 'query A { plans { id } }', operationName: 'B' }, { accept: 'application/graphql-response+json' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).not.toHaveProperty('data');
    expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const ambiguous = await get({ query: 'query A { plans { id } } query B { plans { title } }' });
    expect(ambiguous.status).toBe(400);
    const chosen = await get({ query: 'query A { plans { id } } query B { plans { title } }', operationName: 'B' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.data.plans[0]).toHaveProperty('title');
  });

  it('refuses a mutation sent by GET with 405 and Allow: POST, and executes nothing', async () => {
    const before = await post({ query: '{ events(first: 1) { nextAfter } }' });
    const mutation = 'mutation { registerPlan(input: { planId: "via-get", title: "x", period: { text: "2027" } }) { id } }';
    const res = await get({ query: mutation }, { accept: 'application/graphql-response+json' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.body.errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    const plans = await post({ query: QUERY });
    expect(plans.body.data.plans.map((p: { id: string }) => p.id)).not.toContain('via-get');
    expect(before.status).toBe(200);
  });

  it('answers application/graphql-response+json when the Accept header prefers it', async () => {
    const res = await post({ query: QUERY }, { accept: 'application/json;q=0.9, application/graphql-response+json' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    expect(res.body.data.plans.length).toBeGreaterThan(0);
  });

  it('keeps application/json for clients that ask for it, for */* and without an Accept header', async () => {
    for (const accept of ['application/json', '*/*', undefined]) {
      const res = await post({ query: QUERY }, accept ? { accept } : {});
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('with application/graphql-response+json, a request error is a 4xx without a data entry', async () => {
    const accept = { accept: 'application/graphql-response+json' };
    const parse = await post({ query: '{ plans { id ' }, accept);
    expect(parse.status).toBe(400);
    expect(parse.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    expect(parse.body).not.toHaveProperty('data');
    expect(parse.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');

    const invalid = await post({ query: '{ noSuchField }' }, accept);
    expect(invalid.status).toBe(400);
    expect(invalid.body).not.toHaveProperty('data');

    const anonymous = await rawRequest(server, {
      headers: { 'content-type': 'application/json', ...accept },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
  });

  it('with application/graphql-response+json, an error during execution keeps 200 and data', async () => {
    const partner = await server.token('PARTNER', 'NJI');
    const res = await post(
      { query: '{ events(first: 1) { nextAfter } }' },
      { accept: 'application/graphql-response+json', authorization: `Bearer ${partner}` },
    );
    expect(res.status).toBe(200);
    expect(res.body).toHaveProperty('data');
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses an Accept header that allows neither media type with 406', async () => {
    const res = await post({ query: QUERY }, { accept: 'text/html' });
    expect(res.status).toBe(406);
    expect(res.body.errors[0].extensions.code).toBe('NOT_ACCEPTABLE');
  });
});
