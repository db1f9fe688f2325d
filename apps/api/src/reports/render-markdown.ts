import { dutchLongDate, ReportModel } from '@actiemonitor/read-models';
import {
  actionDeadline,
  attainmentText,
  baselineText,
  changeLine,
  formatNumber,
  listOrNone,
  periodLine,
  REPORT_TEXT as T,
  STATUS_ORDER,
  statusLabel,
  targetValueText,
  when,
} from './report-text';

/** Table cells may not hold a pipe or a line break. */
const cell = (text: string | null) => (text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const row = (cells: Array<string | null>) => `| ${cells.map(cell).join(' | ')} |`;
const header = (cells: string[]) => [row(cells), row(cells.map(() => '---'))];

/** The report as Markdown, for pasting into other documents. Same model, same bytes. */
export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [];
  out.push(`# ${T.title}: ${model.plan.title}`, '');
  out.push(`- **${T.plan}:** ${model.plan.title} (${model.plan.id})`);
  out.push(`- **${T.period}:** ${periodLine(model)}`);
  if (model.partnerId) out.push(`- **${T.partner}:** ${model.partnerId}`);
  out.push(`- **${T.madeOn}:** ${dutchLongDate(model.madeOn)}`);
  out.push(`- **${T.logPosition}:** ${model.head.position}`);
  out.push(`- **${T.headHash}:** \`${model.head.hash}\``, '', T.verifyHint(model.head.position), '');

  out.push(`## ${T.summary}`, '', ...header([T.status, T.atStart, T.atEnd]));
  for (const status of STATUS_ORDER)
    out.push(row([statusLabel(status), String(model.summary.atFrom[status]), String(model.summary.atTo[status])]));
  out.push('', `- **${T.overdue}:** ${listOrNone(model.summary.overdue)}`);
  out.push(`- **${T.completed}:** ${listOrNone(model.summary.completed)}`);
  out.push(`- **${T.stopped}:** ${listOrNone(model.summary.stopped)}`, '');

  out.push(`## ${T.actionLines}`, '');
  for (const line of model.lines) {
    out.push(`### ${line.code} ${line.title}`, '');
    for (const action of line.actions) {
      out.push(`#### ${action.id}: ${action.title}`, '');
      out.push(`- **${T.owners}:** ${action.owners.join(', ') || T.none}`);
      out.push(`- **${T.deadline}:** ${actionDeadline(action)}`);
      out.push(`- **${T.statusAtStart}:** ${statusLabel(action.statusAtFrom)}`);
      out.push(`- **${T.statusAtEnd}:** ${statusLabel(action.statusAtTo)}${action.noteAtTo ? ` — ${action.noteAtTo}` : ''}`, '');
      if (action.changes.length === 0) out.push(T.noChanges, '');
      else out.push(`**${T.changes}:**`, '', ...action.changes.map((c) => `- ${changeLine(c)}`), '');
    }
  }

  out.push(`## ${T.targets}`, '');
  if (model.targets.length === 0) out.push(T.noTargets, '');
  for (const target of model.targets) {
    out.push(`### ${target.description}`, '');
    out.push(`- **${T.baseline}:** ${baselineText(target)}`);
    out.push(`- **${T.target}:** ${targetValueText(target)}`);
    out.push(`- **${T.attainment}:** ${attainmentText(target)}`, '');
    if (target.measurements.length === 0) out.push(T.noMeasurements, '');
    else {
      out.push(...header([T.measuredAt, T.value, T.source]));
      for (const m of target.measurements) {
        out.push(
          row([dutchLongDate(m.measuredAt), `${formatNumber(m.value, target.unit)}${m.corrected ? ` (${T.corrected})` : ''}`, m.source]),
        );
      }
      out.push('');
    }
  }

  out.push(`## ${T.annex}`, '');
  if (model.annex.length === 0) out.push(T.noEvents, '');
  else {
    out.push(...header([T.position, T.when, T.who, T.what, T.why]));
    for (const e of model.annex) out.push(row([e.position, when(e.recordedAt), e.who, e.what, e.why]));
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
