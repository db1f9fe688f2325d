import type { RegionsFile } from '@actiemonitor/application';
import type { ActionStatus } from '@actiemonitor/domain';
import type { PartnerView } from '@actiemonitor/read-models';
import { Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/table';
import { ACTION_STATUSES, STATUS_LABELS } from '../status-labels';

const { Heading, Paragraph, Link } = Rhc;

export interface RegionRow {
  region: PartnerView;
  /** National actions it owns (or shares). */
  owns: number;
  /** Its regional actions (in its regional plans), per status. */
  byStatus: Record<ActionStatus, number>;
  regionalActions: number;
}

export interface RegionsPageProps {
  context: PageContext;
  /** The regions by name. */
  regions: RegionRow[];
  /** Where the list of regions comes from (config/plans/regions.json); null without that file. */
  source: RegionsFile['source'] | null;
}

/** `/regios`: the jeugdzorgregio's, each with its regional actions per status and a link to its page, and the list's source. */
export function RegionsPage({ context, regions, source }: RegionsPageProps) {
  const at = peildatumQuery(context);
  const active = regions.filter((r) => r.regionalActions > 0).length;
  // The last column: national actions the region owns or shares (the caption says so).
  return (
    <Layout title="Jeugdzorgregio’s" context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link> › jeugdzorgregio’s
      </Paragraph>
      <Heading level={1}>Jeugdzorgregio’s</Heading>
      <Paragraph>
        De landelijke acties krijgen ‘lokaal en regionaal invulling’: een regio pakt een landelijke actie op in een eigen regionale
        uitvoering, of legt een eigen regionaal plan vast. {active} van de {regions.length} regio’s {active === 1 ? 'heeft' : 'hebben'}{' '}
        regionale acties. Een regio kan ook eigenaar van een landelijke actie zijn; de algemene eigenaar ‘regio’s’ uit de plannen blijft een
        eigen partner.
      </Paragraph>
      <Table
        className="am-table"
        caption={`${regions.length} jeugdzorgregio’s: hun regionale acties per status, en de landelijke acties waarvan zij (mede-)eigenaar zijn`}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Regio</TableHeaderCell>
            <TableHeaderCell scope="col">Regionale acties</TableHeaderCell>
            {ACTION_STATUSES.map((s) => (
              <TableHeaderCell key={s} scope="col">
                {STATUS_LABELS[s]}
              </TableHeaderCell>
            ))}
            <TableHeaderCell scope="col">Landelijke acties</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {regions.map(({ region, owns, byStatus, regionalActions }) => (
            <TableRow key={region.id}>
              <TableHeaderCell scope="row">
                <Link href={`/regios/${encodeURIComponent(region.id)}${at}`}>{region.name}</Link>
              </TableHeaderCell>
              <TableCell className="am-number">{regionalActions}</TableCell>
              {ACTION_STATUSES.map((s) => (
                <TableCell key={s} className="am-number">
                  {byStatus[s]}
                </TableCell>
              ))}
              <TableCell className="am-number">{owns}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <section aria-labelledby="bron">
        <Heading level={2} id="bron">
          Bron van de lijst
        </Heading>
        {source ? (
          <Paragraph>
            {source.publisher}, {source.title} (versie {source.version}). Overgenomen uit {source.retrievedFrom}.
          </Paragraph>
        ) : (
          <Paragraph>Er is geen bronbestand van de regio’s ingelezen.</Paragraph>
        )}
      </section>
    </Layout>
  );
}
