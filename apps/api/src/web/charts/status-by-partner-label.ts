import { ACTION_STATUSES, ActionStatus, STATUS_LABELS } from '../status-labels';
import { formatNumber, truncate } from './format';

export interface StatusByPartnerRow {
  partnerId: string;
  partnerName: string;
  byStatus: Partial<Record<ActionStatus, number>>;
}

/** Past this length a screen reader's summary stops listing partners; the table beside the chart has them all. */
const MAX_LABEL_LENGTH = 400;

/**
 * The chart's text alternative: "Statussen per partner: VWS 3 Loopt, 2 Afgerond; VNG geen acties; en nog
 * 4 partners". Partners are listed in the chart's order until the text would grow past MAX_LABEL_LENGTH.
 */
export function statusByPartnerLabel(rows: StatusByPartnerRow[], title: string): string {
  const parts = rows.map(describePartner);
  const listed: string[] = [];
  let length = title.length + 2;
  for (const [index, part] of parts.entries()) {
    const remaining = parts.length - index - 1;
    const reserve = remaining > 0 ? ' en nog 999 partners'.length : 0;
    if (listed.length > 0 && length + part.length + 2 + reserve > MAX_LABEL_LENGTH) {
      const left = parts.length - index;
      listed.push(`en nog ${left} ${left === 1 ? 'partner' : 'partners'}`);
      break;
    }
    listed.push(part);
    length += part.length + 2;
  }
  return `${title}: ${listed.join('; ')}`;
}

function describePartner(row: StatusByPartnerRow): string {
  const counts = ACTION_STATUSES.map((status) => [status, count(row.byStatus[status])] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${formatNumber(n)} ${STATUS_LABELS[status]}`);
  return `${truncate(row.partnerName, 60)} ${counts.length > 0 ? counts.join(', ') : 'geen acties'}`;
}

/** A usable count: missing, negative or non-finite numbers count as none. */
export function count(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}
