import type { Actor } from '@actiemonitor/event-store';

export const ROLES = ['COORDINATOR', 'PARTNER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: resolved from a bearer token by the API's guard or given by the CLI. */
export interface Principal {
  /** The actor id events record: `tok-<uuid>` for an API token, `oidc:<sub>` for a person signed in with OpenID Connect. */
  tokenId: string;
  name: string;
  role: Role;
  partnerId: string | null;
  /** How the caller proved who they are. */
  via?: 'token' | 'oidc';
}

export function actorOf(principal: Principal): Actor {
  return { id: principal.tokenId, partnerId: principal.partnerId, role: principal.role };
}

/** Imports and other work the application does on its own behalf. */
export const SYSTEM_ACTOR: Actor = { id: 'system', partnerId: null, role: 'SYSTEM' };
