import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { EVENTS } from '../support/queries';
import { rawRequest, startTestServer, TestServer } from '../support/test-server';
import { mintJwts, Minted, nowSeconds } from './support/jwt';

const ISSUER = 'https://login.example.nl/realms/actiemonitor';
const AUDIENCE = 'actiemonitor-api';
const CHANGE = `mutation ($input: ChangeActionStatusInput!) { changeActionStatus(input: $input) { id status version } }`;
const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code ?? null;

/** People sign in with OpenID Connect; systems use API tokens. Both end in the same principal. */
describe('identities: OIDC bearer JWTs beside API tokens', () => {
  let server: TestServer;
  let minted: Minted;

  beforeAll(async () => {
    const now = nowSeconds();
    const claims = (extra: Record<string, unknown>) => ({ iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600, ...extra });
    minted = mintJwts({
      keys: { trusted: 'RS256', untrusted: 'RS256', ec: 'ES256' },
      tokens: {
        coordinator: {
          key: 'trusted',
          payload: claims({ sub: 'person-vws-1', actiemonitor_role: 'coordinator', actiemonitor_partner: 'VWS' }),
        },
        partner: { key: 'trusted', payload: claims({ sub: 'person-nji-1', actiemonitor_role: 'PARTNER', actiemonitor_partner: 'NJi' }) },
        auditor: { key: 'trusted', payload: claims({ sub: 'person-audit-1', actiemonitor_role: ['offline_access', 'auditor'] }) },
        expiredWithinSkew: { key: 'trusted', payload: claims({ sub: 'p', exp: now - 10, actiemonitor_role: 'auditor' }) },
        expired: { key: 'trusted', payload: claims({ sub: 'p', exp: now - 120, actiemonitor_role: 'auditor' }) },
        notYetValid: { key: 'trusted', payload: claims({ sub: 'p', nbf: now + 600, actiemonitor_role: 'auditor' }) },
        wrongAudience: { key: 'trusted', payload: claims({ sub: 'p', aud: 'another-api', actiemonitor_role: 'auditor' }) },
        wrongIssuer: { key: 'trusted', payload: claims({ sub: 'p', iss: 'https://evil.example.com', actiemonitor_role: 'auditor' }) },
        untrustedKey: {
          key: 'untrusted',
          kid: 'trusted',
          payload: claims({ sub: 'p', actiemonitor_role: 'coordinator', actiemonitor_partner: 'VWS' }),
        },
        wrongKeyType: { key: 'ec', payload: claims({ sub: 'p', actiemonitor_role: 'auditor' }) },
        unsigned: { unsigned: true, payload: claims({ sub: 'p', actiemonitor_role: 'coordinator', actiemonitor_partner: 'VWS' }) },
        hmacWithPublicKey: {
          hmacWithPublicPemOf: 'trusted',
          payload: claims({ sub: 'p', actiemonitor_role: 'coordinator', actiemonitor_partner: 'VWS' }),
        },
        noExpiry: { key: 'trusted', payload: { iss: ISSUER, aud: AUDIENCE, sub: 'p', actiemonitor_role: 'auditor' } },
        noSubject: { key: 'trusted', payload: claims({ actiemonitor_role: 'auditor' }) },
        noRole: { key: 'trusted', payload: claims({ sub: 'p' }) },
        unknownRole: { key: 'trusted', payload: claims({ sub: 'p', actiemonitor_role: 'admin' }) },
        twoRoles: { key: 'trusted', payload: claims({ sub: 'p', actiemonitor_role: ['auditor', 'coordinator'] }) },
        partnerWithoutPartner: { key: 'trusted', payload: claims({ sub: 'p', actiemonitor_role: 'partner' }) },
        badPartner: { key: 'trusted', payload: claims({ sub: 'p', actiemonitor_role: 'partner', actiemonitor_partner: 'not a partner!' }) },
      },
    });
    server = await startTestServer({ env: { OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE, OIDC_PUBLIC_KEY: minted.publicKeys.trusted } });
  });
  afterAll(() => server.close());

  it('lets a coordinator signed in with OIDC change a status, recorded with the person as actor', async () => {
    const res = await server.gql(
      CHANGE,
      { input: { actionId: 'pleegzorg-2-1', status: 'IN_PROGRESS', note: 'Gestart' } },
      minted.tokens.coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.changeActionStatus.status).toBe('IN_PROGRESS');
    const log = await server.gql(EVENTS, { streamId: 'action-pleegzorg-2-1' }, minted.tokens.auditor);
    const changed = log.data.events.events.find((e: any) => e.type === 'ActionStatusChanged');
    expect(changed.actor).toEqual({ id: 'oidc:person-vws-1', partnerId: 'VWS', role: 'COORDINATOR' });
  });

  it('maps a partner JWT to PARTNER (partner id upper-cased): reads, but no event log and no writes', async () => {
    expect(code(await server.gql(`{ actions(partnerId: "NJI") { id } }`, {}, minted.tokens.partner))).toBeNull();
    expect(code(await server.gql(EVENTS, {}, minted.tokens.partner))).toBe('FORBIDDEN');
    expect(code(await server.gql(CHANGE, { input: { actionId: 'pleegzorg-2-1', status: 'DELAYED' } }, minted.tokens.partner))).toBe(
      'FORBIDDEN',
    );
  });

  it('reads the role from an array claim (auditor) and tolerates the configured clock skew', async () => {
    expect(code(await server.gql(EVENTS, { first: 1 }, minted.tokens.auditor))).toBeNull();
    expect(code(await server.gql(EVENTS, { first: 1 }, minted.tokens.expiredWithinSkew))).toBeNull();
  });

  it.each([
    'expired',
    'notYetValid',
    'wrongAudience',
    'wrongIssuer',
    'untrustedKey',
    'wrongKeyType',
    'unsigned',
    'hmacWithPublicKey',
    'noExpiry',
    'noSubject',
    'noRole',
    'unknownRole',
    'twoRoles',
    'partnerWithoutPartner',
    'badPartner',
  ])('refuses a JWT that is %s with UNAUTHENTICATED (HTTP 401), writing nothing', async (name) => {
    const before = (await rawRequest(server, { method: 'GET', path: '/health' })).body.events;
    const read = await rawRequest(server, {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${minted.tokens[name]}` },
      body: JSON.stringify({ query: '{ plans { id } }' }),
    });
    expect(read.status).toBe(401);
    expect(read.headers['www-authenticate']).toBe('Bearer');
    expect(code(read.body)).toBe('UNAUTHENTICATED');
    const write = await server.gql(CHANGE, { input: { actionId: 'pleegzorg-2-2', status: 'COMPLETED' } }, minted.tokens[name]);
    expect(code(write)).toBe('UNAUTHENTICATED');
    expect((await rawRequest(server, { method: 'GET', path: '/health' })).body.events).toBe(before);
  });

  it('refuses forged, revoked and expired API tokens, and malformed Authorization headers', async () => {
    expect(code(await server.gql('{ plans { id } }', {}, 'am_' + 'A'.repeat(43)))).toBe('UNAUTHENTICATED');
    const { stdout } = await server.cli(['tokens', 'create', '--role', 'auditor', '--name', 'to-revoke']);
    const secret = stdout.trim().split('\n').pop()!;
    expect(code(await server.gql('{ plans { id } }', {}, secret))).toBeNull();
    await server.cli(['tokens', 'revoke', '--name', 'to-revoke']);
    expect(code(await server.gql('{ plans { id } }', {}, secret))).toBe('UNAUTHENTICATED');
    // Shown working first, then refused once its expiry has passed (not raced against the CLI's start-up).
    const expiresAt = Date.now() + 10_000;
    const shortLived = (
      await server.cli(['tokens', 'create', '--role', 'auditor', '--name', 'short', '--expires', new Date(expiresAt).toISOString()])
    ).stdout
      .trim()
      .split('\n')
      .pop()!;
    expect(code(await server.gql('{ plans { id } }', {}, shortLived))).toBeNull();
    await new Promise((r) => setTimeout(r, expiresAt - Date.now() + 200));
    expect(code(await server.gql('{ plans { id } }', {}, shortLived))).toBe('UNAUTHENTICATED');
    for (const authorization of [
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer a b',
      `Bearer ${'x'.repeat(9000)}`,
      'Bearer a.b.c',
      'bearer ' + minted.tokens.unsigned.slice(0, -1),
    ]) {
      const res = await rawRequest(server, {
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ plans { id } }' }),
      });
      expect([authorization.slice(0, 20), res.status, code(res.body)]).toEqual([authorization.slice(0, 20), 401, 'UNAUTHENTICATED']);
    }
  });

  it('logs why a credential was refused, but never the credential itself', async () => {
    const lines = server.output.split('\n').filter((l) => l.includes('"kind":"access"'));
    const refusals = lines.map((l) => JSON.parse(l).refusal).filter(Boolean);
    expect(refusals).toEqual(
      expect.arrayContaining([
        'jwt-expired',
        'jwt-wrong-audience',
        'jwt-wrong-issuer',
        'jwt-bad-signature',
        'jwt-no-role',
        'unknown-token',
      ]),
    );
    for (const jwt of Object.values(minted.tokens)) expect(server.output.includes(jwt.split('.')[2] || jwt)).toBe(false);
  });
});

describe('identities: OIDC keys from a JWKS endpoint, with custom claim names', () => {
  let jwksServer: Server;
  let server: TestServer;
  let minted: Minted;

  beforeAll(async () => {
    const now = nowSeconds();
    minted = mintJwts({
      keys: { current: 'ES256', other: 'ES256' },
      tokens: {
        keycloakStyle: {
          key: 'current',
          payload: {
            iss: ISSUER,
            aud: [AUDIENCE, 'account'],
            sub: 'f1d2',
            exp: now + 300,
            realm_access: { roles: ['default-roles', 'coordinator'] },
            org: 'vng',
          },
        },
        unknownKid: {
          key: 'other',
          payload: { iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: now + 300, realm_access: { roles: ['auditor'] } },
        },
      },
    });
    // The issuer's key set, served on the loopback address as an identity provider would publish it.
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(minted.jwks.current));
    });
    await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
    const { port } = jwksServer.address() as AddressInfo;
    server = await startTestServer({
      env: {
        OIDC_ISSUER: ISSUER,
        OIDC_AUDIENCE: AUDIENCE,
        OIDC_JWKS_URL: `http://127.0.0.1:${port}/protocol/openid-connect/certs`,
        OIDC_ROLE_CLAIM: 'realm_access.roles',
        OIDC_PARTNER_CLAIM: 'org',
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await new Promise((r) => jwksServer.close(r));
  });

  it('verifies against the fetched key set and reads nested claims', async () => {
    const res = await server.gql(CHANGE, { input: { actionId: 'pleegzorg-2-3', status: 'IN_PROGRESS' } }, minted.tokens.keycloakStyle);
    expect(res.errors).toBeUndefined();
    const log = await server.gql(EVENTS, { streamId: 'action-pleegzorg-2-3' }, minted.tokens.keycloakStyle);
    expect(log.data.events.events.at(-1).actor).toEqual({ id: 'oidc:f1d2', partnerId: 'VNG', role: 'COORDINATOR' });
  });

  it('refuses a token signed by a key the set does not hold', async () => {
    expect(code(await server.gql('{ plans { id } }', {}, minted.tokens.unknownKid))).toBe('UNAUTHENTICATED');
  });
});

describe('identities: OIDC settings are checked at start', () => {
  it('refuses to start with an issuer but no key, naming the settings', async () => {
    await expect(startTestServer({ env: { OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE } })).rejects.toThrow(
      /OIDC_JWKS_URL \/ OIDC_PUBLIC_KEY/,
    );
    await expect(
      startTestServer({ env: { OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS_URL: 'http://idp.example.nl/certs' } }),
    ).rejects.toThrow(/https/);
  });

  it('without OIDC settings, a JWT is nobody', async () => {
    const server = await startTestServer();
    try {
      const { tokens } = mintJwts({
        keys: { k: 'RS256' },
        tokens: {
          t: { key: 'k', payload: { iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: nowSeconds() + 60, actiemonitor_role: 'coordinator' } },
        },
      });
      expect(code(await server.gql('{ plans { id } }', {}, tokens.t))).toBe('UNAUTHENTICATED');
    } finally {
      await server.close();
    }
  });
});
