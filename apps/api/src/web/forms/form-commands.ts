import { InvalidInput } from '@actiemonitor/domain';
import type {
  ActionCommand,
  ApproveProgressUpdate,
  OpenReportingRound,
  ReturnProgressUpdate,
  SubmitProgressUpdate,
  RegionalFigureCommand,
  TargetCommand,
} from '@actiemonitor/domain';
import type { TakeUpInput } from '@actiemonitor/application';
import { normaliseForSearch } from '../format/search-text';
import { parseStatus } from '../status-labels';
import { WEB_MESSAGES } from '../web.messages';
import type { FormName, ReviewFormName } from './form-state';

/** The fields each form posts (besides _csrf, commandId and expectedVersion). */
export const FORM_FIELDS: Record<FormName, readonly string[]> = {
  status: ['status', 'note'],
  termijn: ['deadline', 'reason'],
  'status-correctie': ['correctsVersion', 'status', 'note', 'reason'],
  meting: ['value', 'measuredAt', 'source'],
  'meting-correctie': ['measurementId', 'value', 'measuredAt', 'source', 'reason'],
  voortgangsupdate: ['roundId', 'status', 'note', 'targetId', 'value', 'measuredAt', 'evidenceUrl'],
  goedkeuren: ['actionId', 'updateId'],
  terugsturen: ['actionId', 'updateId', 'comment'],
  ronde: ['title', 'opensOn', 'closesOn'],
  overleg: ['planId', 'heldOn', 'subject', 'participants', 'otherParticipants', 'regionId', 'notes'],
  afspraak: ['title', 'actionLineId', 'owners', 'deadline', 'result'],
  opvolging: ['regionId', 'title', 'deadline'],
  startfoto: ['regionId', 'value', 'measuredAt', 'unit', 'source', 'goal'],
  regiometing: ['regionId', 'value', 'measuredAt', 'source'],
};

/**
 * Where a form shows the domain's refusal of a field whose name differs from the form's (a proposed
 * measurement is three flat fields; a round's id is made from its title).
 */
export const DOMAIN_FIELDS: Partial<Record<FormName, Record<string, string>>> = {
  voortgangsupdate: { 'measurement.targetId': 'targetId', 'measurement.value': 'value', 'measurement.measuredAt': 'measuredAt' },
  ronde: { roundId: 'title' },
  overleg: { meetingId: 'subject' },
  afspraak: { actionId: 'title' },
};

export const SAVED_MESSAGES: Record<FormName, string> = {
  status: 'De status is opgeslagen.',
  termijn: 'De termijn is opgeslagen.',
  'status-correctie': 'De correctie van de statusmelding is opgeslagen.',
  meting: 'De meting is opgeslagen.',
  'meting-correctie': 'De correctie van de meting is opgeslagen.',
  voortgangsupdate:
    'De voortgangsupdate is ingediend. Een coördinator beoordeelt hem; tot dan blijft de status van de actie zoals hij was.',
  goedkeuren: 'De voortgangsupdate is goedgekeurd.',
  terugsturen: 'De voortgangsupdate is teruggestuurd naar de eigenaar.',
  ronde: 'De rapportageronde is geopend.',
  overleg: 'Het overleg is vastgelegd. Leg hieronder de afspraken vast.',
  afspraak: 'De afspraak is vastgelegd als actie.',
  opvolging: 'De regionale uitvoering is vastgelegd.',
  startfoto: 'De startfoto van de regio is opgeslagen.',
  regiometing: 'De meting van de regio is opgeslagen.',
};

const blankToNull = (value: string) => (value.trim() === '' ? null : value);

/** A number as Dutch users type it: `3,2` or `3.2`; thousands separators are not guessed at. */
export function parseDutchNumber(field: string, value: string): number {
  const text = value.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new InvalidInput(field, WEB_MESSAGES.number);
  return Number(text);
}

function requiredStatus(value: string) {
  const status = parseStatus(value);
  if (!status) throw new InvalidInput('status', WEB_MESSAGES.status);
  return status;
}

/**
 * A posted form as the domain command the GraphQL mutation of the same name would send: the page maps
 * fields, the domain decides. Only what a form cannot express as text (a number, a status) is read here.
 */
export function actionCommandFrom(
  form: 'status' | 'termijn' | 'status-correctie',
  actionId: string,
  v: Record<string, string>,
): ActionCommand {
  switch (form) {
    case 'status':
      return { type: 'ChangeActionStatus', actionId, status: requiredStatus(v.status), note: blankToNull(v.note) };
    case 'termijn':
      return {
        type: 'RescheduleAction',
        actionId,
        deadline: blankToNull(v.deadline) === null ? null : { text: v.deadline },
        reason: v.reason,
      };
    case 'status-correctie':
      return {
        type: 'CorrectActionStatus',
        actionId,
        correctsVersion: Number.parseInt(v.correctsVersion, 10),
        status: requiredStatus(v.status),
        note: blankToNull(v.note),
        reason: v.reason,
      };
  }
}

export function targetCommandFrom(form: 'meting' | 'meting-correctie', targetId: string, v: Record<string, string>): TargetCommand {
  const value = parseDutchNumber('value', v.value);
  const measuredAt = v.measuredAt.trim();
  if (form === 'meting') return { type: 'RecordMeasurement', targetId, value, measuredAt, source: blankToNull(v.source) };
  return {
    type: 'CorrectMeasurement',
    targetId,
    measurementId: v.measurementId,
    value,
    measuredAt,
    source: blankToNull(v.source),
    reason: v.reason,
  };
}

/** A region takes up a national action: the title defaults to the national one, the owner to the region. */
export function takeUpFrom(actionId: string, v: Record<string, string>): TakeUpInput {
  return {
    nationalActionId: actionId,
    regionId: v.regionId.trim(),
    title: blankToNull(v.title),
    deadline: blankToNull(v.deadline) === null ? null : { text: v.deadline },
  };
}

/** A region's startfoto (with an optional end point of its own) or measurement for a national target. */
export function regionalFigureFrom(form: 'startfoto' | 'regiometing', targetId: string, v: Record<string, string>): RegionalFigureCommand {
  const common = {
    targetId,
    regionId: v.regionId.trim(),
    value: parseDutchNumber('value', v.value),
    measuredAt: v.measuredAt.trim(),
    source: blankToNull(v.source),
  };
  if (form === 'regiometing') return { type: 'RecordRegionalMeasurement', ...common };
  const goal = blankToNull(v.goal) === null ? null : parseDutchNumber('goal', v.goal);
  return { type: 'RecordRegionalBaseline', ...common, unit: v.unit, goal };
}

/**
 * An owner's update as SubmitProgressUpdate. The partner it speaks for is left empty: the application
 * takes it from the signed-in user's token. A measurement is optional, but when given it needs its
 * target, value and date.
 */
export function progressUpdateFrom(actionId: string, v: Record<string, string>): SubmitProgressUpdate {
  return {
    type: 'SubmitProgressUpdate',
    actionId,
    partnerId: null,
    roundId: blankToNull(v.roundId),
    status: requiredStatus(v.status),
    note: blankToNull(v.note),
    measurement: proposedMeasurement(v),
    evidenceUrl: blankToNull(v.evidenceUrl),
  };
}

function proposedMeasurement(v: Record<string, string>): SubmitProgressUpdate['measurement'] {
  const targetId = v.targetId.trim();
  if (targetId === '') {
    if (v.value.trim() !== '' || v.measuredAt.trim() !== '') {
      throw new InvalidInput('targetId', WEB_MESSAGES.measurementTargetMissing);
    }
    return null;
  }
  return { targetId, value: parseDutchNumber('value', v.value), measuredAt: v.measuredAt.trim() };
}

export function reviewCommandFrom(form: ReviewFormName, v: Record<string, string>): ApproveProgressUpdate | ReturnProgressUpdate {
  if (form === 'goedkeuren') return { type: 'ApproveProgressUpdate', actionId: v.actionId, updateId: v.updateId };
  return { type: 'ReturnProgressUpdate', actionId: v.actionId, updateId: v.updateId, comment: v.comment };
}

/** A round for all of the plan's actions (the application fills them in when none are named). */
export function openRoundFrom(planId: string, v: Record<string, string>): OpenReportingRound {
  return {
    type: 'OpenReportingRound',
    roundId: roundIdFor(planId, v.title),
    planId,
    title: v.title,
    opensOn: v.opensOn.trim(),
    closesOn: v.closesOn.trim(),
    actionIds: [],
  };
}

const MAX_SLUG_LENGTH = 80;

/**
 * A round's id, made from its plan and title (`actieplan-pleegzorg-2017-2018-voortgang-q2-2018`): the
 * same form sent twice names the same round, so its command id makes the second a no-op, and two
 * rounds with one title in one plan cannot both be opened.
 */
export function roundIdFor(planId: string, title: string): string {
  if (title.trim() === '') throw new InvalidInput('title', WEB_MESSAGES.roundTitleRequired);
  const slug = normaliseForSearch(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') throw new InvalidInput('title', WEB_MESSAGES.roundTitleNoSlug);
  return `${planId}-${slug}`.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}
