import { Role } from './principal';

/**
 * Who may do what, in one place. Coordinators (VWS, VNG, JN) keep plans current; partners read and
 * report progress on the actions their organisation owns (`report`; ownership is the action decider's
 * rule); auditors read everything, including the event log. Partners' contact addresses for reminders
 * are personal data outside the log: only coordinators register, read and erase them (`manageContacts`).
 */
export type Permission = 'read' | 'readEventLog' | 'write' | 'report' | 'manageContacts';

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  COORDINATOR: new Set<Permission>(['read', 'readEventLog', 'write', 'report', 'manageContacts']),
  AUDITOR: new Set<Permission>(['read', 'readEventLog']),
  PARTNER: new Set<Permission>(['read', 'report']),
};

export function isAllowed(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
