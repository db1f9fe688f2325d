import { DEFAULT_STALE_DAYS } from '@actiemonitor/application';
import type { ActionView, PartnerView, PlanView } from '@actiemonitor/read-models';
import { daysBefore, dutchCalendarDate } from '@actiemonitor/read-models';
import { ActionTitleCell, ownerNames } from '../components/action-table';
import { Field } from '../components/fields';
import { hrefWith, Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { StatusLabel } from '../components/status';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/table';
import { formatCalendarDate, formatInstant } from '../format/dutch-dates';

const { Button, Heading, Paragraph, Link } = Rhc;

export interface StalePageProps {
  context: PageContext;
  plans: PlanView[];
  partners: Map<string, PartnerView>;
  /** The form's values as given, and why `dagen` was refused. */
  filter: { planId: string | null; partnerId: string | null; days: string; daysError: string | null };
  /** The number of days the list is for; null when the input was refused. */
  days: number | null;
  byPlan: Array<{ plan: PlanView; actions: ActionView[] }>;
  /** The page's date (JJJJ-MM-DD). */
  today: string;
}

/** Whole days from the date of an instant (in the Netherlands) to `today`. */
function daysSince(instant: string, today: string): number {
  const from = Date.parse(`${dutchCalendarDate(new Date(instant))}T12:00:00Z`);
  return Math.round((Date.parse(`${today}T12:00:00Z`) - from) / 86_400_000);
}

/** `/verouderd`: open actions whose status nobody reported in the last so many days, per plan and per owner. */
export function StalePage({ context, plans, partners, filter, days, byPlan, today }: StalePageProps) {
  const at = peildatumQuery(context);
  const all = [...new Map(byPlan.flatMap((g) => g.actions).map((a) => [a.id, a])).values()];
  const perOwner = new Map<string, number>();
  for (const action of all) for (const owner of action.owners) perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
  const owners = [...perOwner.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const partnerOptions = [...partners.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  // Each owner's row leads to this list for that owner alone, keeping the plan, the days and the moment.
  const ownerList = (id: string) =>
    hrefWith(
      context.path,
      { ...(filter.planId ? { plan: filter.planId } : {}), partner: id, ...(filter.days ? { dagen: filter.days } : {}) },
      context.peildatum?.input ?? null,
    );
  return (
    <Layout title="Acties zonder recente statusmelding" context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link> › acties zonder recente statusmelding
      </Paragraph>
      <Heading level={1}>Acties zonder recente statusmelding</Heading>
      <Paragraph>
        Lopende acties (niet afgerond of gestopt) waarvan de status nooit of niet in de gekozen periode is gemeld: door een coördinator, of
        met een goedgekeurde voortgangsupdate.
      </Paragraph>
      <form method="get" action={context.path} className="am-filters" aria-label="Verouderde acties zoeken">
        {context.peildatum && <input type="hidden" name="peildatum" value={context.peildatum.input} />}
        <Field id="filter-plan" label="Plan">
          {(props) => (
            <select {...props} name="plan" defaultValue={filter.planId ?? ''} className="utrecht-select utrecht-select--html-select">
              <option value="">Alle plannen</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-partner" label="Partner">
          {(props) => (
            <select {...props} name="partner" defaultValue={filter.partnerId ?? ''} className="utrecht-select utrecht-select--html-select">
              <option value="">Alle partners</option>
              {partnerOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.id})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="dagen" label="Dagen zonder melding" description={`Standaard ${DEFAULT_STALE_DAYS}.`} error={filter.daysError}>
          {(props) => (
            <input
              {...props}
              name="dagen"
              type="text"
              inputMode="numeric"
              defaultValue={filter.days === '' ? String(DEFAULT_STALE_DAYS) : filter.days}
              className="utrecht-textbox utrecht-textbox--html-input am-filters__days"
            />
          )}
        </Field>
        <Button appearance="secondary-action-button" type="submit">
          Tonen
        </Button>
      </form>
      {days !== null && (
        <>
          <Paragraph role="status">
            {all.length === 0 ? 'Geen acties' : all.length === 1 ? 'Eén actie' : `${all.length} acties`} zonder statusmelding sinds{' '}
            {formatCalendarDate(daysBefore(today, days))} ({days} dagen).
          </Paragraph>
          {owners.length > 0 && (
            <section aria-labelledby="per-partner">
              <Heading level={2} id="per-partner">
                Per partner
              </Heading>
              <Table className="am-table" caption="Verouderde acties per eigenaar (een naam toont alleen diens acties)">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Partner</TableHeaderCell>
                    <TableHeaderCell scope="col">Acties</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {owners.map(([id, count]) => (
                    <TableRow key={id}>
                      <TableHeaderCell scope="row">
                        <Link href={ownerList(id)}>{partners.get(id)?.name ?? id}</Link> ({id})
                      </TableHeaderCell>
                      <TableCell className="am-number">{count}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
          )}
          {byPlan.map(({ plan, actions }) => (
            <section key={plan.id} aria-labelledby={`plan-${plan.id}`}>
              <Heading level={2} id={`plan-${plan.id}`}>
                {plan.title}
              </Heading>
              {actions.length === 0 ? (
                <Paragraph>Geen verouderde acties.</Paragraph>
              ) : (
                <Table className="am-table" caption={`Verouderde acties — ${plan.title}`}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">Actie</TableHeaderCell>
                      <TableHeaderCell scope="col">Eigenaren</TableHeaderCell>
                      <TableHeaderCell scope="col">Status</TableHeaderCell>
                      <TableHeaderCell scope="col">Laatste melding</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {actions.map((action) => (
                      <TableRow key={action.id}>
                        <ActionTitleCell action={action} at={at} />
                        <TableCell>{ownerNames(action.owners, partners)}</TableCell>
                        <TableCell>
                          <StatusLabel status={action.status} />
                        </TableCell>
                        <TableCell>
                          {action.statusChangedAt
                            ? `${formatInstant(action.statusChangedAt)} (${daysSince(action.statusChangedAt, today)} dagen geleden)`
                            : 'Nog nooit'}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}
