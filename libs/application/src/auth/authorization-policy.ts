import { Role } from './principal';

/**
 * Who may do what, in one place. Coordinators (VWS, VNG, JN) keep plans current; partners read;
 * auditors read everything, including the event log.
 */
export type Permission = 'read' | 'readEventLog' | 'write';

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  COORDINATOR: new Set<Permission>(['read', 'readEventLog', 'write']),
  AUDITOR: new Set<Permission>(['read', 'readEventLog']),
  PARTNER: new Set<Permission>(['read']),
};

export function isAllowed(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
