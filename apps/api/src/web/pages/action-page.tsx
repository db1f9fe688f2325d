import { ActionReferencesAndThemes, ActionSurroundings, NO_SURROUNDINGS, TargetContext } from './action-surroundings';
import type { ActionReadout, TargetReadout } from '@actiemonitor/application';
import type { InvolvementRole } from '@actiemonitor/domain';
import type { ReactNode } from 'react';
import type { MeetingView, PartnerView, PlanView, RegionalRollUp, RegionalTotal, RoundView } from '@actiemonitor/read-models';
import { measurementChart } from '../charts';
import { Deadline } from '../components/deadline';
import { Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Table, TableHeader, TableRow, TableHeaderCell, TableBody, TableCell } from '../components/table';
import { Rhc } from '../components/rhc';
import { OverdueMarker, StatusLabel } from '../components/status';
import { UpdateTable } from '../components/update-table';
import { formatCalendarDate, formatInstant } from '../format/dutch-dates';
import type { HistoryLine } from '../format/history-sentence';
import { actionLineIn } from '../format/plan-summary';
import { canEdit, canSeeActors } from '../session/viewer';
import { CorrectMeasurementForm, CorrectStatusForm, FormSetup, MeasurementForm, RescheduleForm, StatusForm } from './action-forms';
import { RoundChoice, UpdateForm } from './progress-forms';
import { RegionalFacts, RegionalFigures, RegionalRollUpSection } from './regional-sections';

const { Alert, Heading, Paragraph, Link } = Rhc;

const INVOLVEMENT_LABELS: Record<InvolvementRole, string> = {
  FINANCIER: 'financiert',
  COLLABORATOR: 'werkt samen',
  CONSULTED: 'wordt geraadpleegd',
  CONTRIBUTOR: 'werkt mee',
  SUPPORTER: 'ondersteunt',
};

export interface ActionPageProps {
  context: PageContext;
  action: ActionReadout;
  plans: PlanView[];
  partners: Map<string, PartnerView>;
  targets: TargetReadout[];
  history: HistoryLine[];
  /** The version of the latest status report, which a correction names; null when there is none. */
  reportVersion: number | null;
  /** What was just saved (after redirect-after-post). */
  saved: string | null;
  forms: FormSetup;
  /** The reporting rounds the action is in (at the page's moment), by id. */
  rounds: Map<string, RoundView>;
  /** For an owner in the present: the rounds they can report in (none is fine: an update outside a round); else null. */
  updateRounds: RoundChoice[] | null;
  /** The meeting where the action was agreed (at the page's moment), if it was. */
  meeting?: MeetingView | null;
  /** The regional level of the action (see RegionalView). */
  regional: RegionalView;
  /** The kamerstukken, themes and context figures around the action (at the page's moment); empty when none. */
  surroundings?: ActionSurroundings;
}

/** What the page shows and offers on the regional level, read for this viewer at this moment. */
export interface RegionalView {
  /** A national action's regional instances (none for a regional action). */
  instances: ActionReadout[];
  rollUp: RegionalRollUp;
  regionCount: number;
  takeUpRegions: PartnerView[];
  /** The regions the viewer may record figures for, for this action's targets. */
  figureRegions: PartnerView[];
  totals: Map<string, RegionalTotal | null>;
  /** A region's own token on its own regional action: it reports status here. */
  reportsAsRegion: boolean;
}

const number = (value: number | null, unit: string | null = null) =>
  value === null ? '—' : `${value.toLocaleString('nl-NL', { maximumFractionDigits: 2 })}${unit ? ` ${unit}` : ''}`;

/** `/acties/{id}`: everything about one action, its targets and its history in plain Dutch; coordinators edit here. */
export function ActionPage({
  context,
  action,
  plans,
  partners,
  targets,
  history,
  reportVersion,
  saved,
  forms,
  rounds,
  updateRounds,
  meeting = null,
  regional,
  surroundings = NO_SURROUNDINGS,
}: ActionPageProps) {
  const at = peildatumQuery(context);
  const name = (id: string) => partners.get(id)?.name ?? id;
  const editable = canEdit(context.viewer) && context.peildatum === null;
  const reportsAsRegion = regional.reportsAsRegion && context.peildatum === null;
  return (
    <Layout title={action.title} context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link>
        {plans.map((plan) => {
          const line = plan.actionLines.find((l) => l.id === actionLineIn(action, plan.id));
          return (
            <span key={plan.id}>
              {' '}
              › <Link href={`/plannen/${plan.id}${at}`}>{plan.title}</Link>
              {line ? ` › actielijn ${line.code}. ${line.title}` : ''}
            </span>
          );
        })}
      </Paragraph>
      <Heading level={1}>{action.title}</Heading>
      {saved && (
        <Alert type="ok">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      )}
      <dl className="am-facts">
        <dt>Status</dt>
        <dd>
          <StatusLabel status={action.status} /> {action.overdue && <OverdueMarker overdue />}
          {action.statusNote && <p className="am-note">{action.statusNote}</p>}
          {action.statusChangedAt && <p className="am-muted">Gemeld op {formatInstant(action.statusChangedAt)}</p>}
          {action.statusCorrection && <p className="am-muted">Gecorrigeerd: {action.statusCorrection.reason}</p>}
        </dd>
        {meeting && (
          <>
            <dt>Afspraak</dt>
            <dd>
              Afgesproken in overleg <Link href={`/overleggen/${meeting.id}${at}`}>{meeting.subject}</Link> van{' '}
              {formatCalendarDate(meeting.heldOn)}
            </dd>
          </>
        )}
        <RegionalFacts action={action} partners={partners} at={at} />
        <dt>Resultaat</dt>
        <dd>{action.result ?? <span className="am-muted">niet beschreven</span>}</dd>
        <dt>Eigenaren</dt>
        <dd>
          <ul className="am-inline-list">
            {action.owners.map((id) => (
              <li key={id}>
                <Link href={`/partners/${id}${at}`}>{name(id)}</Link> (eigenaar)
              </li>
            ))}
            {action.involved.map((inv) => (
              <li key={`${inv.partnerId}-${inv.role}`}>
                <Link href={`/partners/${inv.partnerId}${at}`}>{name(inv.partnerId)}</Link> ({INVOLVEMENT_LABELS[inv.role] ?? inv.role})
              </li>
            ))}
          </ul>
          {action.ownerScope && <p className="am-muted">{action.ownerScope}</p>}
        </dd>
        <dt>Termijn</dt>
        <dd>
          <Deadline deadline={action.deadline} />
          {action.deadline?.readingNote && <p className="am-muted">Gelezen als: {action.deadline.readingNote}</p>}
        </dd>
        {action.provenance.sourceText && (
          <>
            <dt>Tekst in het plan</dt>
            <dd>
              <blockquote className="am-source">{action.provenance.sourceText}</blockquote>
              {action.provenance.origin && <p className="am-muted">Bron: {action.provenance.origin}</p>}
            </dd>
          </>
        )}
        <dt>Versie</dt>
        <dd>
          {action.version} (id {action.id})
        </dd>
      </dl>

      {editable && (
        <section aria-labelledby="bijwerken" className="am-edit">
          <Heading level={2} id="bijwerken">
            Bijwerken
          </Heading>
          <StatusForm action={action} setup={forms} />
          <RescheduleForm action={action} setup={forms} />
          <CorrectStatusForm action={action} reportVersion={reportVersion} setup={forms} />
        </section>
      )}
      {!editable && reportsAsRegion && (
        <section aria-labelledby="bijwerken" className="am-edit">
          <Heading level={2} id="bijwerken">
            Rapporteren voor de regio
          </Heading>
          <StatusForm action={action} setup={forms} />
          <CorrectStatusForm action={action} reportVersion={reportVersion} setup={forms} />
        </section>
      )}
      {!action.regionId && (
        <RegionalRollUpSection
          action={action}
          instances={regional.instances}
          rollUp={regional.rollUp}
          regionCount={regional.regionCount}
          partners={partners}
          takeUpRegions={regional.takeUpRegions}
          forms={forms}
          at={at}
        />
      )}
      {canEdit(context.viewer) && context.peildatum !== null && (
        <Paragraph>U bekijkt een eerdere stand; bijwerken kan alleen in de stand van nu.</Paragraph>
      )}

      <UpdatesSection
        context={context}
        action={action}
        targets={targets}
        rounds={rounds}
        updateRounds={updateRounds}
        forms={forms}
        at={at}
      />

      <section aria-labelledby="doelen">
        <Heading level={2} id="doelen">
          Doelen en metingen
        </Heading>
        {targets.length === 0 && <Paragraph>Bij deze actie zijn geen meetbare doelen vastgelegd.</Paragraph>}
        {targets.map((target) => (
          <TargetSection key={target.id} actionId={action.id} target={target} editable={editable} forms={forms}>
            <RegionalFigures
              actionId={action.id}
              target={target}
              total={regional.totals.get(target.id) ?? null}
              partners={partners}
              figureRegions={regional.figureRegions}
              forms={forms}
            />
            <TargetContext series={surroundings.contextSeries.filter((s) => s.targetIds.includes(target.id))} />
          </TargetSection>
        ))}
      </section>

      <ActionReferencesAndThemes action={action} surroundings={surroundings} at={at} />

      <section aria-labelledby="geschiedenis">
        <Heading level={2} id="geschiedenis">
          Geschiedenis
        </Heading>
        <ol className="am-history">
          {[...history].reverse().map((line) => (
            <li key={line.position}>{line.sentence}</li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

function TargetSection({
  actionId,
  target,
  editable,
  forms,
  children,
}: {
  actionId: string;
  target: TargetReadout;
  editable: boolean;
  forms: FormSetup;
  /** What the regions add to the target (their own figures). */
  children?: ReactNode;
}) {
  const svg = measurementChart({
    description: target.description,
    unit: target.unit,
    baseline: target.baseline,
    baselineDate: target.baselineDate,
    targetValue: target.targetValue,
    dueDate: target.dueDate,
    measurements: target.measurements.map((m) => ({ measuredAt: m.measuredAt, value: m.value })),
  });
  return (
    <article className="am-target" aria-labelledby={`doel-${target.id}`}>
      <Heading level={3} id={`doel-${target.id}`}>
        {target.description}
      </Heading>
      <dl className="am-facts">
        <dt>Nulmeting</dt>
        <dd>
          {number(target.baseline, target.unit)}
          {target.baselineDate ? ` (${formatCalendarDate(target.baselineDate)})` : ''}
          {target.baselineNote ? ` — ${target.baselineNote}` : ''}
        </dd>
        <dt>Doel</dt>
        <dd>
          {number(target.targetValue, target.unit)}
          {target.dueDate ? ` uiterlijk ${formatCalendarDate(target.dueDate)}` : ''}
        </dd>
        <dt>Behaald</dt>
        <dd>{target.attainment === null ? '—' : `${Math.round(target.attainment * 100)}% van de beoogde verandering`}</dd>
      </dl>
      {svg && <figure className="am-figure" dangerouslySetInnerHTML={{ __html: svg }} />}
      {target.measurements.length > 0 ? (
        <Table className="am-table" caption={`Metingen — ${target.description}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Gemeten op</TableHeaderCell>
              <TableHeaderCell scope="col">Waarde</TableHeaderCell>
              <TableHeaderCell scope="col">Bron</TableHeaderCell>
              <TableHeaderCell scope="col">Correctie</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {target.measurements.map((m) => (
              <TableRow key={m.id}>
                <TableCell>{formatCalendarDate(m.measuredAt)}</TableCell>
                <TableCell className="am-number">{number(m.value, target.unit)}</TableCell>
                <TableCell>{m.source ?? '—'}</TableCell>
                <TableCell>{m.correction ? `${m.correction.reason} (${formatInstant(m.correction.correctedAt)})` : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Paragraph>Nog geen metingen.</Paragraph>
      )}
      {editable && (
        <div className="am-edit">
          <MeasurementForm actionId={actionId} target={target} setup={forms} />
          <CorrectMeasurementForm actionId={actionId} target={target} setup={forms} />
        </div>
      )}
      {children}
    </article>
  );
}

/**
 * Owners' progress updates: the form for an owner, and (for signed-in users) every update with its
 * review. In public mode they are not shown (nor in the history): only what a coordinator approved
 * reaches the action's status.
 */
function UpdatesSection({
  context,
  action,
  targets,
  rounds,
  updateRounds,
  forms,
  at,
}: {
  context: PageContext;
  action: ActionReadout;
  targets: TargetReadout[];
  rounds: Map<string, RoundView>;
  updateRounds: RoundChoice[] | null;
  forms: FormSetup;
  at: string;
}) {
  const signedIn = canSeeActors(context.viewer);
  if (updateRounds === null && (!signedIn || action.updates.length === 0)) return null;
  const pending = action.updates.filter((u) => u.state === 'PENDING').length;
  return (
    <section aria-labelledby="voortgangsupdates">
      <Heading level={2} id="voortgangsupdates">
        Voortgangsupdates
      </Heading>
      {updateRounds !== null && (
        <UpdateForm
          postTo={`/acties/${action.id}/voortgangsupdate`}
          action={action}
          targets={targets}
          round={{ choices: updateRounds }}
          itemId={null}
          headingLevel={3}
          setup={forms}
        />
      )}
      {canEdit(context.viewer) && pending > 0 && context.peildatum === null && (
        <Paragraph>
          {pending === 1 ? 'Eén update wacht' : `${pending} updates wachten`} op beoordeling:{' '}
          <Link href="/beoordelen">naar Te beoordelen</Link>.
        </Paragraph>
      )}
      {signedIn &&
        (action.updates.length === 0 ? (
          <Paragraph>Voor deze actie is nog geen voortgangsupdate ingediend.</Paragraph>
        ) : (
          <UpdateTable
            caption={`Voortgangsupdates — ${action.title}`}
            updates={action.updates}
            rounds={rounds}
            targets={new Map(targets.map((t) => [t.id, t]))}
            at={at}
          />
        ))}
    </section>
  );
}
