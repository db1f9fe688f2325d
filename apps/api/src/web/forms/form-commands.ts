import { InvalidInput } from '@actiemonitor/domain';
import type { ActionCommand, TargetCommand } from '@actiemonitor/domain';
import { parseStatus } from '../status-labels';
import { WEB_MESSAGES } from '../web.messages';
import type { ActionFormName } from './form-state';

/** The fields each form posts (besides _csrf, commandId and expectedVersion). */
export const FORM_FIELDS: Record<ActionFormName, readonly string[]> = {
  status: ['status', 'note'],
  termijn: ['deadline', 'reason'],
  'status-correctie': ['correctsVersion', 'status', 'note', 'reason'],
  meting: ['value', 'measuredAt', 'source'],
  'meting-correctie': ['measurementId', 'value', 'measuredAt', 'source', 'reason'],
};

export const SAVED_MESSAGES: Record<ActionFormName, string> = {
  status: 'De status is opgeslagen.',
  termijn: 'De termijn is opgeslagen.',
  'status-correctie': 'De correctie van de statusmelding is opgeslagen.',
  meting: 'De meting is opgeslagen.',
  'meting-correctie': 'De correctie van de meting is opgeslagen.',
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
