import type { ActionStatus } from '@actiemonitor/domain';

/** The one Dutch wording of each status: pages, charts, downloads, exports and history sentences use it. */
export const STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_REPORTED: 'Niet gerapporteerd',
  NOT_STARTED: 'Niet gestart',
  IN_PROGRESS: 'Loopt',
  AT_RISK: 'Risico',
  DELAYED: 'Vertraagd',
  COMPLETED: 'Afgerond',
  STOPPED: 'Gestopt',
};
