import type { ActionReadout, TargetReadout } from '@actiemonitor/application';
import type { ActionStatus } from '@actiemonitor/domain';
import type { PartnerView, RegionalRollUp, RegionalTotal } from '@actiemonitor/read-models';
import { ActionTable } from '../components/action-table';
import type { FormSetup } from '../components/form-parts';
import { Rhc } from '../components/rhc';
import { StatusCountsTable } from '../components/status-counts-table';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/table';
import { formatCalendarDate } from '../format/dutch-dates';
import { ACTION_STATUSES } from '../status-labels';
import { RegionalFigureForm, TakeUpForm } from './regional-forms';

const { Heading, Paragraph, Link } = Rhc;

const LEVEL_LABELS = { LANDELIJK: 'landelijk', REGIONAAL: 'regionaal', AANBIEDER: 'aanbieder' } as const;

const count = (value: number | null) => (value === null ? '—' : value.toLocaleString('nl-NL', { maximumFractionDigits: 1 }));
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** The facts that place an action on the regional level: its region, the national action it carries out, its level. */
export function RegionalFacts({ action, partners, at }: { action: ActionReadout; partners: Map<string, PartnerView>; at: string }) {
  return (
    <>
      {action.regionId && (
        <>
          <dt>Regio</dt>
          <dd>
            <Link href={`/regios/${action.regionId}${at}`}>{partners.get(action.regionId)?.name ?? action.regionId}</Link>
          </dd>
        </>
      )}
      {action.carriesOut && (
        <>
          <dt>Voert uit</dt>
          <dd>
            Landelijke actie <Link href={`/acties/${action.carriesOut}${at}`}>{action.carriesOut}</Link>
          </dd>
        </>
      )}
      {action.level && (
        <>
          <dt>Niveau</dt>
          <dd>{LEVEL_LABELS[action.level]}</dd>
        </>
      )}
    </>
  );
}

/** On a national action: in how many regions it was taken up, the instances per status, and the form to take it up. */
export function RegionalRollUpSection({
  action,
  instances,
  rollUp,
  regionCount,
  partners,
  takeUpRegions,
  forms,
  at,
}: {
  action: ActionReadout;
  instances: ActionReadout[];
  rollUp: RegionalRollUp;
  regionCount: number;
  partners: Map<string, PartnerView>;
  /** The regions the viewer may take the action up for and that have not yet (none in an earlier stand). */
  takeUpRegions: PartnerView[];
  forms: FormSetup;
  at: string;
}) {
  if (instances.length === 0 && takeUpRegions.length === 0) return null;
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const { status, count: n } of rollUp.byStatus) byStatus[status] = n;
  return (
    <section aria-labelledby="in-de-regios">
      <Heading level={2} id="in-de-regios">
        In de regio’s
      </Heading>
      {instances.length === 0 ? (
        <Paragraph>Nog geen regio heeft deze actie opgepakt.</Paragraph>
      ) : (
        <>
          <Paragraph>
            Opgepakt in {rollUp.regions} van de {regionCount} jeugdzorgregio’s, met {rollUp.instances}{' '}
            {rollUp.instances === 1 ? 'regionale uitvoering' : 'regionale uitvoeringen'}.
          </Paragraph>
          <StatusCountsTable caption={`Regionale uitvoeringen per status — ${action.title}`} byStatus={byStatus} />
          <ActionTable caption={`Regionale uitvoeringen — ${action.title}`} actions={instances} partners={partners} at={at} />
        </>
      )}
      <TakeUpForm action={action} regions={takeUpRegions} setup={forms} />
    </section>
  );
}

/** A national target's regional figures: each region's startfoto, end point, latest count and attainment, and their sum. */
export function RegionalFigures({
  actionId,
  target,
  total,
  partners,
  figureRegions,
  forms,
}: {
  actionId: string;
  target: TargetReadout;
  total: RegionalTotal | null;
  partners: Map<string, PartnerView>;
  /** The regions the viewer may record figures for (none in an earlier stand). */
  figureRegions: PartnerView[];
  forms: FormSetup;
}) {
  if (target.regions.length === 0 && figureRegions.length === 0) return null;
  const name = (id: string) => partners.get(id)?.name ?? id;
  return (
    <div className="am-regional-figures">
      <Heading level={4}>Cijfers van de regio’s</Heading>
      {target.regions.length === 0 ? (
        <Paragraph>Nog geen regio heeft een startfoto vastgelegd.</Paragraph>
      ) : (
        <Table className="am-table" caption={`Startfoto en metingen per regio (${target.regions[0].unit}) — ${target.description}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Regio</TableHeaderCell>
              <TableHeaderCell scope="col">Startfoto</TableHeaderCell>
              <TableHeaderCell scope="col">Eindpunt</TableHeaderCell>
              <TableHeaderCell scope="col">Laatste meting</TableHeaderCell>
              <TableHeaderCell scope="col">Behaald</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {target.regions.map((r) => {
              const latest = r.measurements.length > 0 ? r.measurements[r.measurements.length - 1] : null;
              return (
                <TableRow key={r.regionId}>
                  <TableHeaderCell scope="row">{name(r.regionId)}</TableHeaderCell>
                  <TableCell className="am-number">
                    {count(r.startfoto.value)} ({formatCalendarDate(r.startfoto.measuredAt)}
                    {r.startfoto.source ? `, ${r.startfoto.source}` : ''})
                  </TableCell>
                  <TableCell className="am-number">{count(r.goal)}</TableCell>
                  <TableCell className="am-number">
                    {r.latest === null ? '—' : `${count(r.latest)}${latest ? ` (${formatCalendarDate(latest.measuredAt)})` : ''}`}
                  </TableCell>
                  <TableCell className="am-number">{percent(r.attainment)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {total && (
        <Paragraph>
          Opgeteld over {total.reporting.length} {total.reporting.length === 1 ? 'regio' : 'regio’s'} met een meting: {count(total.total)}{' '}
          {total.unit} (hun startfoto’s samen: {count(total.startfotoTotal)}). Niet meegeteld, want zonder meting:{' '}
          {total.notReporting.length} {total.notReporting.length === 1 ? 'regio' : 'regio’s'}.
        </Paragraph>
      )}
      {total && total.notReporting.length > 0 && (
        <details className="am-details">
          <summary className="am-details__summary">Regio’s zonder meting ({total.notReporting.length})</summary>
          <ul className="am-inline-list">
            {total.notReporting.map((id) => (
              <li key={id}>{name(id)}</li>
            ))}
          </ul>
        </details>
      )}
      {figureRegions.length > 0 && (
        <div className="am-edit">
          <RegionalFigureForm actionId={actionId} target={target} form="startfoto" regions={figureRegions} setup={forms} />
          <RegionalFigureForm actionId={actionId} target={target} form="regiometing" regions={figureRegions} setup={forms} />
        </div>
      )}
    </div>
  );
}
