import { z } from 'zod';
import { booleanFlag } from './flags';

/** The web dashboard (issue 10): sessions and who may read without signing in. */
export const webSettings = z.object({
  /**
   * Visitors without a session may read plans, actions, partner pages and search (never the log, the
   * history's actors or any form): off by default, for ministries that publish their plans' progress.
   */
  PUBLIC_READ: booleanFlag.default(false),
  /**
   * The key that encrypts session cookies, as 64 hex characters. Without it, a key is generated once and
   * kept in DATA_DIR/session.key; instances that share sessions (PostgreSQL deployments) must share it.
   */
  SESSION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`')
    .optional(),
  /** How long a browser session lasts after signing in. */
  SESSION_MAX_AGE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(480),
  /** `auto` marks the cookie Secure when the request came over https; set `true` behind a TLS proxy. */
  SESSION_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /**
   * With OIDC_ISSUER: the dashboard's client at the identity provider, for signing in people with the
   * Authorization Code flow and PKCE. A confidential client also gets OIDC_CLIENT_SECRET.
   */
  OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
  /** Where the provider sends people back; default: this server's own /inloggen/oidc/terug. */
  OIDC_REDIRECT_URL: z.string().url().optional(),
});
