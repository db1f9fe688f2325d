export const ACTION_STATUSES = [
  'NOT_REPORTED',
  'NOT_STARTED',
  'IN_PROGRESS',
  'AT_RISK',
  'DELAYED',
  'COMPLETED',
  'STOPPED',
] as const;

export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Finished actions are never overdue, whatever their deadline. */
export function isClosedStatus(status: ActionStatus): boolean {
  return status === 'COMPLETED' || status === 'STOPPED';
}
