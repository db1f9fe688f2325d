import { ActionStatus, STATUS_LABELS } from '@actiemonitor/domain';
import type { RecordedEvent } from '@actiemonitor/event-store';
import { dutchLongDate } from './dutch-dates';

/** What an event did and why, in Dutch, as the report's annex and change lists say it. */
export interface EventDescription {
  what: string;
  why: string | null;
}

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const status = (value: unknown) => STATUS_LABELS[value as ActionStatus] ?? String(value);
const deadline = (value: { text?: string; end?: string } | null | undefined) =>
  value ? `"${value.text}" (uiterlijk ${dutchLongDate(value.end ?? '')})` : 'geen termijn';
const number = (value: unknown) => (typeof value === 'number' ? String(value).replace('.', ',') : String(value));

const DESCRIBE: Record<string, (d: Data) => EventDescription> = {
  PlanRegistered: (d) => ({ what: `Plan vastgelegd: ${d.title}`, why: null }),
  ActionLineRegistered: (d) => ({ what: `Actielijn vastgelegd: ${d.code} ${d.title}`, why: null }),
  ActionRegistered: (d) => ({ what: `Actie vastgelegd: ${d.title}`, why: null }),
  ActionAddedToPlan: (d) => ({ what: `Actie toegevoegd aan plan ${d.planId}`, why: d.note ?? null }),
  OwnerAssigned: (d) => ({ what: `Eigenaar ${d.partnerId} toegevoegd`, why: d.reason ?? null }),
  OwnerRemoved: (d) => ({ what: `Eigenaar ${d.partnerId} verwijderd`, why: d.reason ?? null }),
  ActionRescheduled: (d) => ({
    what: `Termijn gewijzigd van ${deadline(d.previousDeadline)} naar ${deadline(d.deadline)}`,
    why: d.reason ?? null,
  }),
  ActionStatusChanged: (d) => ({
    what: `Status gewijzigd van ${status(d.previousStatus)} naar ${status(d.status)}${d.updateId ? ' (goedgekeurde voortgangsupdate)' : ''}`,
    why: d.note ?? null,
  }),
  ActionStatusCorrected: (d) => ({
    what: `Statusmelding (versie ${d.correctsVersion}) gecorrigeerd: ${status(d.previousStatus)} wordt ${status(d.status)}`,
    why: d.reason ?? null,
  }),
  ActionLevelSet: (d) => ({ what: `Niveau vastgesteld: ${String(d.level).toLowerCase()}`, why: d.source ?? null }),
  ProgressUpdateSubmitted: (d) => ({ what: `Voortgangsupdate ingediend door ${d.partnerId}: ${status(d.status)}`, why: d.note ?? null }),
  ProgressUpdateApproved: () => ({ what: 'Voortgangsupdate goedgekeurd', why: null }),
  ProgressUpdateReturned: (d) => ({ what: 'Voortgangsupdate teruggestuurd', why: d.comment ?? null }),
  TargetDefined: (d) => ({ what: `Doel vastgelegd: ${d.description}`, why: null }),
  BaselineRecorded: (d) => ({
    what: `Nulmeting vastgelegd: ${number(d.baseline)} op ${dutchLongDate(d.baselineDate)}`,
    why: d.note ?? null,
  }),
  MeasurementRecorded: (d) => ({ what: `Meting vastgelegd: ${number(d.value)} op ${dutchLongDate(d.measuredAt)}`, why: d.source ?? null }),
  MeasurementCorrected: (d) => ({
    what: `Meting gecorrigeerd: ${number(d.value)} op ${dutchLongDate(d.measuredAt)}`,
    why: d.reason ?? null,
  }),
  RegionalBaselineRecorded: (d) => ({
    what: `Startfoto van regio ${d.regionId}: ${number(d.value)} op ${dutchLongDate(d.measuredAt)}`,
    why: d.source ?? null,
  }),
  RegionalMeasurementRecorded: (d) => ({
    what: `Meting van regio ${d.regionId}: ${number(d.value)} op ${dutchLongDate(d.measuredAt)}`,
    why: d.source ?? null,
  }),
};

export function describeEvent(event: Pick<RecordedEvent, 'type' | 'data'>): EventDescription {
  const describe = DESCRIBE[event.type];
  return describe ? describe(event.data as Data) : { what: event.type, why: null };
}

/** "JN (coördinator)", "systeem (import)": who did it, as the report names them. */
export function describeActor(actor: { id: string; partnerId: string | null; role: string }): string {
  const role =
    { COORDINATOR: 'coördinator', PARTNER: 'partner', AUDITOR: 'auditor', SYSTEM: 'import' }[actor.role] ?? actor.role.toLowerCase();
  if (actor.role === 'SYSTEM') return `systeem (${role})`;
  return `${actor.partnerId ?? actor.id} (${role})`;
}
