import type { ActionReadout } from '@actiemonitor/application';
import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { ActionTable } from '../components/action-table';
import { hrefWith, Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/table';
import { formatCalendarDate } from '../format/dutch-dates';
import type { StatusCounts } from '../format/plan-summary';
import { ACTION_STATUSES, STATUS_LABELS } from '../status-labels';

const { Heading, Paragraph, Link } = Rhc;

export interface PartnerPageProps {
  context: PageContext;
  partner: PartnerView;
  counts: StatusCounts;
  overdue: ActionReadout[];
  dueSoon: ActionReadout[];
  /** Until when "soon" reaches (three months after the page's date). */
  soonUntil: string;
  byPlan: Array<{ plan: PlanView | null; planId: string; actions: ActionReadout[] }>;
  partners: Map<string, PartnerView>;
}

/** `/partners/{id}`: where this partner's actions stand; overdue first, then what is due within three months. */
export function PartnerPage({ context, partner, counts, overdue, dueSoon, soonUntil, byPlan, partners }: PartnerPageProps) {
  const at = peildatumQuery(context);
  const download = hrefWith(`/partners/${partner.id}/acties.csv`, {}, context.peildatum?.input ?? null);
  return (
    <Layout title={`${partner.name} — acties`} context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link> › partner {partner.id}
      </Paragraph>
      <Heading level={1}>
        {partner.name} ({partner.id})
      </Heading>
      <Paragraph>
        Eigenaar van {counts.total} {counts.total === 1 ? 'actie' : 'acties'}; <strong>{counts.overdue} over de termijn</strong>.{' '}
        <Link href={download}>Download de acties voor Excel (CSV)</Link>
      </Paragraph>
      <Table className="am-table">
        <TableCaption>Acties van {partner.id} per status</TableCaption>
        <TableHeader>
          <TableRow>
            {ACTION_STATUSES.map((s) => (
              <TableHeaderCell key={s} scope="col">
                {STATUS_LABELS[s]}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            {ACTION_STATUSES.map((s) => (
              <TableCell key={s} className="am-number">
                {counts.byStatus[s]}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
      <section aria-labelledby="over-termijn">
        <Heading level={2} id="over-termijn">
          Over de termijn
        </Heading>
        {overdue.length === 0 ? <Paragraph>Geen acties over de termijn.</Paragraph> : <ActionTable caption="Acties waarvan de termijn verstreken is" actions={overdue} partners={partners} at={at} />}
      </section>
      <section aria-labelledby="binnenkort">
        <Heading level={2} id="binnenkort">
          Termijn in de komende drie maanden
        </Heading>
        {dueSoon.length === 0 ? (
          <Paragraph>Geen acties met een termijn tot en met {formatCalendarDate(soonUntil)}.</Paragraph>
        ) : (
          <ActionTable caption={`Termijn tot en met ${formatCalendarDate(soonUntil)}`} actions={dueSoon} partners={partners} at={at} />
        )}
      </section>
      <section aria-labelledby="alle-acties">
        <Heading level={2} id="alle-acties">
          Alle acties
        </Heading>
        {byPlan.length === 0 && <Paragraph>Deze partner is (nog) geen eigenaar van een actie.</Paragraph>}
        {byPlan.map(({ plan, planId, actions }) => (
          <ActionTable key={planId} caption={plan?.title ?? planId} actions={actions} partners={partners} at={at} />
        ))}
      </section>
    </Layout>
  );
}
