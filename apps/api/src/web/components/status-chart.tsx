import type { PartnerStatusRow, PartnerView } from '@actiemonitor/read-models';
import { statusByPartnerChart } from '../charts';
import { ACTION_STATUSES, STATUS_LABELS } from '../status-labels';
import { Table, TableCaption, TableHeader, TableRow, TableHeaderCell, TableBody, TableCell } from './table';
import { Rhc } from './rhc';

const { Heading } = Rhc;

/** Statuses per partner: a stacked bar chart (SVG from the server) and the same figures in a table. */
export function StatusByPartner({ rows, partners, title, at }: { rows: PartnerStatusRow[]; partners: Map<string, PartnerView>; title: string; at: string }) {
  const chartRows = rows.map((row) => ({
    partnerId: row.partnerId,
    partnerName: partners.get(row.partnerId)?.id ?? row.partnerId,
    byStatus: Object.fromEntries(row.byStatus.map((s) => [s.status, s.count])),
  }));
  const svg = rows.length > 0 ? statusByPartnerChart(chartRows, { title }) : '';
  return (
    <section aria-labelledby="status-per-partner" className="am-chart-section">
      <Heading level={2} id="status-per-partner">
        {title}
      </Heading>
      {/* Markup from our chart module: built from a DOM, text escaped there, no scripts or styles. */}
      {svg && <figure className="am-figure" dangerouslySetInnerHTML={{ __html: svg }} />}
      <Table className="am-table">
        <TableCaption>{title} (de cijfers van de grafiek)</TableCaption>
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
