import { ACTION_STATUSES, ActionStatus, STATUS_LABELS } from '@actiemonitor/domain';

export { STATUS_LABELS };

/**
 * Chart colours per status, each with at least 3:1 contrast against white (WCAG 1.4.11, graphical
 * objects). Colour is never the only carrier: every chart has a table with the same figures.
 */
export const STATUS_COLOURS: Record<ActionStatus, string> = {
  NOT_REPORTED: '#696969',
  NOT_STARTED: '#8a6d00',
  IN_PROGRESS: '#01689b',
  AT_RISK: '#b35900',
  DELAYED: '#c41b1b',
  COMPLETED: '#39870c',
  STOPPED: '#42145f',
};

export { ACTION_STATUSES };
export type { ActionStatus };

export function statusLabel(status: ActionStatus): string {
  return STATUS_LABELS[status];
}

/** A status from a form or URL parameter, or null when it is not one we know. */
export function parseStatus(value: unknown): ActionStatus | null {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value) ? (value as ActionStatus) : null;
}
