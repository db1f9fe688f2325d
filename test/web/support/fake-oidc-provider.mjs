// A stand-in identity provider for the web sign-in tests: discovery, an authorization endpoint that
// "signs in" the person given on the command line at once, a token endpoint that checks PKCE, and JWKS.
// Prints its base URL on stdout, then serves until killed. ESM because jose is.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const person = JSON.parse(process.argv[2] ?? '{}');
const { publicKey, privateKey } = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
const codes = new Map();
let base = '';

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, base);
  if (url.pathname === '/.well-known/openid-configuration') {
    return json(res, 200, {
      issuer: base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
    });
  }
  if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
  if (url.pathname === '/authorize') {
    const p = url.searchParams;
    if (p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge') || !p.get('state') || !p.get('nonce'))
      return json(res, 400, { error: 'invalid_request' });
    const code = randomBytes(16).toString('hex');
    codes.set(code, {
      challenge: p.get('code_challenge'),
      nonce: p.get('nonce'),
      clientId: p.get('client_id'),
      redirectUri: p.get('redirect_uri'),
    });
    const back = new URL(p.get('redirect_uri'));
    back.searchParams.set('code', code);
    back.searchParams.set('state', p.get('state'));
    back.searchParams.set('iss', base);
    res.writeHead(302, { location: back.href });
    return res.end();
  }
  if (url.pathname === '/token' && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const form = new URLSearchParams(body);
    const grant = codes.get(form.get('code'));
    codes.delete(form.get('code'));
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (!grant || grant.challenge !== challenge || grant.redirectUri !== form.get('redirect_uri'))
      return json(res, 400, { error: 'invalid_grant' });
    const claims = { sub: person.sub, actiemonitor_role: person.role, ...(person.partner ? { actiemonitor_partner: person.partner } : {}) };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuedAt()
      .setIssuer(base)
      .setAudience(person.audience)
      .setExpirationTime('10m')
      .sign(privateKey);
    const idToken = await new SignJWT({ sub: person.sub, nonce: grant.nonce })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuedAt()
      .setIssuer(base)
      .setAudience(grant.clientId)
      .setExpirationTime('10m')
      .sign(privateKey);
    return json(res, 200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 600 });
  }
  json(res, 404, { error: 'not_found' });
});

server.listen(0, '127.0.0.1', () => {
  base = `http://127.0.0.1:${server.address().port}`;
  process.stdout.write(`${base}\n`);
});
