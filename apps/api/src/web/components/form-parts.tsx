import { ACTION_STATUSES, STATUS_LABELS } from '../status-labels';
import type { FormName, RefusedForm } from '../forms/form-state';
import { Rhc } from './rhc';

const { Alert, Paragraph } = Rhc;

/** What each form needs to be rendered: where it posts, the version it was made at, a fresh command id. */
export interface FormSetup {
  csrf: string;
  commandId: (form: FormName, itemId?: string | null) => string;
  refused: RefusedForm | null;
}

/** The statuses a report can set: everything but "Niet gerapporteerd", which only the absence of reports means. */
export function ReportableStatusOptions() {
  return (
    <>
      {ACTION_STATUSES.filter((s) => s !== 'NOT_REPORTED').map((s) => (
        <option key={s} value={s}>
          {STATUS_LABELS[s]}
        </option>
      ))}
    </>
  );
}

/** The refusal this form shows, when it was this form (for this item) that was refused. */
export function refusalFor(setup: FormSetup, form: FormName, itemId: string | null = null): RefusedForm | null {
  return setup.refused && setup.refused.form === form && setup.refused.itemId === itemId ? setup.refused : null;
}

export function FormProblems({ refused }: { refused: RefusedForm | null }) {
  if (!refused) return null;
  if (refused.conflict) {
    return (
      <Alert type="error">
        <Paragraph>
          <strong>Niet opgeslagen: iemand anders heeft deze actie gewijzigd nadat u het formulier opende.</strong> Bekijk wat er veranderde
          en de huidige waarden hierboven; uw invoer staat nog in het formulier. Sla opnieuw op als uw wijziging nog klopt.
        </Paragraph>
        <ul>
          {refused.conflict.changes.map((c) => (
            <li key={c.position}>{c.sentence}</li>
          ))}
        </ul>
      </Alert>
    );
  }
  return (
    <Alert type="error">
      <Paragraph>
        <strong>Niet opgeslagen.</strong> {refused.errors._form ?? 'Verbeter wat bij de velden staat.'}
      </Paragraph>
    </Alert>
  );
}

/** What the user typed in a refused form, else the field's default. */
export const value = (refused: RefusedForm | null, name: string, fallback = '') => refused?.values[name] ?? fallback;
/** Why the field was refused, shown beside it. */
export const error = (refused: RefusedForm | null, name: string) => refused?.errors[name] ?? null;
