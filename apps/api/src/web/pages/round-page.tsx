import type { PartnerView, PlanView, RoundItemState, RoundOverview } from '@actiemonitor/read-models';
import { Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { StatusLabel } from '../components/status';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/table';
import { LateMarker } from '../components/update-table';
import { formatCalendarDate, formatInstant } from '../format/dutch-dates';
import { canEdit, canSeeActors } from '../session/viewer';
import { roundState } from './plan-page';

const { Alert, Heading, Paragraph, Link } = Rhc;

export const ROUND_ITEM_LABELS: Record<RoundItemState, string> = {
  MISSING: 'Ontbreekt',
  SUBMITTED: 'Ingediend, in behandeling',
  APPROVED: 'Goedgekeurd',
  RETURNED: 'Teruggestuurd',
};

export interface RoundPageProps {
  context: PageContext;
  overview: RoundOverview;
  plan: PlanView | null;
  partners: Map<string, PartnerView>;
  /** Action titles by id. */
  titles: Map<string, string>;
  /** The page's date (JJJJ-MM-DD). */
  today: string;
  saved: string | null;
}

/** `/rondes/{id}`: who has reported in a round, per owner (counts) and per action (the latest update). */
export function RoundPage({ context, overview, plan, partners, titles, today, saved }: RoundPageProps) {
  const { round, items } = overview;
  const at = peildatumQuery(context);
  const name = (id: string) => partners.get(id)?.name ?? id;
  const late = items.filter((i) => i.update?.late).length;
  // What an owner proposed and a coordinator's comment are for signed-in users, as the updates on the action page are.
  const signedIn = canSeeActors(context.viewer);
  return (
    <Layout title={round.title} context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link> › <Link href={`/plannen/${round.planId}${at}`}>{plan?.title ?? round.planId}</Link> ›
        rapportageronde
      </Paragraph>
      <Heading level={1}>{round.title}</Heading>
      {saved && (
        <Alert type="ok">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      )}
      <dl className="am-facts">
        <dt>Plan</dt>
        <dd>{plan?.title ?? round.planId}</dd>
        <dt>Open</dt>
        <dd>
          van {formatCalendarDate(round.opensOn)} tot en met {formatCalendarDate(round.closesOn)} ({roundState(round, today).toLowerCase()})
        </dd>
        <dt>Geopend op</dt>
        <dd>{formatInstant(round.openedAt)}</dd>
        <dt>Acties</dt>
        <dd>
          {round.actionIds.length} acties; {items.length} updates gevraagd van hun eigenaren
          {late > 0 ? `; ${late} ${late === 1 ? 'update' : 'updates'} te laat` : ''}
        </dd>
      </dl>
      {canEdit(context.viewer) && context.peildatum === null && (
        <Paragraph>
          Ingediende updates beoordeelt u op <Link href={`/beoordelen?plan=${round.planId}`}>Te beoordelen</Link>.
        </Paragraph>
      )}
      <section aria-labelledby="per-partner">
        <Heading level={2} id="per-partner">
          Per partner
        </Heading>
        <Table className="am-table" caption={`Stand per partner — ${round.title}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Partner</TableHeaderCell>
              <TableHeaderCell scope="col">Ingediend</TableHeaderCell>
              <TableHeaderCell scope="col">Goedgekeurd</TableHeaderCell>
              <TableHeaderCell scope="col">Teruggestuurd</TableHeaderCell>
              <TableHeaderCell scope="col">Ontbrekend</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {overview.partners.map((row) => (
              <TableRow key={row.partnerId}>
                <TableHeaderCell scope="row">
                  <Link href={`/partners/${row.partnerId}${at}`}>{name(row.partnerId)}</Link> ({row.partnerId})
                </TableHeaderCell>
                <TableCell className="am-number">{row.submitted}</TableCell>
                <TableCell className="am-number">{row.approved}</TableCell>
                <TableCell className="am-number">{row.returned}</TableCell>
                <TableCell className="am-number">{row.missing}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Paragraph className="am-muted">Ingediend: wacht op beoordeling door een coördinator.</Paragraph>
      </section>
      <section aria-labelledby="per-actie">
        <Heading level={2} id="per-actie">
          Per actie
        </Heading>
        <Table className="am-table" caption={`Stand per actie en eigenaar — ${round.title}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Actie</TableHeaderCell>
              <TableHeaderCell scope="col">Eigenaar</TableHeaderCell>
              <TableHeaderCell scope="col">Stand</TableHeaderCell>
              <TableHeaderCell scope="col">Ingediend op</TableHeaderCell>
              {signedIn && <TableHeaderCell scope="col">Voorstel</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <TableRow key={`${item.actionId}-${item.partnerId}`}>
                <TableCell>
                  <Link href={`/acties/${item.actionId}${at}`}>{titles.get(item.actionId) ?? item.actionId}</Link>
                  <br />
                  <small className="am-muted">{item.actionId}</small>
                </TableCell>
                <TableCell>{item.partnerId}</TableCell>
                <TableCell>
                  {ROUND_ITEM_LABELS[item.state]}
                  {signedIn && item.state === 'RETURNED' && item.update?.returnComment && (
                    <p className="am-note">“{item.update.returnComment}”</p>
                  )}
                </TableCell>
                <TableCell>
                  {item.update ? (
                    <>
                      {formatInstant(item.update.submittedAt)} <LateMarker late={item.update.late} />
                    </>
                  ) : (
                    '—'
                  )}
                </TableCell>
                {signedIn && <TableCell>{item.update ? <StatusLabel status={item.update.status} /> : '—'}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </Layout>
  );
}
