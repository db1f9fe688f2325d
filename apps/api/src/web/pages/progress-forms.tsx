import type { ActionStatus } from '@actiemonitor/domain';
import { Field, TextAreaField, TextInputField, WriteFormFields } from '../components/fields';
import { error, FormProblems, FormSetup, refusalFor, ReportableStatusOptions, value } from '../components/form-parts';
import { Rhc } from '../components/rhc';

const { Button, Heading, Paragraph } = Rhc;

/** A round an update can be for, as the update form offers it. */
export interface RoundChoice {
  id: string;
  /** "Voortgang Q2 2018 (open tot en met 30 juni 2018)". */
  label: string;
}

export interface UpdateFormProps {
  /** Where the form posts: the action page's or the partner page's route. */
  postTo: string;
  action: { id: string; version: number; status: ActionStatus };
  /** The action's measurable targets; none means the form asks for no measurement. */
  targets: Array<{ id: string; description: string; unit: string | null }>;
  /** One round (a hidden field, the partner page's form per round) or a choice of rounds (the action page's). */
  round: { fixed: RoundChoice } | { choices: RoundChoice[] };
  /** What this form is for when the page shows several (round and action); null on the action page. */
  itemId: string | null;
  headingLevel: 3 | 4 | 5;
  setup: FormSetup;
}

/**
 * An owner's progress update: the status they propose, why, and optionally a measurement and a link to
 * evidence. Nothing about the action changes until a coordinator approves it.
 */
export function UpdateForm({ postTo, action, targets, round, itemId, headingLevel, setup }: UpdateFormProps) {
  const refused = refusalFor(setup, 'voortgangsupdate', itemId);
  const prefix = itemId === null ? 'update' : `update-${itemId.replace('/', '-')}`;
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form method="post" action={postTo} className="am-form" id={`form-${prefix}`} noValidate>
      <Heading level={headingLevel}>Voortgangsupdate indienen</Heading>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('voortgangsupdate', itemId)} version={action.version} />
      {'fixed' in round ? (
        <>
          <input type="hidden" name="actionId" value={action.id} />
          <input type="hidden" name="roundId" value={round.fixed.id} />
          {error(refused, 'roundId') && <p className="utrecht-form-field-error-message">Rapportageronde: {error(refused, 'roundId')}</p>}
        </>
      ) : (
        <Field
          id={id('round')}
          label="Rapportageronde"
          description="De ronde waarvoor deze update geldt; een update buiten een ronde kan ook."
          error={error(refused, 'roundId')}
        >
          {(props) => (
            <select
              {...props}
              name="roundId"
              defaultValue={value(refused, 'roundId', round.choices[0]?.id ?? '')}
              className="utrecht-select utrecht-select--html-select"
            >
              {round.choices.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
              <option value="">Geen ronde (tussentijdse update)</option>
            </select>
          )}
        </Field>
      )}
      <Field id={id('status')} label="Voorgestelde status" error={error(refused, 'status')}>
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
        id={id('note')}
        name="note"
        label="Toelichting"
        description="Wat is er gedaan, wat staat er nog open? Verplicht bij Gestopt."
        rows={3}
        maxLength={2000}
        error={error(refused, 'note')}
        defaultValue={value(refused, 'note')}
      />
      {targets.length > 0 && (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset am-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Meting (optioneel)</legend>
          <Field id={id('targetId')} label="Doel" error={error(refused, 'targetId')}>
            {(props) => (
              <select
                {...props}
                name="targetId"
                defaultValue={value(refused, 'targetId')}
                className="utrecht-select utrecht-select--html-select"
              >
                <option value="">Geen meting</option>
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.description}
                    {t.unit ? ` (${t.unit})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextInputField
            id={id('value')}
            name="value"
            label="Waarde"
            inputMode="decimal"
            error={error(refused, 'value')}
            defaultValue={value(refused, 'value')}
          />
          <TextInputField
            id={id('measuredAt')}
            name="measuredAt"
            label="Gemeten op"
            description="Datum als 2018-06-30."
            inputMode="numeric"
            placeholder="jjjj-mm-dd"
            error={error(refused, 'measuredAt')}
            defaultValue={value(refused, 'measuredAt')}
          />
        </fieldset>
      )}
      <TextInputField
        id={id('evidenceUrl')}
        name="evidenceUrl"
        label="Link naar onderbouwing (optioneel)"
        description="Een webadres dat met https:// begint, bv. een verslag of publicatie."
        maxLength={2000}
        error={error(refused, 'evidenceUrl')}
        defaultValue={value(refused, 'evidenceUrl')}
      />
      <Button appearance="primary-action-button" type="submit">
        Update indienen
      </Button>
    </form>
  );
}

/** A coordinator's two answers to a pending update: approve it as proposed, or return it with a comment. */
export function ReviewForms({
  actionId,
  actionVersion,
  updateId,
  describedBy,
  hasMeasurement,
  setup,
}: {
  actionId: string;
  actionVersion: number;
  updateId: string;
  /** The id of the heading that names the update, so each button says which update it is for. */
  describedBy: string;
  hasMeasurement: boolean;
  setup: FormSetup;
}) {
  const approveRefused = refusalFor(setup, 'goedkeuren', updateId);
  const returnRefused = refusalFor(setup, 'terugsturen', updateId);
  return (
    <div className="am-review__forms">
      <form method="post" action="/beoordelen/goedkeuren" className="am-form" id={`form-goedkeuren-${updateId}`} noValidate>
        <FormProblems refused={approveRefused} />
        <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('goedkeuren', updateId)} version={actionVersion} />
        <input type="hidden" name="actionId" value={actionId} />
        <input type="hidden" name="updateId" value={updateId} />
        <Paragraph>
          Goedkeuren maakt de voorgestelde status de status van de actie
          {hasMeasurement ? ' en legt de meting vast bij het doel' : ''}.
        </Paragraph>
        <Button appearance="primary-action-button" type="submit" aria-describedby={describedBy}>
          Goedkeuren
        </Button>
      </form>
      <form method="post" action="/beoordelen/terugsturen" className="am-form" id={`form-terugsturen-${updateId}`} noValidate>
        <FormProblems refused={returnRefused} />
        <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('terugsturen', updateId)} version={actionVersion} />
        <input type="hidden" name="actionId" value={actionId} />
        <input type="hidden" name="updateId" value={updateId} />
        <TextAreaField
          id={`comment-${updateId}`}
          name="comment"
          label="Opmerking voor de eigenaar"
          description="Verplicht bij terugsturen: wat moet de eigenaar aanvullen of verbeteren?"
          rows={2}
          maxLength={2000}
          error={error(returnRefused, 'comment')}
          defaultValue={value(returnRefused, 'comment')}
        />
        <Button appearance="secondary-action-button" type="submit" aria-describedby={describedBy}>
          Terugsturen
        </Button>
      </form>
    </div>
  );
}

/** A coordinator opens a reporting round for all of the plan's actions. */
export function OpenRoundForm({ planId, today, setup }: { planId: string; today: string; setup: FormSetup }) {
  const refused = refusalFor(setup, 'ronde');
  return (
    <form method="post" action={`/plannen/${planId}/rondes`} className="am-form" id="form-ronde" noValidate>
      <Heading level={3}>Rapportageronde openen</Heading>
      <Paragraph>
        De eigenaren van alle acties in dit plan krijgen de vraag om een voortgangsupdate; ze zien die op de pagina van hun organisatie.
      </Paragraph>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('ronde')} />
      <TextInputField
        id="round-title"
        name="title"
        label="Titel"
        description="Bv. ‘Voortgang Q2 2018’."
        maxLength={300}
        error={error(refused, 'title')}
        defaultValue={value(refused, 'title')}
      />
      <TextInputField
        id="round-opensOn"
        name="opensOn"
        label="Open vanaf"
        description="Datum als 2018-06-01."
        inputMode="numeric"
        placeholder="jjjj-mm-dd"
        error={error(refused, 'opensOn')}
        defaultValue={value(refused, 'opensOn', today)}
      />
      <TextInputField
        id="round-closesOn"
        name="closesOn"
        label="Open tot en met"
        description="De laatste dag; later ingediende updates worden als ‘te laat’ getoond."
        inputMode="numeric"
        placeholder="jjjj-mm-dd"
        error={error(refused, 'closesOn')}
        defaultValue={value(refused, 'closesOn')}
      />
      <Button appearance="primary-action-button" type="submit">
        Ronde openen
      </Button>
    </form>
  );
}
