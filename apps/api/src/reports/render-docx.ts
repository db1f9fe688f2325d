import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
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

const text = (value: string) => new Paragraph({ children: [new TextRun(value)] });
const labelled = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
const heading = (value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false) =>
  new Paragraph({ text: value, heading: level, pageBreakBefore });

/** A real Word table: a header row that repeats on every page, then one row per entry. */
function table(head: string[], rows: Array<Array<string | null>>): Table {
  const cell = (value: string | null, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: value ?? '', bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

/**
 * The report as a Word document: headings Word's navigation pane and table of contents use (Kop 1-4), real
 * tables, page numbers in the footer, no macros and no external references. Charts are not drawn here:
 * a PNG needs a native renderer, so each target shows its measurements as a table instead.
 */
export function reportDocument(model: ReportModel): Document {
  const children: Array<Paragraph | Table> = [];
  children.push(new Paragraph({ text: `${T.title}: ${model.plan.title}`, heading: HeadingLevel.TITLE }));
  children.push(labelled(T.plan, `${model.plan.title} (${model.plan.id})`), labelled(T.period, periodLine(model)));
  if (model.partnerId) children.push(labelled(T.partner, model.partnerId));
  children.push(
    labelled(T.madeOn, dutchLongDate(model.madeOn)),
    labelled(T.logPosition, model.head.position),
    labelled(T.headHash, model.head.hash),
  );
  children.push(text(T.verifyHint(model.head.position).replace(/`/g, '')));

  children.push(heading(T.summary, HeadingLevel.HEADING_1, true));
  children.push(
    table(
      [T.status, T.atStart, T.atEnd],
      STATUS_ORDER.map((s) => [statusLabel(s), String(model.summary.atFrom[s]), String(model.summary.atTo[s])]),
    ),
  );
  children.push(labelled(T.overdue, listOrNone(model.summary.overdue)), labelled(T.completed, listOrNone(model.summary.completed)));
  children.push(labelled(T.stopped, listOrNone(model.summary.stopped)));

  children.push(heading(T.actionLines, HeadingLevel.HEADING_1, true));
  model.lines.forEach((line, index) => {
    children.push(heading(`${line.code} ${line.title}`, HeadingLevel.HEADING_2, index > 0));
    for (const action of line.actions) {
      children.push(heading(`${action.id}: ${action.title}`, HeadingLevel.HEADING_3));
      children.push(labelled(T.owners, action.owners.join(', ') || T.none), labelled(T.deadline, actionDeadline(action)));
      children.push(labelled(T.statusAtStart, statusLabel(action.statusAtFrom)));
      children.push(labelled(T.statusAtEnd, `${statusLabel(action.statusAtTo)}${action.noteAtTo ? ` — ${action.noteAtTo}` : ''}`));
      if (action.changes.length === 0) children.push(text(T.noChanges));
      else {
        children.push(new Paragraph({ children: [new TextRun({ text: T.changes, bold: true })] }));
        for (const change of action.changes) children.push(new Paragraph({ text: changeLine(change), bullet: { level: 0 } }));
      }
    }
  });

  children.push(heading(T.targets, HeadingLevel.HEADING_1, true));
  if (model.targets.length === 0) children.push(text(T.noTargets));
  for (const target of model.targets) {
    children.push(heading(target.description, HeadingLevel.HEADING_2));
    children.push(
      labelled(T.baseline, baselineText(target)),
      labelled(T.target, targetValueText(target)),
      labelled(T.attainment, attainmentText(target)),
    );
    if (target.measurements.length === 0) children.push(text(T.noMeasurements));
    else {
      children.push(new Paragraph({ children: [new TextRun({ text: T.measurements, bold: true })] }));
      children.push(
        table(
          [T.measuredAt, T.value, T.source],
          target.measurements.map((m) => [
            dutchLongDate(m.measuredAt),
            `${formatNumber(m.value, target.unit)}${m.corrected ? ` (${T.corrected})` : ''}`,
            m.source,
          ]),
        ),
      );
    }
  }

  children.push(heading(T.annex, HeadingLevel.HEADING_1, true));
  if (model.annex.length === 0) children.push(text(T.noEvents));
  else
    children.push(
      table(
        [T.position, T.when, T.who, T.what, T.why],
        model.annex.map((e) => [e.position, when(e.recordedAt), e.who, e.what, e.why]),
      ),
    );

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [`${T.page} `, PageNumber.CURRENT, ` ${T.of} `, PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
  return new Document({
    creator: 'Actiemonitor',
    title: `${T.title}: ${model.plan.title}`,
    description: `${periodLine(model)}; logpositie ${model.head.position}`,
    sections: [{ footers: { default: footer }, children }],
  });
}

export function renderDocx(model: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(model));
}
