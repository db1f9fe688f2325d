import type { ProgressUpdateState } from '@actiemonitor/domain';
import { isLate, ProgressUpdateView, RoundView } from '@actiemonitor/read-models';
import { formatCalendarDate, formatInstant } from '../format/dutch-dates';
import { Rhc } from './rhc';
import { StatusLabel } from './status';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from './table';

const { Link } = Rhc;

export const UPDATE_STATE_LABELS: Record<ProgressUpdateState, string> = {
  PENDING: 'In behandeling',
  APPROVED: 'Goedgekeurd',
  RETURNED: 'Teruggestuurd',
};

/** A proposed measurement as text: "12,5 ervaringsdeskundige pleegouders (Doel …), gemeten 30 juni 2018". */
export function measurementText(
  measurement: ProgressUpdateView['measurement'],
  targets: ReadonlyMap<string, { description: string; unit: string | null }>,
): string {
  if (!measurement) return '—';
  const target = targets.get(measurement.targetId);
  const value = measurement.value.toLocaleString('nl-NL', { maximumFractionDigits: 6 });
  return `${value}${target?.unit ? ` ${target.unit}` : ''} voor ‘${target?.description ?? measurement.targetId}’, gemeten ${formatCalendarDate(measurement.measuredAt)}`;
}

/** A link to evidence elsewhere: followed only when clicked, and without telling that site where from. */
export function EvidenceLink({ url }: { url: string | null }) {
  if (!url) return <>—</>;
  return (
    <Link href={url} rel="noreferrer noopener" className="am-url">
      {url}
    </Link>
  );
}

/** Submitted after the round's last day: a marker in words, not only in colour. */
export function LateMarker({ late }: { late: boolean }) {
  return late ? <strong className="am-overdue">te laat</strong> : null;
}

/** Where an update stands: in review, approved, or returned with the coordinator's comment. */
export function UpdateState({ update }: { update: ProgressUpdateView }) {
  return (
    <>
      {UPDATE_STATE_LABELS[update.state]}
      {update.reviewedAt ? ` (${formatInstant(update.reviewedAt)})` : ''}
      {update.returnComment && <p className="am-note">“{update.returnComment}”</p>}
    </>
  );
}

/** An action's progress updates, newest first, with their review. */
export function UpdateTable({
  caption,
  updates,
  rounds,
  targets,
  at,
}: {
  caption: string;
  updates: ProgressUpdateView[];
  rounds: ReadonlyMap<string, RoundView>;
  targets: ReadonlyMap<string, { description: string; unit: string | null }>;
  at: string;
}) {
  return (
    <Table className="am-table" caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Update</TableHeaderCell>
          <TableHeaderCell scope="col">Ingediend</TableHeaderCell>
          <TableHeaderCell scope="col">Ronde</TableHeaderCell>
          <TableHeaderCell scope="col">Voorstel</TableHeaderCell>
          <TableHeaderCell scope="col">Toelichting</TableHeaderCell>
          <TableHeaderCell scope="col">Meting</TableHeaderCell>
          <TableHeaderCell scope="col">Onderbouwing</TableHeaderCell>
          <TableHeaderCell scope="col">Beoordeling</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...updates].reverse().map((u) => {
          const round = u.roundId ? rounds.get(u.roundId) : undefined;
          return (
            <TableRow key={u.id}>
              <TableCell>{u.id}</TableCell>
              <TableCell>
                {formatInstant(u.submittedAt)} door {u.partnerId} {round && <LateMarker late={isLate(u, round)} />}
              </TableCell>
              <TableCell>{round ? <Link href={`/rondes/${round.id}${at}`}>{round.title}</Link> : (u.roundId ?? '—')}</TableCell>
              <TableCell>
                <StatusLabel status={u.status} />
              </TableCell>
              <TableCell>{u.note ?? '—'}</TableCell>
              <TableCell>{measurementText(u.measurement, targets)}</TableCell>
              <TableCell>
                <EvidenceLink url={u.evidenceUrl} />
              </TableCell>
              <TableCell className="am-update-state">
                <UpdateState update={u} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
