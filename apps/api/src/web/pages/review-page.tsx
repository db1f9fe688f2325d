import type { PendingUpdate } from '@actiemonitor/application';
import { isLate, PartnerView, PlanView, RoundView } from '@actiemonitor/read-models';
import { Field } from '../components/fields';
import { FormProblems, FormSetup } from '../components/form-parts';
import { Layout } from '../components/layout';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { StatusLabel } from '../components/status';
import { EvidenceLink, LateMarker, measurementText } from '../components/update-table';
import { formatCalendarDate, formatInstant } from '../format/dutch-dates';
import { ReviewForms } from './progress-forms';

const { Alert, Button, Heading, Paragraph, Link } = Rhc;

export interface ReviewPageProps {
  context: PageContext;
  plans: PlanView[];
  /** The plan the list is limited to (`?plan=`), or null for all. */
  planId: string | null;
  pending: PendingUpdate[];
  partners: Map<string, PartnerView>;
  rounds: Map<string, RoundView>;
  targets: Map<string, { description: string; unit: string | null }>;
  saved: string | null;
  forms: FormSetup;
}

/** `/beoordelen`: every update waiting for a coordinator, oldest first, with what it proposes against what is. */
export function ReviewPage({ context, plans, planId, pending, partners, rounds, targets, saved, forms }: ReviewPageProps) {
  const name = (id: string) => partners.get(id)?.name ?? id;
  const refused = forms.refused;
  const elsewhere = refused && !pending.some((p) => p.update.id === refused.itemId) ? refused : null;
  return (
    <Layout title="Te beoordelen" context={context}>
      <Paragraph>
        <Link href="/">Plannen</Link> › Te beoordelen
      </Paragraph>
      <Heading level={1}>Te beoordelen</Heading>
      <Paragraph>
        Voortgangsupdates van eigenaren, oudste eerst. Goedkeuren maakt de voorgestelde status de status van de actie; terugsturen vraagt de
        eigenaar om een nieuwe update, met uw opmerking.
      </Paragraph>
      {saved && (
        <Alert type="ok">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      )}
      {elsewhere && <FormProblems refused={elsewhere} />}
      <form method="get" action={context.path} className="am-filters" aria-label="Updates filteren">
        <Field id="filter-plan" label="Plan">
          {(props) => (
            <select {...props} name="plan" defaultValue={planId ?? ''} className="utrecht-select utrecht-select--html-select">
              <option value="">Alle plannen</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button appearance="secondary-action-button" type="submit">
          Filteren
        </Button>
      </form>
      <Paragraph role="status">
        {pending.length === 0
          ? 'Er wachten geen voortgangsupdates op beoordeling.'
          : `${pending.length === 1 ? 'Eén update wacht' : `${pending.length} updates wachten`} op beoordeling.`}
      </Paragraph>
      {pending.map(({ action, update }) => {
        const round = update.roundId ? rounds.get(update.roundId) : undefined;
        const headingId = `update-${update.id}`;
        return (
          <article key={update.id} aria-labelledby={headingId} className="am-review">
            <Heading level={2} id={headingId}>
              {action.title} <small className="am-muted">({update.id})</small>
            </Heading>
            <dl className="am-facts">
              <dt>Actie</dt>
              <dd>
                <Link href={`/acties/${action.id}`}>{action.id}</Link>
              </dd>
              <dt>Ingediend</dt>
              <dd>
                {formatInstant(update.submittedAt)} door {name(update.partnerId)} ({update.partnerId}){' '}
                {round && <LateMarker late={isLate(update, round)} />}
              </dd>
              <dt>Ronde</dt>
              <dd>
                {round ? (
                  <>
                    <Link href={`/rondes/${round.id}`}>{round.title}</Link> (tot en met {formatCalendarDate(round.closesOn)})
                  </>
                ) : (
                  'Geen ronde (tussentijdse update)'
                )}
              </dd>
              <dt>Huidige status</dt>
              <dd>
                <StatusLabel status={action.status} />
                {action.statusNote && <p className="am-note">{action.statusNote}</p>}
              </dd>
              <dt>Voorgestelde status</dt>
              <dd>
                <StatusLabel status={update.status} />
              </dd>
              <dt>Toelichting</dt>
              <dd>{update.note ?? '—'}</dd>
              <dt>Meting</dt>
              <dd>{measurementText(update.measurement, targets)}</dd>
              <dt>Onderbouwing</dt>
              <dd>
                <EvidenceLink url={update.evidenceUrl} />
              </dd>
            </dl>
            <ReviewForms
              actionId={action.id}
              actionVersion={action.version}
              updateId={update.id}
              describedBy={headingId}
              hasMeasurement={update.measurement !== null}
              setup={forms}
            />
          </article>
        );
      })}
    </Layout>
  );
}
