import type { ActionReadout, TargetReadout } from '@actiemonitor/application';
import { Field, TextAreaField, TextInputField, WriteFormFields } from '../components/fields';
import { error, FormProblems, FormSetup, refusalFor, ReportableStatusOptions, value } from '../components/form-parts';
import { Rhc } from '../components/rhc';
import type { RefusedForm } from '../forms/form-state';

export type { FormSetup };

const { Button, Heading, Paragraph } = Rhc;

export function StatusForm({ action, setup }: { action: ActionReadout; setup: FormSetup }) {
  const refused = refusalFor(setup, 'status');
  return (
    <form method="post" action={`/acties/${action.id}/status`} className="am-form" id="form-status" noValidate>
      <Heading level={3}>Status wijzigen</Heading>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('status')} version={action.version} />
      <Field id="status" label="Status" error={error(refused, 'status')}>
        {(props) => (
          <select
            {...props}
            name="status"
            defaultValue={value(refused, 'status', action.status === 'NOT_REPORTED' ? 'IN_PROGRESS' : action.status)}
            className="utrecht-select utrecht-select--html-select"
          >
            <ReportableStatusOptions />
          </select>
        )}
      </Field>
      <TextAreaField
        id="note"
        name="note"
        label="Toelichting"
        description="Verplicht bij Gestopt: waarom is de actie gestopt?"
        rows={3}
        maxLength={2000}
        error={error(refused, 'note')}
        defaultValue={value(refused, 'note')}
      />
      <Button appearance="primary-action-button" type="submit">
        Opslaan
      </Button>
    </form>
  );
}

export function RescheduleForm({ action, setup }: { action: ActionReadout; setup: FormSetup }) {
  const refused = refusalFor(setup, 'termijn');
  return (
    <form method="post" action={`/acties/${action.id}/termijn`} className="am-form" id="form-termijn" noValidate>
      <Heading level={3}>Termijn wijzigen</Heading>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('termijn')} version={action.version} />
      <TextInputField
        id="deadline"
        name="deadline"
        label="Nieuwe termijn"
        description="Zoals beleid het schrijft, bv. ‘medio 2020’ of ‘1 juni 2019 – 1 maart 2020’."
        maxLength={200}
        error={error(refused, 'deadline')}
        defaultValue={value(refused, 'deadline', action.deadline?.text ?? '')}
      />
      <ReasonField id="reason" label="Reden" refused={refused} />
      <Button appearance="primary-action-button" type="submit">
        Termijn opslaan
      </Button>
    </form>
  );
}

export function CorrectStatusForm({
  action,
  reportVersion,
  setup,
}: {
  action: ActionReadout;
  reportVersion: number | null;
  setup: FormSetup;
}) {
  if (reportVersion === null) return null;
  const refused = refusalFor(setup, 'status-correctie');
  return (
    <form method="post" action={`/acties/${action.id}/status-correctie`} className="am-form" id="form-status-correctie" noValidate>
      <Heading level={3}>Laatste statusmelding corrigeren</Heading>
      <Paragraph>
        Voor een melding die fout was. De oorspronkelijke melding blijft in de geschiedenis staan, met uw correctie en de reden.
      </Paragraph>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('status-correctie')} version={action.version} />
      <input type="hidden" name="correctsVersion" value={String(reportVersion)} />
      <Field id="correct-status" label="Juiste status" error={error(refused, 'status')}>
        {(props) => (
          <select
            {...props}
            name="status"
            defaultValue={value(refused, 'status', action.status)}
            className="utrecht-select utrecht-select--html-select"
          >
            <ReportableStatusOptions />
          </select>
        )}
      </Field>
      <TextAreaField
        id="correct-note"
        name="note"
        label="Toelichting bij de juiste status"
        rows={2}
        maxLength={2000}
        error={error(refused, 'note')}
        defaultValue={value(refused, 'note')}
      />
      <ReasonField id="correct-reason" label="Reden van de correctie" refused={refused} />
      <Button appearance="secondary-action-button" type="submit">
        Correctie opslaan
      </Button>
    </form>
  );
}

/** Why: every change that moves a deadline or corrects a report says so, in at most 1,000 characters. */
function ReasonField({ id, label, refused }: { id: string; label: string; refused: RefusedForm | null }) {
  return (
    <TextAreaField
      id={id}
      name="reason"
      label={label}
      rows={2}
      maxLength={1000}
      error={error(refused, 'reason')}
      defaultValue={value(refused, 'reason')}
    />
  );
}

/** Value, date and source: what recording a measurement and correcting one both ask. */
function MeasurementFields({
  idOf,
  refused,
  valueLabel,
}: {
  idOf: (name: string) => string;
  refused: RefusedForm | null;
  valueLabel: string;
}) {
  return (
    <>
      <TextInputField
        id={idOf('value')}
        name="value"
        label={valueLabel}
        inputMode="decimal"
        error={error(refused, 'value')}
        defaultValue={value(refused, 'value')}
      />
      <TextInputField
        id={idOf('measuredAt')}
        name="measuredAt"
        label="Gemeten op"
        description="Datum als 2018-06-30."
        inputMode="numeric"
        placeholder="jjjj-mm-dd"
        error={error(refused, 'measuredAt')}
        defaultValue={value(refused, 'measuredAt')}
      />
      <TextInputField
        id={idOf('source')}
        name="source"
        label="Bron"
        maxLength={500}
        error={error(refused, 'source')}
        defaultValue={value(refused, 'source')}
      />
    </>
  );
}

export function MeasurementForm({ actionId, target, setup }: { actionId: string; target: TargetReadout; setup: FormSetup }) {
  const refused = refusalFor(setup, 'meting', target.id);
  const id = (name: string) => `${name}-${target.id}`;
  return (
    <form method="post" action={`/acties/${actionId}/meting/${target.id}`} className="am-form" id={`form-meting-${target.id}`} noValidate>
      <Heading level={4}>Meting vastleggen</Heading>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('meting', target.id)} version={target.version} />
      <MeasurementFields idOf={id} refused={refused} valueLabel={`Waarde${target.unit ? ` (${target.unit})` : ''}`} />
      <Button appearance="secondary-action-button" type="submit">
        Meting opslaan
      </Button>
    </form>
  );
}

export function CorrectMeasurementForm({ actionId, target, setup }: { actionId: string; target: TargetReadout; setup: FormSetup }) {
  if (target.measurements.length === 0) return null;
  const refused = refusalFor(setup, 'meting-correctie', target.id);
  const id = (name: string) => `corr-${name}-${target.id}`;
  return (
    <form
      method="post"
      action={`/acties/${actionId}/meting-correctie/${target.id}`}
      className="am-form"
      id={`form-meting-correctie-${target.id}`}
      noValidate
    >
      <Heading level={4}>Meting corrigeren</Heading>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('meting-correctie', target.id)} version={target.version} />
      <Field id={id('measurementId')} label="Welke meting" error={error(refused, 'measurementId')}>
        {(props) => (
          <select
            {...props}
            name="measurementId"
            defaultValue={value(refused, 'measurementId')}
            className="utrecht-select utrecht-select--html-select"
          >
            {target.measurements.map((m) => (
              <option key={m.id} value={m.id}>
                {m.measuredAt}: {String(m.value).replace('.', ',')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <MeasurementFields idOf={id} refused={refused} valueLabel="Juiste waarde" />
      <ReasonField id={id('reason')} label="Reden van de correctie" refused={refused} />
      <Button appearance="secondary-action-button" type="submit">
        Correctie opslaan
      </Button>
    </form>
  );
}
