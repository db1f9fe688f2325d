import type { ActionReadout } from '@actiemonitor/application';
import type { PartnerStatusRow, PartnerView, PlanView, RoundView } from '@actiemonitor/read-models';
import { ActionTable } from '../components/action-table';
import { Field } from '../components/fields';
import type { FormSetup } from '../components/form-parts';
import { hrefWith, Layout } from '../components/layout';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { StatusByPartner } from '../components/status-chart';
import { peildatumQuery } from '../components/links';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/table';
import { formatCalendarDate } from '../format/dutch-dates';
import { ActionFilters, filterParams } from '../format/action-filters';
import { actionLineIn } from '../format/plan-summary';
import { ACTION_STATUSES, STATUS_LABELS } from '../status-labels';
import { OpenRoundForm } from './progress-forms';
import { LineContext, NO_PLAN_SURROUNDINGS, PlanSurroundings, PlanSurroundingsSections } from './plan-surroundings';

const { Button, Heading, Paragraph, Link } = Rhc;

export interface PlanPageProps {
  context: PageContext;
  plan: PlanView;
  actions: ActionReadout[];
  filters: ActionFilters;
  /** Partners owning actions in this plan, for the filter. */
  owners: PartnerView[];
  partners: Map<string, PartnerView>;
  statusRows: PartnerStatusRow[];
  /** The statuses-per-partner chart as SVG markup. */
  chart: string;
  /** The plan's reporting rounds (opened by the page's moment). */
  rounds: RoundView[];
  /** The page's date (JJJJ-MM-DD), to say which rounds are open. */
  today: string;
  /** For coordinators in the present: the form to open a round; null for everyone else. */
  roundForm: FormSetup | null;
  /** Kamerstukken, themes and context figures of the plan (at the page's moment). */
  surroundings?: PlanSurroundings;
  /** All of the plan's actions, unfiltered (the themes name them). */
  all?: ActionReadout[];
}

export const STATUS_CHART_TITLE = 'Statussen per partner';

/** `/plannen/{id}`: the action lines with their actions, filters as GET parameters, statuses per partner. */
export function PlanPage({
  context,
  plan,
  actions,
  filters,
  owners,
  partners,
  statusRows,
  chart,
  rounds,
  today,
  roundForm,
  surroundings = NO_PLAN_SURROUNDINGS,
  all = actions,
}: PlanPageProps) {
  const at = peildatumQuery(context);
  const download = hrefWith(`/plannen/${plan.id}/acties.csv`, filterParams(filters), context.peildatum?.input ?? null);
  const filtered = filters.partner !== null || filters.status !== null || filters.overdue;
  return (
    <Layout title={plan.title} context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link> › {plan.title}
      </Paragraph>
      <Heading level={1}>{plan.title}</Heading>
      <Paragraph>
        Looptijd {plan.period.text}
        {plan.sourceDocument ? ` · bron: ${plan.sourceDocument}` : ''}
      </Paragraph>
      <Paragraph>
        <Link href="#rapportagerondes">Rapportagerondes</Link> ·{' '}
        <Link href={hrefWith('/verouderd', { plan: plan.id }, context.peildatum?.input ?? null)}>Acties zonder recente statusmelding</Link>
      </Paragraph>
      <form method="get" action={context.path} className="am-filters" aria-label="Acties filteren">
        {context.peildatum && <input type="hidden" name="peildatum" value={context.peildatum.input} />}
        <Field id="filter-partner" label="Partner">
          {(props) => (
            <select {...props} name="partner" defaultValue={filters.partner ?? ''} className="utrecht-select utrecht-select--html-select">
              <option value="">Alle partners</option>
              {owners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.id})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-status" label="Status">
          {(props) => (
            <select {...props} name="status" defaultValue={filters.status ?? ''} className="utrecht-select utrecht-select--html-select">
              <option value="">Alle statussen</option>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="utrecht-form-field utrecht-form-field--checkbox am-filters__checkbox">
          <input
            type="checkbox"
            id="filter-overdue"
            name="overdue"
            value="ja"
            defaultChecked={filters.overdue}
            className="utrecht-checkbox utrecht-checkbox--html-input"
          />{' '}
          <label htmlFor="filter-overdue" className="utrecht-form-label utrecht-form-label--checkbox">
            Alleen acties waarvan de termijn verstreken is
          </label>
        </div>
        <Button appearance="secondary-action-button" type="submit">
          Filteren
        </Button>
        {filtered && <Link href={`${context.path}${at}`}>Filters wissen</Link>}
      </form>
      <Paragraph>
        {actions.length} {actions.length === 1 ? 'actie' : 'acties'}
        {filtered ? ' (gefilterd)' : ''}. <Link href={download}>Download deze tabel voor Excel (CSV)</Link>
      </Paragraph>
      {plan.actionLines.map((line) => {
        const inLine = actions.filter((a) => actionLineIn(a, plan.id) === line.id);
        if (filtered && inLine.length === 0) return null;
        return (
          <section key={line.id} aria-labelledby={`actielijn-${line.id}`}>
            <Heading level={2} id={`actielijn-${line.id}`}>
              Actielijn {line.code}. {line.title}
            </Heading>
            {inLine.length === 0 ? (
              <Paragraph>Geen acties.</Paragraph>
            ) : (
              <ActionTable caption={`Acties in actielijn ${line.code}`} actions={inLine} partners={partners} at={at} />
            )}
            <LineContext
              series={surroundings.contextSeries.filter((s) => s.actionLineId === line.id)}
              targetNames={surroundings.targetNames}
            />
          </section>
        );
      })}
      <PlanSurroundingsSections plan={plan} surroundings={surroundings} actions={all} at={at} />
      <StatusByPartner rows={statusRows} partners={partners} title={STATUS_CHART_TITLE} at={at} svg={chart} />
      <section aria-labelledby="rapportagerondes">
        <Heading level={2} id="rapportagerondes">
          Rapportagerondes
        </Heading>
        {rounds.length === 0 ? (
          <Paragraph>Voor dit plan is nog geen rapportageronde geopend.</Paragraph>
        ) : (
          <RoundsTable rounds={rounds} today={today} at={at} />
        )}
        {roundForm && <OpenRoundForm planId={plan.id} today={today} setup={roundForm} />}
      </section>
    </Layout>
  );
}

/** Open, closed or not yet open on a date. */
export function roundState(round: Pick<RoundView, 'opensOn' | 'closesOn'>, today: string): string {
  if (today < round.opensOn) return 'Nog niet open';
  return today > round.closesOn ? 'Gesloten' : 'Open';
}

function RoundsTable({ rounds, today, at }: { rounds: RoundView[]; today: string; at: string }) {
  return (
    <Table className="am-table" caption="Rapportagerondes van dit plan">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Ronde</TableHeaderCell>
          <TableHeaderCell scope="col">Open van</TableHeaderCell>
          <TableHeaderCell scope="col">Tot en met</TableHeaderCell>
          <TableHeaderCell scope="col">Stand</TableHeaderCell>
          <TableHeaderCell scope="col">Acties</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...rounds]
          .sort((a, b) => b.opensOn.localeCompare(a.opensOn))
          .map((round) => (
            <TableRow key={round.id}>
              <TableCell>
                <Link href={`/rondes/${round.id}${at}`}>{round.title}</Link>
              </TableCell>
              <TableCell>{formatCalendarDate(round.opensOn)}</TableCell>
              <TableCell>{formatCalendarDate(round.closesOn)}</TableCell>
              <TableCell>{roundState(round, today)}</TableCell>
              <TableCell className="am-number">{round.actionIds.length}</TableCell>
            </TableRow>
          ))}
      </TableBody>
    </Table>
  );
}
