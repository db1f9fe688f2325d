import { ACTION_STATUSES, ActionStatus, Period, STATUS_LABELS } from '@actiemonitor/domain';
import { dutchLongDate, dutchDateTime, ReportAction, ReportModel, ReportTarget } from '@actiemonitor/read-models';

/**
 * The words every renderer (Markdown, HTML, Word) uses, so the three say the same things the same way.
 * The report is for Dutch readers: all text here is Dutch.
 */
export const REPORT_TEXT = {
  title: 'Voortgangsrapportage',
  plan: 'Plan',
  period: 'Periode',
  madeOn: 'Datum opgemaakt',
  partner: 'Alleen acties van',
  logPosition: 'Logpositie aan het eind van de periode',
  headHash: 'Hash van het logboek op die positie',
  verifyHint: (position: string) =>
    `Controleer met \`npm run -s cli -- verify --until ${position}\`: die moet dezelfde hash geven, anders is het logboek sinds deze rapportage herschreven.`,
  summary: 'Samenvatting',
  status: 'Status',
  atStart: 'Begin periode',
  atEnd: 'Eind periode',
  overdue: 'Over de termijn (eind periode)',
  completed: 'Afgerond in de periode',
  stopped: 'Gestopt in de periode',
  none: 'geen',
  actionLines: 'Acties per actielijn',
  owners: 'Eigenaren',
  deadline: 'Termijn',
  rescheduledTo: 'verschoven naar',
  statusAtEnd: 'Status eind periode',
  statusAtStart: 'Status begin periode',
  notYet: 'bestond nog niet',
  noteLabel: 'Toelichting',
  changes: 'Wijzigingen in de periode',
  noChanges: 'Geen wijzigingen in de periode.',
  targets: 'Doelen',
  noTargets: 'Geen doelen bij dit plan.',
  baseline: 'Nulmeting',
  target: 'Doel',
  measurements: 'Metingen tot het eind van de periode',
  noMeasurements: 'Nog geen metingen.',
  attainment: 'Realisatie',
  measuredAt: 'Datum',
  value: 'Waarde',
  source: 'Bron',
  corrected: 'gecorrigeerd',
  annex: 'Bijlage: alle gebeurtenissen in de periode',
  noEvents: 'Geen gebeurtenissen in de periode.',
  when: 'Wanneer',
  who: 'Wie',
  what: 'Wat',
  why: 'Waarom',
  position: 'Positie',
  page: 'Pagina',
  of: 'van',
} as const;

export const STATUS_ORDER: readonly ActionStatus[] = ACTION_STATUSES;
export const statusLabel = (status: ActionStatus | null): string => (status === null ? REPORT_TEXT.notYet : STATUS_LABELS[status]);

export function periodLine(model: ReportModel): string {
  return `${dutchLongDate(model.period.fromDay)} t/m ${dutchLongDate(model.period.toDay)}`;
}

export function deadlineText(deadline: Period | null): string {
  return deadline === null ? 'geen' : `${deadline.text} (uiterlijk ${dutchLongDate(deadline.end)})`;
}

/** "medio 2018 (uiterlijk 30 juni 2018), verschoven naar 2019 (uiterlijk 31 december 2019)". */
export function actionDeadline(action: ReportAction): string {
  const written = deadlineText(action.deadlineAsWritten);
  const same = JSON.stringify(action.deadlineAsWritten) === JSON.stringify(action.deadline);
  return same ? written : `${written}, ${REPORT_TEXT.rescheduledTo} ${deadlineText(action.deadline)}`;
}

export function formatNumber(value: number | null, unit: string | null = null): string {
  if (value === null) return '–';
  const text = String(Math.round(value * 1000) / 1000).replace('.', ',');
  return unit ? `${text} ${unit}` : text;
}

export function attainmentText(target: ReportTarget): string {
  return target.attainment === null ? '–' : `${Math.round(target.attainment * 100)}%`;
}

export function baselineText(target: ReportTarget): string {
  if (target.baseline === null) return '–';
  return `${formatNumber(target.baseline, target.unit)}${target.baselineDate ? ` (${dutchLongDate(target.baselineDate)})` : ''}`;
}

export function targetValueText(target: ReportTarget): string {
  if (target.targetValue === null) return '–';
  return `${formatNumber(target.targetValue, target.unit)}${target.dueDate ? ` (${dutchLongDate(target.dueDate)})` : ''}`;
}

export const when = (instant: string) => dutchDateTime(instant);

/** One line per change: "12 maart 2018 10:15 — JN (coördinator): Status gewijzigd … — Waarom: …". */
export function changeLine(change: ReportAction['changes'][number]): string {
  return `${when(change.recordedAt)} — ${change.who}: ${change.what}${change.why ? ` — ${REPORT_TEXT.why}: ${change.why}` : ''} (positie ${change.position})`;
}

export function listOrNone(items: ReadonlyArray<{ id: string; title: string }>): string {
  return items.length === 0 ? REPORT_TEXT.none : items.map((i) => `${i.id} ${i.title}`).join('; ');
}
