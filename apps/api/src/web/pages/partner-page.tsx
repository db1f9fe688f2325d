import type { ActionReadout } from '@actiemonitor/application';
import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { ActionTable } from '../components/action-table';
import { hrefWith, Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { StatusCountsTable } from '../components/status-counts-table';
import { formatCalendarDate } from '../format/dutch-dates';
import type { StatusCounts } from '../format/plan-summary';

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

/** A table shows this many actions at most: a large partner's full list is one filter or download away. */
const TABLE_LIMIT = 100;

function Remainder({ shown, total, href, what }: { shown: number; total: number; href: string; what: string }) {
  if (total <= shown) return null;
  return (
    <Paragraph>
      En nog {total - shown} {what}: <Link href={href}>bekijk ze allemaal</Link>.
    </Paragraph>
  );
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
      <StatusCountsTable caption={`Acties van ${partner.id} per status`} byStatus={counts.byStatus} />
      <section aria-labelledby="over-termijn">
        <Heading level={2} id="over-termijn">
          Over de termijn
        </Heading>
        {overdue.length === 0 ? (
          <Paragraph>Geen acties over de termijn.</Paragraph>
        ) : (
          <ActionTable
            caption="Acties waarvan de termijn verstreken is"
            actions={overdue.slice(0, TABLE_LIMIT)}
            partners={partners}
            at={at}
          />
        )}
        <Remainder shown={TABLE_LIMIT} total={overdue.length} href={download} what="acties over de termijn staan in de download" />
      </section>
      <section aria-labelledby="binnenkort">
        <Heading level={2} id="binnenkort">
          Termijn in de komende drie maanden
        </Heading>
        {dueSoon.length === 0 ? (
          <Paragraph>Geen acties met een termijn tot en met {formatCalendarDate(soonUntil)}.</Paragraph>
        ) : (
          <ActionTable
            caption={`Termijn tot en met ${formatCalendarDate(soonUntil)}`}
            actions={dueSoon.slice(0, TABLE_LIMIT)}
            partners={partners}
            at={at}
          />
        )}
      </section>
      <section aria-labelledby="alle-acties">
        <Heading level={2} id="alle-acties">
          Alle acties
        </Heading>
        {byPlan.length === 0 && <Paragraph>Deze partner is (nog) geen eigenaar van een actie.</Paragraph>}
        {byPlan.map(({ plan, planId, actions }) => (
          <div key={planId}>
            <ActionTable caption={plan?.title ?? planId} actions={actions.slice(0, TABLE_LIMIT)} partners={partners} at={at} />
            <Remainder
              shown={TABLE_LIMIT}
              total={actions.length}
              href={hrefWith(`/plannen/${planId}`, { partner: partner.id }, context.peildatum?.input ?? null)}
              what={`acties in ${plan?.title ?? planId}`}
            />
          </div>
        ))}
      </section>
    </Layout>
  );
}
