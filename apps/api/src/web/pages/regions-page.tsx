import type { RegionsFile } from '@actiemonitor/application';
import type { PartnerView } from '@actiemonitor/read-models';
import { Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/table';

const { Heading, Paragraph, Link } = Rhc;

export interface RegionsPageProps {
  context: PageContext;
  /** The regions by name, each with the number of actions it owns. */
  regions: Array<{ region: PartnerView; owns: number }>;
  /** Where the list of regions comes from (config/plans/regions.json); null without that file. */
  source: RegionsFile['source'] | null;
}

/** `/regios`: the jeugdzorgregio's, each a link to its partner page, with the actions it owns and the list's source. */
export function RegionsPage({ context, regions, source }: RegionsPageProps) {
  const at = peildatumQuery(context);
  return (
    <Layout title="Jeugdzorgregio’s" context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link> › jeugdzorgregio’s
      </Paragraph>
      <Heading level={1}>Jeugdzorgregio’s</Heading>
      <Paragraph>
        De {regions.length} jeugdzorgregio’s zijn partners zoals andere: een regio kan eigenaar van een actie zijn, erbij betrokken zijn en
        een token hebben. De algemene eigenaar ‘regio’s’ uit de plannen blijft een eigen partner.
      </Paragraph>
      <Table className="am-table" caption={`${regions.length} jeugdzorgregio’s met het aantal acties waarvan zij eigenaar zijn`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Regio</TableHeaderCell>
            <TableHeaderCell scope="col">Eigenaar van acties</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {regions.map(({ region, owns }) => (
            <TableRow key={region.id}>
              <TableHeaderCell scope="row">
                <Link href={`/partners/${encodeURIComponent(region.id)}${at}`}>{region.name}</Link> ({region.id})
              </TableHeaderCell>
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
