import type { ActionReadout, NeededUpdate, TargetReadout } from '@actiemonitor/application';
import type { PartnerView, PlanView, ProgressUpdateView, RoundView } from '@actiemonitor/read-models';
import { ActionTable } from '../components/action-table';
import type { FormSetup } from '../components/form-parts';
import { StatusLabel } from '../components/status';
import { hrefWith, Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { StatusCountsTable } from '../components/status-counts-table';
import { formatCalendarDate, formatInstant } from '../format/dutch-dates';
import type { StatusCounts } from '../format/plan-summary';
import type { RefusedForm } from '../forms/form-state';
import { UpdateForm } from './progress-forms';

const { Alert, Heading, Paragraph, Link } = Rhc;

/** What the organisation has to report, shown to its own signed-in users. */
export interface Reporting {
  /** Per open round, the actions still without an update from this organisation (or with a returned one). */
  needed: NeededUpdate[];
  /** The targets of those actions, by action id, for the measurement a form may carry. */
  targets: Map<string, TargetReadout[]>;
  /** Its updates waiting for a coordinator. */
  submitted: Array<{ action: ActionReadout; update: ProgressUpdateView }>;
  rounds: Map<string, RoundView>;
}

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
  /** For the organisation's own signed-in users in the present; null for everyone else. */
  reporting: Reporting | null;
  /** What was just saved (after redirect-after-post). */
  saved: string | null;
  forms: FormSetup;
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
export function PartnerPage({
  context,
  partner,
  counts,
  overdue,
  dueSoon,
  soonUntil,
  byPlan,
  partners,
  reporting,
  saved,
  forms,
}: PartnerPageProps) {
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
      {saved && (
        <Alert type="ok">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      )}
      {reporting && <ReportingSection partner={partner} reporting={reporting} forms={forms} />}
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

/**
 * "Bij te werken": per open round, each action the organisation still has to report on, with the update
 * form; then its updates that wait for a coordinator.
 */
function ReportingSection({ partner, reporting, forms }: { partner: PartnerView; reporting: Reporting; forms: FormSetup }) {
  const { needed, submitted, rounds } = reporting;
  const groups = [...new Set(needed.map((n) => n.round.id))].map((id) => needed.filter((n) => n.round.id === id));
  const refused = forms.refused;
  // A refusal for a form no longer on the page (someone else sent the update first): said at the top.
  const elsewhere = refused && !needed.some((n) => `${n.round.id}/${n.action.id}` === refused.itemId) ? refused : null;
  return (
    <section aria-labelledby="bij-te-werken">
      <Heading level={2} id="bij-te-werken">
        Bij te werken
      </Heading>
      {elsewhere && <RefusedElsewhere refused={elsewhere} />}
      {needed.length === 0 ? (
        <Paragraph>Er staat nu geen rapportageronde open waarin {partner.id} nog een voortgangsupdate moet indienen.</Paragraph>
      ) : (
        <Paragraph>
          Open rapportagerondes vragen {partner.id} om een voortgangsupdate voor{' '}
          {needed.length === 1 ? 'één actie' : `${needed.length} acties`}. Een coördinator beoordeelt elke update; pas daarna verandert de
          status van de actie.
        </Paragraph>
      )}
      {groups.map((items) => {
        const round = items[0].round;
        return (
          <div key={round.id} className="am-round">
            <Heading level={3}>
              Ronde <Link href={`/rondes/${round.id}`}>{round.title}</Link>
            </Heading>
            <Paragraph>Open tot en met {formatCalendarDate(round.closesOn)}.</Paragraph>
            {items.map(({ action, returned }) => {
              const headingId = `bij-${round.id}-${action.id}`;
              return (
                <article key={action.id} aria-labelledby={headingId} className="am-update">
                  <Heading level={4} id={headingId}>
                    {action.title}
                  </Heading>
                  <Paragraph>
                    <Link href={`/acties/${action.id}`}>Actie {action.id}</Link>; huidige status <StatusLabel status={action.status} />
                  </Paragraph>
                  {returned && (
                    <Alert type="warning">
                      <Paragraph>
                        <strong>Uw vorige update ({returned.id}) is teruggestuurd</strong>
                        {returned.reviewedAt ? ` op ${formatInstant(returned.reviewedAt)}` : ''}: “{returned.returnComment}”. Dien een
                        nieuwe update in.
                      </Paragraph>
                    </Alert>
                  )}
                  {/* Closed until opened (no script needed), so a long list stays readable; open again when refused. */}
                  <details className="am-details" open={forms.refused?.itemId === `${round.id}/${action.id}` || undefined}>
                    <summary className="am-details__summary" aria-describedby={headingId}>
                      Voortgangsupdate invullen
                    </summary>
                    <UpdateForm
                      postTo={`/partners/${partner.id}/voortgangsupdate`}
                      action={action}
                      targets={reporting.targets.get(action.id) ?? []}
                      round={{ fixed: { id: round.id, label: round.title } }}
                      itemId={`${round.id}/${action.id}`}
                      headingLevel={5}
                      setup={forms}
                    />
                  </details>
                </article>
              );
            })}
          </div>
        );
      })}
      {submitted.length > 0 && (
        <>
          <Heading level={3}>Ingediend, wacht op beoordeling</Heading>
          <ul className="am-submitted">
            {submitted.map(({ action, update }) => {
              const round = update.roundId ? rounds.get(update.roundId) : undefined;
              return (
                <li key={update.id}>
                  <Link href={`/acties/${action.id}`}>{action.title}</Link>: voorstel <StatusLabel status={update.status} />, ingediend{' '}
                  {formatInstant(update.submittedAt)}
                  {round ? ` voor ${round.title}` : ''} ({update.id})
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function RefusedElsewhere({ refused }: { refused: RefusedForm }) {
  const reasons = Object.entries(refused.errors).map(([field, reason]) => (field === '_form' ? reason : `${field}: ${reason}`));
  return (
    <Alert type="error">
      <Paragraph>
        <strong>Niet opgeslagen.</strong>{' '}
        {refused.conflict
          ? 'Iemand anders heeft deze actie gewijzigd nadat u het formulier opende; bekijk de actie en dien zo nodig opnieuw in.'
          : reasons.join(' ')}
      </Paragraph>
    </Alert>
  );
}
