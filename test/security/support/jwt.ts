import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface MintSpec {
  keys: Record<string, 'RS256' | 'ES256' | 'PS256' | 'EdDSA'>;
  tokens: Record<
    string,
    { key?: string; payload: Record<string, unknown>; kid?: string; alg?: string; unsigned?: boolean; hmacWithPublicPemOf?: string }
  >;
}

export interface Minted {
  publicKeys: Record<string, string>;
  jwks: Record<string, { keys: object[] }>;
  tokens: Record<string, string>;
}

/** Generates key pairs and signs JWTs with jose (in a child process; see mint-jwts.mjs). No network. */
export function mintJwts(spec: MintSpec): Minted {
  const out = execFileSync(process.execPath, [join(__dirname, 'mint-jwts.mjs')], { input: JSON.stringify(spec), encoding: 'utf8' });
  return JSON.parse(out) as Minted;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
