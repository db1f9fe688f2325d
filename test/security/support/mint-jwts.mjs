// Mints test JWTs with jose, in a child process: jose is ESM-only, and Jest on Node 20 cannot load
// ESM in-process. Reads a JSON spec on stdin, writes keys and tokens as JSON on stdout.
//   { keys: { name: alg }, tokens: { name: { key, payload, kid?, alg?, unsigned?, hmacWithPublicPemOf? } } }
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const spec = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const keys = {};
const publicKeys = {};
const jwks = {};
for (const [name, alg] of Object.entries(spec.keys ?? {})) {
  const pair = await generateKeyPair(alg, { extractable: true });
  keys[name] = { alg, ...pair };
  publicKeys[name] = await exportSPKI(pair.publicKey);
  jwks[name] = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: name, alg, use: 'sig' }] };
}

const tokens = {};
for (const [name, t] of Object.entries(spec.tokens ?? {})) {
  if (t.unsigned) {
    tokens[name] = new UnsecuredJWT(t.payload).encode();
  } else if (t.hmacWithPublicPemOf) {
    // The classic algorithm confusion: HS256 "signed" with the server's public key as the secret.
    tokens[name] = await new SignJWT(t.payload)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(publicKeys[t.hmacWithPublicPemOf]));
  } else {
    const key = keys[t.key];
    tokens[name] = await new SignJWT(t.payload).setProtectedHeader({ alg: t.alg ?? key.alg, kid: t.kid ?? t.key }).sign(key.privateKey);
  }
}
process.stdout.write(JSON.stringify({ publicKeys, jwks, tokens }));
