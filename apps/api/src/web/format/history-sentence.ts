import type { ActionStatus, Period, ProposedMeasurement } from '@actiemonitor/domain';
import type { Actor, RecordedEvent } from '@actiemonitor/event-store';
import { STATUS_LABELS } from '../status-labels';
import { formatCalendarDate, formatInstant } from './dutch-dates';

/** One line of an action's history, in plain Dutch: what happened, by whom, when, and the note or reason. */
export interface HistoryLine {
  position: string;
  version: number;
  when: string;
  /** Null when the viewer may not see who did it (public mode). */
  who: string | null;
  what: string;
  /** The note or reason given with it, verbatim. */
  detail: string | null;
  /** The whole sentence: "Status gewijzigd van Loopt naar Vertraagd door JN (coördinator), 12 maart 2018 14:05: ...". */
  sentence: string;
}

const ROLE_LABELS: Record<Actor['role'], string> = {
  COORDINATOR: 'coördinator',
  PARTNER: 'partner',
  AUDITOR: 'auditor',
  SYSTEM: 'import',
};

export function actorLabel(actor: Actor): string {
  if (actor.role === 'SYSTEM') return 'het systeem (import)';
  return `${actor.partnerId ?? actor.id} (${ROLE_LABELS[actor.role]})`;
}

function deadlineText(deadline: Period | null): string {
  return deadline ? `“${deadline.text}”` : 'geen termijn';
}

type Data = Record<string, unknown>;
const status = (value: unknown) => STATUS_LABELS[value as ActionStatus] ?? String(value);

/** What an owner's update proposes: the status, and the measurement and evidence when given. */
function proposal(data: Data): string {
  const parts = [`voorstel: ${status(data.status)}`];
  const measurement = data.measurement as ProposedMeasurement | null | undefined;
  if (measurement)
    parts.push(
      `meting ${formatNumber(measurement.value)} voor doel ${measurement.targetId}, gemeten ${formatCalendarDate(measurement.measuredAt)}`,
    );
  if (data.evidenceUrl) parts.push(`onderbouwing ${String(data.evidenceUrl)}`);
  return parts.join('; ');
}

const formatNumber = (value: number) => value.toLocaleString('nl-NL', { maximumFractionDigits: 6 });

/** What an event did, as a phrase; the note or reason separately. Unknown types still get a line. */
function describe(type: string, data: Data, partnerName: (id: string) => string): { what: string; detail: string | null } {
  switch (type) {
    case 'ActionRegistered':
      return { what: 'Actie vastgelegd', detail: null };
    case 'ActionAddedToPlan':
      return { what: `Opgenomen in plan ${String(data.planId)}`, detail: (data.note as string | null) ?? null };
    case 'OwnerAssigned':
      return { what: `Eigenaar ${partnerName(String(data.partnerId))} toegevoegd`, detail: (data.reason as string | null) ?? null };
    case 'OwnerRemoved':
      return { what: `Eigenaar ${partnerName(String(data.partnerId))} verwijderd`, detail: (data.reason as string | null) ?? null };
    case 'ActionRescheduled':
      return {
        what: `Termijn gewijzigd van ${deadlineText(data.previousDeadline as Period | null)} naar ${deadlineText(data.deadline as Period | null)}`,
        detail: (data.reason as string | null) ?? null,
      };
    case 'ActionStatusChanged':
      return {
        what: `Status gewijzigd van ${status(data.previousStatus)} naar ${status(data.status)}${
          data.updateId ? ` (uit voortgangsupdate ${String(data.updateId)})` : ''
        }`,
        detail: (data.note as string | null) ?? null,
      };
    case 'ProgressUpdateSubmitted':
      return {
        what: `Voortgangsupdate ${String(data.updateId)} ingediend (${proposal(data)})`,
        detail: (data.note as string | null) ?? null,
      };
    case 'ProgressUpdateApproved':
      return { what: `Voortgangsupdate ${String(data.updateId)} goedgekeurd`, detail: null };
    case 'ProgressUpdateReturned':
      return { what: `Voortgangsupdate ${String(data.updateId)} teruggestuurd`, detail: (data.comment as string | null) ?? null };
    case 'ReportingRoundOpened':
      return {
        what: `Rapportageronde ‘${String(data.title)}’ geopend voor ${String(data.planId)}, van ${formatCalendarDate(String(data.opensOn))} tot en met ${formatCalendarDate(String(data.closesOn))} (${(data.actionIds as unknown[] | undefined)?.length ?? 0} acties)`,
        detail: null,
      };
    case 'ActionStatusCorrected': {
      const reason = String(data.reason ?? '');
      const note = data.note ? ` Toelichting: ${String(data.note)}` : '';
      return {
        what: `Statusrapport (versie ${String(data.correctsVersion)}) gecorrigeerd: ${status(data.previousStatus)} wordt ${status(data.status)}`,
        detail: `Reden: ${reason}.${note}`.replace('..', '.'),
      };
    }
    case 'MeasurementRecorded':
      return {
        what: `Meting ${String(data.value)} vastgelegd (gemeten ${String(data.measuredAt)})`,
        detail: (data.source as string | null) ?? null,
      };
    case 'MeasurementCorrected':
      return {
        what: `Meting gecorrigeerd naar ${String(data.value)} (gemeten ${String(data.measuredAt)})`,
        detail: `Reden: ${String(data.reason ?? '')}`,
      };
    case 'PartnerRegistered':
      return { what: `Partner ${String(data.partnerId)} (${String(data.name)}) vastgelegd`, detail: null };
    case 'PlanRegistered':
      return { what: `Plan ‘${String(data.title)}’ vastgelegd`, detail: null };
    case 'ActionLineRegistered':
      return { what: `Actielijn ${String(data.code)}. ${String(data.title)} vastgelegd in ${String(data.planId)}`, detail: null };
    case 'TargetDefined':
      return { what: `Doel ‘${String(data.description)}’ vastgelegd`, detail: null };
    case 'BaselineRecorded':
      return {
        what: `Nulmeting ${String(data.baseline)} (${String(data.baselineDate)}) vastgelegd`,
        detail: (data.note as string | null) ?? null,
      };
    case 'ParliamentaryReferenceRegistered':
      return { what: `Kamerstuk ‘${String(data.title)}’ vastgelegd`, detail: (data.source as string | null) ?? null };
    case 'ParliamentaryReferenceLinked':
      return {
        what: `Kamerstuk ${String(data.referenceId)} gekoppeld aan ${data.subject === 'PLAN' ? 'plan' : 'actie'} ${String(data.subjectId)}`,
        detail: (data.note as string | null) ?? null,
      };
    case 'ThemeDefined':
      return { what: `Thema ‘${String(data.title)}’ vastgelegd in ${String(data.planId)}`, detail: null };
    case 'ActionLinkedToTheme':
      return {
        what: `Actie ${String(data.actionId)} gekoppeld aan thema ${String(data.themeId)}`,
        detail: (data.note as string | null) ?? null,
      };
    case 'ContextSeriesDefined':
      return { what: `Reeks contextcijfers ‘${String(data.title)}’ vastgelegd`, detail: (data.source as string | null) ?? null };
    case 'ContextFigureRecorded':
      return {
        what: `Contextcijfer ${String(data.value)} vastgelegd in ${String(data.seriesId)}${data.period ? ` (${String(data.period)})` : ''}`,
        detail: (data.note as string | null) ?? null,
      };
    default:
      return { what: `Gebeurtenis ${type}`, detail: null };
  }
}

export function historyLine(event: RecordedEvent, options: { showActor: boolean; partnerName: (id: string) => string }): HistoryLine {
  const { what, detail } = describe(event.type, event.data as Data, options.partnerName);
  const when = formatInstant(event.metadata.recordedAt);
  const who = options.showActor ? actorLabel(event.metadata.actor) : null;
  const sentence = `${what}${who ? ` door ${who}` : ''}, ${when}${detail ? `: ${detail}` : ''}`;
  return { position: event.position.toString(), version: event.version, when, who, what, detail, sentence };
}
