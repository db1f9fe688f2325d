import { createHash } from 'node:crypto';
import { dutchLongDate, ReportModel, ReportTarget } from '@actiemonitor/read-models';
import { measurementChart } from '../web/charts';
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

const escape = (text: string | null) =>
  (text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const tag = (name: string, text: string | null, attributes = '') => `<${name}${attributes}>${escape(text)}</${name}>`;
const table = (caption: string, head: string[], rows: Array<Array<string | null>>) =>
  [
    '<table>',
    tag('caption', caption),
    `<thead><tr>${head.map((h) => tag('th', h, ' scope="col"')).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => tag('td', c)).join('')}</tr>`).join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
const item = (label: string, value: string) => `<li><strong>${escape(label)}:</strong> ${escape(value)}</li>`;

/** Print first: A4, page breaks before each action line, tables that do not split rows; the screen gets the same. */
const STYLE = `
body { font-family: "Fira Sans", "Segoe UI", Arial, sans-serif; color: #154273; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1, h2, h3, h4 { color: #154273; }
h1 { border-bottom: 4px solid #154273; padding-bottom: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; color: #000; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; color: #154273; }
th, td { border: 1px solid #8c8c8c; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #e5ecf3; }
code { word-break: break-all; }
.title-page { min-height: 60vh; }
.action { margin-bottom: 1.5rem; }
.chart svg { max-width: 100%; height: auto; }
@page { size: A4; margin: 2cm; }
@media print {
  body { margin: 0; max-width: none; color: #000; }
  .title-page { page-break-after: always; break-after: page; }
  .action-line { page-break-before: always; break-before: page; }
  tr, .action, .chart { page-break-inside: avoid; break-inside: avoid; }
}`;

/** The CSP source that allows exactly this report's inline style and nothing else inline. */
export const REPORT_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function chart(target: ReportTarget): string {
  const svg = measurementChart({
    description: target.description,
    unit: target.unit,
    baseline: target.baseline,
    baselineDate: target.baselineDate,
    targetValue: target.targetValue,
    dueDate: target.dueDate,
    measurements: target.measurements,
  });
  return svg ? `<figure class="chart">${svg}</figure>` : '';
}

/** The report as one self-contained HTML page (no external style, script, font or image): the print view. */
export function renderHtml(model: ReportModel): string {
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="nl">', '<head>', '<meta charset="utf-8">');
  out.push(tag('title', `${T.title}: ${model.plan.title} (${periodLine(model)})`));
  out.push(`<style>${STYLE}</style>`, '</head>', '<body>', '<main>');

  out.push('<section class="title-page">', tag('h1', `${T.title}: ${model.plan.title}`), '<ul>');
  out.push(item(T.plan, `${model.plan.title} (${model.plan.id})`), item(T.period, periodLine(model)));
  if (model.partnerId) out.push(item(T.partner, model.partnerId));
  out.push(item(T.madeOn, dutchLongDate(model.madeOn)), item(T.logPosition, model.head.position));
  out.push(`<li><strong>${escape(T.headHash)}:</strong> <code>${escape(model.head.hash)}</code></li>`, '</ul>');
  out.push(tag('p', T.verifyHint(model.head.position).replace(/`/g, '')), '</section>');

  out.push('<section>', tag('h2', T.summary));
  out.push(
    table(
      T.summary,
      [T.status, T.atStart, T.atEnd],
      STATUS_ORDER.map((s) => [statusLabel(s), String(model.summary.atFrom[s]), String(model.summary.atTo[s])]),
    ),
  );
  out.push('<ul>', item(T.overdue, listOrNone(model.summary.overdue)), item(T.completed, listOrNone(model.summary.completed)));
  out.push(item(T.stopped, listOrNone(model.summary.stopped)), '</ul>', '</section>');

  out.push(tag('h2', T.actionLines));
  for (const line of model.lines) {
    out.push('<section class="action-line">', tag('h3', `${line.code} ${line.title}`));
    for (const action of line.actions) {
      out.push('<article class="action">', tag('h4', `${action.id}: ${action.title}`), '<ul>');
      out.push(item(T.owners, action.owners.join(', ') || T.none), item(T.deadline, actionDeadline(action)));
      out.push(item(T.statusAtStart, statusLabel(action.statusAtFrom)));
      out.push(item(T.statusAtEnd, `${statusLabel(action.statusAtTo)}${action.noteAtTo ? ` — ${action.noteAtTo}` : ''}`), '</ul>');
      if (action.changes.length === 0) out.push(tag('p', T.noChanges));
      else
        out.push(
          tag('p', T.changes, ' class="changes-heading"'),
          `<ol>${action.changes.map((c) => tag('li', changeLine(c))).join('\n')}</ol>`,
        );
      out.push('</article>');
    }
    out.push('</section>');
  }

  out.push('<section class="action-line">', tag('h2', T.targets));
  if (model.targets.length === 0) out.push(tag('p', T.noTargets));
  for (const target of model.targets) {
    out.push('<article class="action">', tag('h3', target.description), '<ul>');
    out.push(
      item(T.baseline, baselineText(target)),
      item(T.target, targetValueText(target)),
      item(T.attainment, attainmentText(target)),
      '</ul>',
    );
    out.push(chart(target));
    if (target.measurements.length === 0) out.push(tag('p', T.noMeasurements));
    else {
      const rows = target.measurements.map((m) => [
        dutchLongDate(m.measuredAt),
        `${formatNumber(m.value, target.unit)}${m.corrected ? ` (${T.corrected})` : ''}`,
        m.source,
      ]);
      out.push(table(T.measurements, [T.measuredAt, T.value, T.source], rows));
    }
    out.push('</article>');
  }
  out.push('</section>');

  out.push('<section class="action-line">', tag('h2', T.annex));
  if (model.annex.length === 0) out.push(tag('p', T.noEvents));
  else
    out.push(
      table(
        T.annex,
        [T.position, T.when, T.who, T.what, T.why],
        model.annex.map((e) => [e.position, when(e.recordedAt), e.who, e.what, e.why]),
      ),
    );
  out.push('</section>', '</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
