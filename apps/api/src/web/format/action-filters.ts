import type { ActionStatus } from '@actiemonitor/domain';
import { parseStatus } from '../status-labels';

/** The filters of an action table, read from GET parameters (a bookmarkable, shareable URL). */
export interface ActionFilters {
  partner: string | null;
  status: ActionStatus | null;
  overdue: boolean;
}

const PARTNER = /^[A-Za-z][A-Za-z0-9-]{0,39}$/;

export function readActionFilters(query: Record<string, unknown>): ActionFilters {
  const partner = typeof query.partner === 'string' && PARTNER.test(query.partner) ? query.partner : null;
  return { partner, status: parseStatus(query.status), overdue: query.overdue === 'ja' };
}

/** The filters as query parameters again, to keep them across the date picker and the download. */
export function filterParams(filters: ActionFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.partner) params.partner = filters.partner;
  if (filters.status) params.status = filters.status;
  if (filters.overdue) params.overdue = 'ja';
  return params;
}
