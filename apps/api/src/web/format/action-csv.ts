import type { ActionReadout } from '@actiemonitor/application';
import { CSV_BOM, csvLine } from '@actiemonitor/application';
import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { STATUS_LABELS } from '../status-labels';
import { actionLineIn } from './plan-summary';

const COLUMNS = [
  'Plan',
  'Actielijn',
  'Actie-id',
  'Actie',
  'Eigenaren',
  'Termijn',
  'Begin',
  'Uiterlijk',
  'Status',
  'Toelichting',
  'Termijn verstreken',
  'Stand van',
];

/**
 * The action table as shown (filters and moment applied), for Excel in a Dutch locale: Dutch column
 * names and status labels, semicolons, UTF-8 with a byte-order mark.
 */
export function actionsCsv(
  actions: readonly ActionReadout[],
  plans: Map<string, PlanView>,
  partners: Map<string, PartnerView>,
  standVan: string,
  planId?: string,
): string {
  let csv = CSV_BOM + csvLine(COLUMNS);
  for (const action of actions) {
    const plan = plans.get(planId ?? action.planId);
    const lineId = actionLineIn(action, plan?.id ?? action.planId);
    const line = plan?.actionLines.find((l) => l.id === lineId);
    csv += csvLine([
      plan?.title ?? action.planId,
      line ? `${line.code}. ${line.title}` : lineId,
      action.id,
      action.title,
      action.owners.map((id) => partners.get(id)?.id ?? id).join(', '),
      action.deadline?.text ?? '',
      action.deadline?.start ?? '',
      action.deadline?.end ?? '',
      STATUS_LABELS[action.status],
      action.statusNote ?? '',
      action.overdue ? 'ja' : 'nee',
      standVan,
    ]);
  }
  return csv;
}

/** A file name without characters that trouble Windows or headers. */
export function csvFileName(base: string): string {
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80)}.csv`;
}
