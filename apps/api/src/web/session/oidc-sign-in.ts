import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { Configuration } from '@actiemonitor/config';
import { CONFIGURATION } from '@actiemonitor/platform';

/** What the session remembers between sending someone to the provider and their return. */
export interface OidcFlow {
  verifier: string;
  state: string;
  nonce: string;
  back: string;
}

const CALLBACK_PATH = '/inloggen/oidc/terug';

/**
 * Signing people in at the organisation's identity provider: Authorization Code with PKCE (S256), state
 * and nonce, by openid-client. The access token it returns is what the API itself accepts as a bearer
 * JWT, so role and partner come from the same claims, checked by the same verifier, on every request.
 */
@Injectable()
export class OidcSignIn {
  private client: Promise<oidc.Configuration> | null = null;

  constructor(@Inject(CONFIGURATION) private readonly config: Configuration) {}

  get enabled(): boolean {
    return Boolean(this.config.OIDC_ISSUER && this.config.OIDC_CLIENT_ID);
  }

  /** The provider's authorization URL, and what to remember until the user comes back. */
  async start(request: FastifyRequest, back: string): Promise<{ url: string; flow: OidcFlow }> {
    const client = await this.configuration();
    const flow: OidcFlow = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce(), back };
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: this.redirectUri(request),
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flow };
  }

  /** Exchanges the code for tokens (checking state, nonce and PKCE); answers the access token. */
  async finish(request: FastifyRequest, flow: OidcFlow): Promise<string> {
    const client = await this.configuration();
    const current = new URL(request.url, this.redirectUri(request));
    const tokens = await oidc.authorizationCodeGrant(client, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    return tokens.access_token;
  }

  private redirectUri(request: FastifyRequest): string {
    return this.config.OIDC_REDIRECT_URL ?? `${request.protocol}://${request.headers.host}${CALLBACK_PATH}`;
  }

  /** Discovery once, on first use; retried on the next sign-in when the provider could not be reached. */
  private configuration(): Promise<oidc.Configuration> {
    if (!this.client) {
      const issuer = new URL(this.config.OIDC_ISSUER!);
      // Plain http only for a provider on this machine (tests, a local Keycloak), as for OIDC_JWKS_URL.
      const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      this.client = oidc
        .discovery(issuer, this.config.OIDC_CLIENT_ID!, this.config.OIDC_CLIENT_SECRET, undefined, {
          execute: loopback ? [oidc.allowInsecureRequests] : [],
        })
        .catch((error: unknown) => {
          this.client = null;
          throw error;
        });
    }
    return this.client;
  }
}
