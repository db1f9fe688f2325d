import { rawRequest, startTestServer, TestServer } from './support/test-server';

/** Every src and href attribute value in a page. */
function linkedUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Each CSP directive's sources, e.g. { 'script-src': ["'self'"] }. */
function cspDirectives(header: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** The page's script and stylesheet paths as served in development, to ask for them again when GraphiQL is off. */
let assetPaths: string[] = [];

/**
 * GraphiQL must work on a network without internet access: the page and everything it loads come from
 * our own server, and it shows how to send the token. Off in production unless GRAPHIQL=true.
 */
describe('GraphiQL in development: served offline, from our own host only', () => {
  let server: TestServer;
  let page: Awaited<ReturnType<typeof rawRequest>>;

  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'development' } });
    page = await rawRequest(server, { method: 'GET', path: '/graphiql' });
  });
  afterAll(() => server.close());

  it('answers /graphiql with an HTML page in Dutch', () => {
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toMatch(/<html lang="nl">/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('links nothing on another host and has no inline script', () => {
    const urls = linkedUrls(page.text);
    expect(urls.length).toBeGreaterThan(0);
    // Relative to our own host, or data: (the empty favicon); never http(s):// or protocol-relative //.
    expect(urls.filter((url) => !/^\/(?!\/)/.test(url) && !url.startsWith('data:'))).toEqual([]);
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.text).not.toMatch(/unpkg|jsdelivr/i);
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
  });

  it('serves every script and stylesheet the page references, with the right type and a long cache', async () => {
    const scripts = [...page.text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    const styles = [...page.text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    // React, ReactDOM, GraphiQL and our bootstrap; GraphiQL's stylesheet and ours.
    expect(scripts).toHaveLength(4);
    expect(styles).toHaveLength(2);
    assetPaths = [...scripts, ...styles];
    for (const [paths, type] of [
      [scripts, /^application\/javascript/],
      [styles, /^text\/css/],
    ] as const) {
      for (const path of paths) {
        const res = await rawRequest(server, { method: 'GET', path });
        expect([path, res.status]).toEqual([path, 200]);
        expect([path, res.headers['content-type']]).toEqual([path, expect.stringMatching(type)]);
        expect(res.headers['cache-control']).toMatch(/max-age=31536000/);
        expect(res.text.length).toBeGreaterThan(100);
      }
    }
  });

  it('answers 404 for any other file under /graphiql/assets, including path tricks', async () => {
    for (const path of [
      '/graphiql/assets/nope.js',
      '/graphiql/assets/..%2f..%2f..%2fpackage.json',
      '/graphiql/assets/%2e%2e/%2e%2e/package.json',
      '/graphiql/assets/',
    ]) {
      const res = await rawRequest(server, { method: 'GET', path });
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  it('sends a CSP naming no other host, with no inline or eval scripts', () => {
    const directives = cspDirectives(page.headers['content-security-policy']);
    const sources = Object.values(directives).flat();
    // Keywords ('self', 'none', ...) and data: only: no host, no scheme like https: that would allow any host.
    expect(sources.filter((source) => !/^'[a-z-]+'$/.test(source) && source !== 'data:')).toEqual([]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });

  it('pre-fills the headers editor with the Authorization header and says how to get a token', () => {
    expect(page.text).toContain('data-default-headers="{\n  &quot;Authorization&quot;: &quot;Bearer &lt;plak hier uw token&gt;&quot;\n}"');
    expect(page.text).toContain('npm run -s cli -- tokens create --role coordinator --partner VWS --name mijn-token');
    expect(page.text).toMatch(/Elke vraag aan <code>\/graphql<\/code> heeft een token nodig/);
  });
});

describe('GraphiQL when off', () => {
  it('is a 404, page and assets, in production and with GRAPHIQL=false', async () => {
    // The same (content-hashed) asset paths that development served, if that suite ran first.
    const paths = ['/graphiql', ...(assetPaths.length > 0 ? assetPaths : ['/graphiql/assets/graphiql-bootstrap.js'])];
    for (const env of [{ NODE_ENV: 'production' }, { NODE_ENV: 'development', GRAPHIQL: 'false' }] as Record<string, string>[]) {
      const server = await startTestServer({ env });
      try {
        for (const path of paths) {
          const res = await rawRequest(server, { method: 'GET', path });
          expect([env, path, res.status]).toEqual([env, path, 404]);
        }
      } finally {
        await server.close();
      }
    }
  });
});
