import type { HistoryLine } from '../format/history-sentence';

/** The forms of the action page. */
export const ACTION_FORMS = [
  'status',
  'termijn',
  'meting',
  'status-correctie',
  'meting-correctie',
  'voortgangsupdate',
  // A region takes up the action; a region's startfoto and measurements for one of its targets.
  'opvolging',
  'startfoto',
  'regiometing',
] as const;
export type ActionFormName = (typeof ACTION_FORMS)[number];
/** The forms of the review queue (approve, return) and of the plan page (open a reporting round). */
export const REVIEW_FORMS = ['goedkeuren', 'terugsturen'] as const;
export type ReviewFormName = (typeof REVIEW_FORMS)[number];
/** The forms of the meetings pages: record a meeting, add an agreement to one. */
export type MeetingFormName = 'overleg' | 'afspraak';
export type FormName = ActionFormName | ReviewFormName | 'ronde' | MeetingFormName;

/** A refused form, shown again with what the user typed and why, beside the field it concerns. */
export interface RefusedForm {
  form: FormName;
  /**
   * For a form that a page shows more than once: what this one is for (the target of a measurement
   * form, the update of a review form, the round and action of an update form on the partner page).
   */
  itemId: string | null;
  values: Record<string, string>;
  /** Reasons per field name; `_form` for the form as a whole. */
  errors: Record<string, string>;
  /** Set when the form went stale: what changed since it was rendered. */
  conflict: { changes: HistoryLine[] } | null;
}

/** The string fields of a posted form (anything else is ignored), trimmed of nothing: the domain trims. */
export function formValues(body: unknown, names: readonly string[]): Record<string, string> {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = source[name];
    values[name] = typeof value === 'string' ? value.slice(0, 5000) : '';
  }
  return values;
}
