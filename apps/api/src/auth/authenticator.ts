import { Principal, TokenService } from '@actiemonitor/application';
import { isTransientStoreError } from '@actiemonitor/event-store';
import { toGraphQLError } from '../errors/graphql-error-mapping';
import { OidcRefusal, OidcSettings, OidcVerifier } from './oidc-verifier';

/** Why a request has no principal: for the access log, never for the caller (who only hears UNAUTHENTICATED). */
export type AuthRefusal = 'no-credentials' | 'malformed-header' | 'unknown-token' | 'oidc-not-configured' | OidcRefusal;

export type Authentication = { principal: Principal; refusal: null } | { principal: null; refusal: AuthRefusal };

const BEARER = /^Bearer +(\S{1,8192})$/i;
const API_TOKEN = /^am_[A-Za-z0-9_-]{1,97}$/;
const JWT = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/;

/**
 * Who is calling, from the Authorization header: an API token (`am_...`) is looked up in the token
 * store (hashed; expiry and revocation judged on every request, the record served from memory while the
 * store reports no change to any token, see VerifiedTokens); anything shaped like a JWT is
 * verified as an OpenID Connect token when OIDC is configured. Everything else is nobody.
 */
export class Authenticator {
  private readonly oidc: OidcVerifier | null;

  constructor(
    private readonly tokens: TokenService,
    oidc: OidcSettings | null,
  ) {
    this.oidc = oidc ? new OidcVerifier(oidc) : null;
  }

  get oidcEnabled(): boolean {
    return this.oidc !== null;
  }

  async authenticate(header: string | undefined): Promise<Authentication> {
    if (header === undefined || header.trim() === '') return { principal: null, refusal: 'no-credentials' };
    const match = BEARER.exec(header.trim());
    if (!match) return { principal: null, refusal: 'malformed-header' };
    const credential = match[1];
    if (API_TOKEN.test(credential)) {
      const principal = await this.tokenPrincipal(credential);
      return principal ? { principal, refusal: null } : { principal: null, refusal: 'unknown-token' };
    }
    if (JWT.test(credential)) {
      if (!this.oidc) return { principal: null, refusal: 'oidc-not-configured' };
      const result = await this.oidc.verify(credential);
      return 'principal' in result ? { principal: result.principal, refusal: null } : { principal: null, refusal: result.refusal };
    }
    return { principal: null, refusal: 'malformed-header' };
  }

  /**
   * The token store is asked on every request (for its revision at least). When it cannot be reached (and the token is not one it may
   * still vouch for, see PostgresTokenRepository), the caller gets the retryable SERVICE_UNAVAILABLE (503)
   * that any other request meets while the store is away: not UNAUTHENTICATED (the token may be fine),
   * not an internal error.
   */
  private async tokenPrincipal(credential: string): Promise<Principal | null> {
    try {
      return await this.tokens.authenticate(credential);
    } catch (error) {
      throw isTransientStoreError(error) ? toGraphQLError(error) : error;
    }
  }
}
