import type { ContextSeriesView, ReferenceView, ThemeView } from '@actiemonitor/read-models';
import { Rhc } from './rhc';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from './table';
import { formatCalendarDate } from '../format/dutch-dates';
import { contextSeriesChart } from '../charts';

const { Heading, Paragraph, Link } = Rhc;

export const REFERENCE_KIND_LABELS: Record<ReferenceView['kind'], string> = {
  MOTIE: 'Motie',
  KAMERVRAGEN: 'Kamervragen',
  KAMERBRIEF: 'Kamerbrief',
  TOEZEGGING: 'Toezegging',
  OVERLEG: 'Overleg',
};
const CHAMBER_LABELS: Record<NonNullable<ReferenceView['chamber']>, string> = {
  TWEEDE_KAMER: 'Tweede Kamer',
  EERSTE_KAMER: 'Eerste Kamer',
};

const figure = (value: number) => value.toLocaleString('nl-NL', { maximumFractionDigits: 2 });

/** "Motie · Tweede Kamer · 34550 XVI nr. 89 · 2016-2017": what identifies a kamerstuk, as far as the source gives it. */
export function referenceLabel(r: ReferenceView): string {
  const number = r.dossier && r.number ? `${r.dossier} nr. ${r.number}` : (r.number ?? r.dossier);
  const when = r.date ? formatCalendarDate(r.date) : r.dateText;
  return [REFERENCE_KIND_LABELS[r.kind], r.chamber && CHAMBER_LABELS[r.chamber], number, when].filter(Boolean).join(' · ');
}

export const referenceAnchor = (id: string) => `kamerstuk-${id}`;

/**
 * The kamerstukken a plan or action answers to, each with the plan's own words on why (the link's
 * note), linking to its entry on /kamerstukken.
 */
export function ReferenceList({
  references,
  subject,
  subjectId,
  at,
}: {
  references: ReferenceView[];
  subject: 'PLAN' | 'ACTION';
  subjectId: string;
  at: string;
}) {
  return (
    <ul className="am-references">
      {references.map((r) => {
        const note = r.links.find((l) => l.subject === subject && l.subjectId === subjectId)?.note;
        return (
          <li key={r.id}>
            <Link href={`/kamerstukken${at}#${referenceAnchor(r.id)}`}>{r.title}</Link> ({referenceLabel(r)}){note ? `: ${note}` : ''}
          </li>
        );
      })}
    </ul>
  );
}

/** Themes with the actions that serve them (names looked up in `actionTitles`). */
export function ThemeList({ themes, actionTitles, at }: { themes: ThemeView[]; actionTitles: Map<string, string>; at: string }) {
  return (
    <Table className="am-table" caption="Thema’s (opgaven) en de acties die ze dienen">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Thema</TableHeaderCell>
          <TableHeaderCell scope="col">Acties</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {themes.map((t) => (
          <TableRow key={t.id}>
            <TableHeaderCell scope="row" id={`thema-${t.id}`}>
              {t.title}
              {t.description ? <span className="am-muted"> — {t.description}</span> : null}
            </TableHeaderCell>
            <TableCell>
              {t.actions.length === 0 ? (
                'Geen ondersteuningsactie genoemd'
              ) : (
                <ul className="am-theme-actions">
                  {t.actions.map((a) => (
                    <li key={a.actionId}>
                      <Link href={`/acties/${a.actionId}${at}`}>{actionTitles.get(a.actionId) ?? a.actionId}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * One series of context figures as a table: period, part and value, with its unit and source. They are
 * not goals; `targetNames` names the targets they give context to.
 */
export function ContextSeriesBlock({ series, targetNames, level }: { series: ContextSeriesView; targetNames: string[]; level: 3 | 4 }) {
  const withParts = series.figures.some((f) => f.category !== null);
  const svg = contextSeriesChart({ title: series.title, unit: series.unit, figures: series.figures });
  return (
    <article className="am-context-series" aria-labelledby={`reeks-${series.id}`}>
      <Heading level={level} id={`reeks-${series.id}`}>
        {series.title}
      </Heading>
      {svg && <figure className="am-figure" dangerouslySetInnerHTML={{ __html: svg }} />}
      <Table className="am-table" caption={`Cijfers in ${series.unit}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Periode</TableHeaderCell>
            {withParts && <TableHeaderCell scope="col">Deel</TableHeaderCell>}
            <TableHeaderCell scope="col">Waarde</TableHeaderCell>
            <TableHeaderCell scope="col">In de bron</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {series.figures.map((f, i) => (
            <TableRow key={i}>
              <TableCell>{f.period ?? 'niet genoemd'}</TableCell>
              {withParts && <TableCell>{f.category ?? 'totaal'}</TableCell>}
              <TableCell className="am-number">
                {figure(f.value)} {series.unit}
              </TableCell>
              <TableCell>{f.note ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Paragraph>
        Bron: {series.source}.{series.note ? ` ${series.note}` : ''}
        {targetNames.length > 0 ? ` Context bij de doelen: ${targetNames.join('; ')}.` : ''}
      </Paragraph>
    </article>
  );
}
