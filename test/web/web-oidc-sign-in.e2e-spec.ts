import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { startTestServer, TestServer } from '../support/test-server';
import { WebClient } from './support/web-client';

const AUDIENCE = 'actiemonitor-api';

/** Starts the stand-in identity provider with the person it signs in; resolves with its base URL. */
function startProvider(person: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(__dirname, 'support/fake-oidc-provider.mjs'), JSON.stringify({ audience: AUDIENCE, ...person })],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d) => resolve({ url: String(d).trim(), child }));
    child.once('exit', (code) => reject(new Error(`provider exited with ${code}`)));
  });
}

describe("web sign-in at the organisation's identity provider (Authorization Code with PKCE)", () => {
  let provider: { url: string; child: ChildProcess };
  let server: TestServer;

  beforeAll(async () => {
    provider = await startProvider({ sub: 'person-jn-1', role: 'coordinator', partner: 'JN' });
    server = await startTestServer({
      env: {
        OIDC_ISSUER: provider.url,
        OIDC_AUDIENCE: AUDIENCE,
        OIDC_JWKS_URL: `${provider.url}/jwks`,
        OIDC_CLIENT_ID: 'actiemonitor-web',
      },
    });
  });
  afterAll(async () => {
    await server.close();
    provider.child.kill();
  });

  it('signs a person in through the provider, with role and partner from the same claims the API reads', async () => {
    const client = new WebClient(server);
    const page = await client.get('/inloggen?terug=/partners/JN');
    const start = page.doc.querySelector('a[href^="/inloggen/oidc"]');
    expect(start?.text).toBe('Inloggen via uw organisatie');

    const toProvider = await client.get(start!.getAttribute('href')!);
    expect(toProvider.status).toBe(303);
    const authorize = new URL(toProvider.location!);
    expect(authorize.origin).toBe(provider.url);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${server.url}/inloggen/oidc/terug`);
    // The flow's secrets travel in a separate Lax cookie: the Strict session cookie does not come back.
    const flowCookie = toProvider.headers.get('set-cookie')!;
    expect(flowCookie).toMatch(/^actiemonitor_oidc=/);
    expect(flowCookie).toMatch(/SameSite=Lax/i);
    expect(flowCookie).toMatch(/HttpOnly/i);

    const fromProvider = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(fromProvider.headers.get('location')!);
    const back = await client.get(`${callback.pathname}${callback.search}`);
    expect(back.status).toBe(200);
    expect(back.doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0;url=/partners/JN');

    const home = await client.get('/');
    expect(home.status).toBe(200);
    expect(home.doc.querySelector('.am-session span')?.text).toBe('Ingelogd als JN (coördinator)');
    const action = await client.get('/acties/pleegzorg-3-4');
    expect(action.doc.querySelector('#form-status')).not.toBeNull();
  });

  it('refuses a return from the provider that this browser did not start (no flow, or a replayed code)', async () => {
    const client = new WebClient(server);
    const res = await client.get('/inloggen/oidc/terug?code=gestolen&state=iets');
    expect(res.status).toBe(400);
    expect(res.doc.querySelector('main')?.text).toContain('Inloggen bij uw organisatie is niet gelukt.');
    expect((await client.get('/')).status).toBe(303);
  });
});
