import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, errors as joseErrors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { PARTNER_ID_PATTERN } from '@actiemonitor/domain';
import type { Configuration } from '@actiemonitor/config';
import { Principal, Role, ROLES } from '@actiemonitor/application';

/** Why a presented JWT was refused: for the access log, never for the caller. */
export type OidcRefusal =
  | 'jwt-expired'
  | 'jwt-not-yet-valid'
  | 'jwt-bad-signature'
  | 'jwt-wrong-issuer'
  | 'jwt-wrong-audience'
  | 'jwt-claims-invalid'
  | 'jwt-malformed'
  | 'jwt-key-unavailable'
  | 'jwt-no-role'
  | 'jwt-ambiguous-role'
  | 'jwt-no-partner'
  | 'jwt-bad-subject';

export type OidcResult = { principal: Principal } | { refusal: OidcRefusal };

export interface OidcSettings {
  issuer: string;
  audience: string[];
  key: KeyObject | JWTVerifyGetKey;
  algorithms: string[];
  clockToleranceSeconds: number;
  roleClaim: string;
  partnerClaim: string;
}

const SUBJECT = /^[\x21-\x7E]{1,200}$/;

/**
 * Verifies OpenID Connect bearer JWTs (jose) and maps their claims to a principal. Signature, issuer,
 * audience, exp/nbf (with the configured clock skew) and the algorithm allow-list are jose's checks;
 * the mapping of claims to role and partner is ours and refuses anything it cannot read unambiguously.
 */
export class OidcVerifier {
  constructor(private readonly settings: OidcSettings) {}

  async verify(jwt: string): Promise<OidcResult> {
    let payload: JWTPayload;
    try {
      const options = {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: this.settings.algorithms,
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      };
      const key = this.settings.key;
      ({ payload } = typeof key === 'function' ? await jwtVerify(jwt, key, options) : await jwtVerify(jwt, key, options));
    } catch (error) {
      return { refusal: refusalOf(error) };
    }
    return this.principalOf(payload);
  }

  private principalOf(payload: JWTPayload): OidcResult {
    const sub = payload.sub ?? '';
    if (!SUBJECT.test(sub)) return { refusal: 'jwt-bad-subject' };
    const roles = new Set(
      asStrings(claimAt(payload, this.settings.roleClaim))
        .map((r) => r.trim().toUpperCase())
        .filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    );
    if (roles.size === 0) return { refusal: 'jwt-no-role' };
    // Two roles in one token is a mapping mistake at the identity provider: refuse rather than guess.
    if (roles.size > 1) return { refusal: 'jwt-ambiguous-role' };
    const [role] = roles;
    const partners = asStrings(claimAt(payload, this.settings.partnerClaim)).map((p) => p.trim().toUpperCase());
    const partnerId = partners.length === 1 && PARTNER_ID_PATTERN.test(partners[0]) ? partners[0] : null;
    if (partners.length > 0 && partnerId === null) return { refusal: 'jwt-no-partner' };
    if (role === 'PARTNER' && partnerId === null) return { refusal: 'jwt-no-partner' };
    return { principal: { tokenId: `oidc:${sub}`, name: sub, role, partnerId, via: 'oidc' } };
  }
}

/** Reads and checks the OIDC settings; null when OpenID Connect is not configured. Throws naming each bad setting. */
export function oidcSettingsFrom(config: Configuration): OidcSettings | null {
  const configured = [
    config.OIDC_ISSUER,
    config.OIDC_AUDIENCE,
    config.OIDC_JWKS_URL,
    config.OIDC_PUBLIC_KEY,
    config.OIDC_PUBLIC_KEY_FILE,
  ].some((v) => v !== undefined);
  if (!configured) return null;
  const problems: string[] = [];
  if (!config.OIDC_ISSUER) problems.push('OIDC_ISSUER: required once OIDC is configured');
  if (!config.OIDC_AUDIENCE?.length) problems.push('OIDC_AUDIENCE: required once OIDC is configured');
  const sources = [config.OIDC_JWKS_URL, config.OIDC_PUBLIC_KEY, config.OIDC_PUBLIC_KEY_FILE].filter((v) => v !== undefined);
  if (sources.length !== 1) problems.push('OIDC_JWKS_URL / OIDC_PUBLIC_KEY / OIDC_PUBLIC_KEY_FILE: give exactly one key source');
  let key: KeyObject | JWTVerifyGetKey | null = null;
  if (sources.length === 1) {
    try {
      key = config.OIDC_JWKS_URL ? remoteKeys(config.OIDC_JWKS_URL) : publicKey(config);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length > 0 || key === null) throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  return {
    issuer: config.OIDC_ISSUER!,
    audience: config.OIDC_AUDIENCE!,
    key,
    algorithms: config.OIDC_ALGORITHMS,
    clockToleranceSeconds: config.OIDC_CLOCK_TOLERANCE_SECONDS,
    roleClaim: config.OIDC_ROLE_CLAIM,
    partnerClaim: config.OIDC_PARTNER_CLAIM,
  };
}

function remoteKeys(url: string): JWTVerifyGetKey {
  const parsed = new URL(url);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new Error('OIDC_JWKS_URL: must be https (http only on the loopback address)');
  }
  // jose caches the key set, refetches on an unknown kid at most every 30 s, and times out after 5 s.
  return createRemoteJWKSet(parsed, { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
}

function publicKey(config: Configuration): KeyObject {
  const pem = config.OIDC_PUBLIC_KEY_FILE
    ? readFileSync(config.OIDC_PUBLIC_KEY_FILE, 'utf8')
    : config.OIDC_PUBLIC_KEY!.replace(/\\n/g, '\n');
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error(`${config.OIDC_PUBLIC_KEY_FILE ? 'OIDC_PUBLIC_KEY_FILE' : 'OIDC_PUBLIC_KEY'}: not a PEM public key`);
  }
  if (key.type !== 'public') throw new Error('OIDC_PUBLIC_KEY: give the public key, not the private one');
  return key;
}

function refusalOf(error: unknown): OidcRefusal {
  if (error instanceof joseErrors.JWTExpired) return 'jwt-expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') return 'jwt-not-yet-valid';
    if (error.claim === 'iss') return 'jwt-wrong-issuer';
    if (error.claim === 'aud') return 'jwt-wrong-audience';
    return 'jwt-claims-invalid';
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'jwt-bad-signature';
  if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys) return 'jwt-bad-signature';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'jwt-bad-signature';
  if (error instanceof joseErrors.JWKSTimeout) return 'jwt-key-unavailable';
  if (error instanceof joseErrors.JOSEError) return 'jwt-malformed';
  // A failed fetch of the key set, or a key of the wrong type for the algorithm.
  return error instanceof TypeError ? 'jwt-bad-signature' : 'jwt-key-unavailable';
}

function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').slice(0, 100);
  return [];
}
