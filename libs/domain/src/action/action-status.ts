export const ACTION_STATUSES = ['NOT_REPORTED', 'NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED', 'STOPPED'] as const;

export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Finished actions are never overdue, whatever their deadline. */
export function isClosedStatus(status: ActionStatus): boolean {
  return status === 'COMPLETED' || status === 'STOPPED';
}

/** The statuses in the plans' own language, the one wording pages, charts, downloads and exports use. */
export const STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_REPORTED: 'Niet gerapporteerd',
  NOT_STARTED: 'Niet gestart',
  IN_PROGRESS: 'Loopt',
  AT_RISK: 'Risico',
  DELAYED: 'Vertraagd',
  COMPLETED: 'Afgerond',
  STOPPED: 'Gestopt',
};
