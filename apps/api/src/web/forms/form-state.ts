import type { HistoryLine } from '../format/history-sentence';

export const ACTION_FORMS = ['status', 'termijn', 'meting', 'status-correctie', 'meting-correctie'] as const;
export type ActionFormName = (typeof ACTION_FORMS)[number];

/** A refused form, shown again with what the user typed and why, beside the field it concerns. */
export interface RefusedForm {
  form: ActionFormName;
  /** For measurement forms: the target the form belongs to. */
  targetId: string | null;
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
