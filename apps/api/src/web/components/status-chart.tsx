import type { PartnerStatusRow, PartnerView } from '@actiemonitor/read-models';
import { statusByPartnerChart } from '../charts';
import { ACTION_STATUSES, STATUS_LABELS } from '../status-labels';
import { Table, TableHeader, TableRow, TableHeaderCell, TableBody, TableCell } from './table';
import { Rhc } from './rhc';

const { Heading } = Rhc;

/** The stacked bar chart of statuses per partner, as SVG markup ('' when there is nothing to draw). */
export function statusByPartnerSvg(rows: PartnerStatusRow[], title: string): string {
  // Partner ids label the bars (short, and what coordinators say); the table beside it has the names.
  const chartRows = rows.map((row) => ({
    partnerId: row.partnerId,
    partnerName: row.partnerId,
    byStatus: Object.fromEntries(row.byStatus.map((s) => [s.status, s.count])),
  }));
  return rows.length > 0 ? statusByPartnerChart(chartRows, { title }) : '';
}

/** Statuses per partner: the chart (rendered by the caller, which may keep it) and the same figures in a table. */
export function StatusByPartner({
  rows,
  partners,
  title,
  at,
  svg,
}: {
  rows: PartnerStatusRow[];
  partners: Map<string, PartnerView>;
  title: string;
  at: string;
  svg: string;
}) {
  return (
    <section aria-labelledby="status-per-partner" className="am-chart-section">
      <Heading level={2} id="status-per-partner">
        {title}
      </Heading>
      {/* Markup from our chart module: built from a DOM, text escaped there, no scripts or styles. */}
      {svg && <figure className="am-figure" dangerouslySetInnerHTML={{ __html: svg }} />}
      <Table className="am-table" caption={`${title} (de cijfers van de grafiek)`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Partner</TableHeaderCell>
            {ACTION_STATUSES.map((s) => (
              <TableHeaderCell key={s} scope="col">
                {STATUS_LABELS[s]}
              </TableHeaderCell>
            ))}
            <TableHeaderCell scope="col">Totaal</TableHeaderCell>
            <TableHeaderCell scope="col">Termijn verstreken</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.partnerId}>
              <TableHeaderCell scope="row">
                <a href={`/partners/${row.partnerId}${at}`}>{partners.get(row.partnerId)?.name ?? row.partnerId}</a>
              </TableHeaderCell>
              {row.byStatus.map((s) => (
                <TableCell key={s.status} className="am-number">
                  {s.count}
                </TableCell>
              ))}
              <TableCell className="am-number">{row.total}</TableCell>
              <TableCell className="am-number">{row.overdue}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
