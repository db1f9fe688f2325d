import { z } from 'zod';
import { booleanFlag } from './flags';

/** A comma-separated list: "a, b,,c" → ["a", "b", "c"]. */
const commaList = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

const limit = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const origin = z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'an origin without a path, e.g. https://dashboard.example.nl');

/**
 * Identities, limits and headers (issue 4). Every limit has a default that suits the plans' data and
 * partners' dashboards; see the Security section of docs/operations.md for why each is what it is.
 */
export const securitySettings = z.object({
  /** OpenID Connect bearer JWTs for people: the issuer (`iss`) the server trusts. */
  OIDC_ISSUER: z.string().url().optional(),
  /** Accepted audiences (`aud`), comma-separated; required with OIDC_ISSUER. */
  OIDC_AUDIENCE: commaList.optional(),
  /** Where the issuer publishes its keys; https, or http on the loopback address for tests. */
  OIDC_JWKS_URL: z.string().url().optional(),
  /** The issuer's public key as PEM (SPKI), for offline use instead of a JWKS URL; "\n" escapes allowed. */
  OIDC_PUBLIC_KEY: z.string().min(1).optional(),
  /** The same, read from a file. */
  OIDC_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  /** Signature algorithms accepted; never "none" or HMAC (a public key is no shared secret). */
  OIDC_ALGORITHMS: commaList
    .pipe(z.array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'])).min(1))
    .default(['RS256', 'PS256', 'ES256', 'EdDSA']),
  /** Clock skew tolerated on exp, nbf and iat. */
  OIDC_CLOCK_TOLERANCE_SECONDS: limit(0, 300, 30),
  /** Claim (a dotted path such as realm_access.roles works) holding coordinator, partner or auditor. */
  OIDC_ROLE_CLAIM: z.string().min(1).max(200).default('actiemonitor_role'),
  /** Claim holding the partner id (VWS, NJI, ...); required for the partner role. */
  OIDC_PARTNER_CLAIM: z.string().min(1).max(200).default('actiemonitor_partner'),

  /** Browser origins allowed to call the API (CORS), comma-separated; none by default. */
  CORS_ORIGINS: commaList.pipe(z.array(origin)).default([]),
  /** Requests per minute per token or person; 0 turns rate limiting off (benchmarks). */
  RATE_LIMIT_PER_MINUTE: limit(0, 1_000_000, 600),
  /** Largest request body in bytes; larger gets HTTP 413. */
  BODY_LIMIT_BYTES: limit(1024, 16 * 1024 * 1024, 1024 * 1024),
  /** Most live subscriptions (actionChanged) one WebSocket connection may hold open. */
  SUBSCRIPTIONS_PER_CONNECTION: limit(1, 1000, 10),
  /** Largest message in bytes a WebSocket client may send (connection_init, subscribe); larger closes the socket (1009). */
  WS_MAX_MESSAGE_BYTES: limit(1024, 16 * 1024 * 1024, 64 * 1024),
  /** How long (ms) a WebSocket may stay open without sending connection_init; then it is closed (4408). */
  WS_INIT_TIMEOUT_MS: limit(100, 60_000, 10_000),
  /** How often (ms) an open subscription re-checks its token; a revoked or expired token's subscriptions are closed. */
  SUBSCRIPTION_TOKEN_CHECK_MS: limit(100, 3_600_000, 5000),

  /** Deepest selection nesting a query may have. */
  GRAPHQL_MAX_DEPTH: limit(1, 100, 10),
  /** Most aliases in one operation. */
  GRAPHQL_MAX_ALIASES: limit(0, 1000, 30),
  /** Most directives in one operation. */
  GRAPHQL_MAX_DIRECTIVES: limit(0, 1000, 10),
  /** Most lexical tokens in one document (stops the parser early on huge documents). */
  GRAPHQL_MAX_TOKENS: limit(100, 100_000, 2000),
  /** Highest estimated cost of one operation: every field costs 1, a list multiplies what it holds. */
  GRAPHQL_MAX_COST: limit(100, 100_000_000, 20_000),
  /** How many items the cost estimate assumes a list holds (a `first` argument overrides it). */
  GRAPHQL_LIST_SIZE: limit(1, 1000, 5),
  /** Schema introspection; on by default outside production. */
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),

  /** One JSON line per request: who, what operation, outcome, latency. */
  ACCESS_LOG: booleanFlag.default(true),
});
