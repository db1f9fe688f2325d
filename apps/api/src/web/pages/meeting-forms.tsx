import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { Field, TextAreaField, TextInputField, WriteFormFields } from '../components/fields';
import { error, FormProblems, FormSetup, refusalFor, value } from '../components/form-parts';
import { Rhc } from '../components/rhc';

const { Button, Heading, Paragraph } = Rhc;

/** A coordinator records a meeting: plan, date, subject, who took part; the agreements follow on its page. */
export function RecordMeetingForm({
  plans,
  regions,
  today,
  setup,
}: {
  plans: PlanView[];
  regions: PartnerView[];
  today: string;
  setup: FormSetup;
}) {
  const refused = refusalFor(setup, 'overleg');
  return (
    <form method="post" action="/overleggen" className="am-form" id="form-overleg" noValidate>
      <Heading level={2}>Overleg vastleggen</Heading>
      <Paragraph>
        Leg vast wanneer het overleg was, waarover en wie er waren. De afspraken voegt u daarna toe op de pagina van het overleg.
      </Paragraph>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('overleg')} />
      <Field id="meeting-planId" label="Plan" error={error(refused, 'planId')}>
        {(props) => (
          <select
            {...props}
            name="planId"
            defaultValue={value(refused, 'planId', plans[0]?.id ?? '')}
            className="utrecht-select utrecht-select--html-select"
          >
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextInputField
        id="meeting-heldOn"
        name="heldOn"
        label="Datum"
        description="De dag van het overleg, als 2018-03-12."
        inputMode="numeric"
        placeholder="jjjj-mm-dd"
        error={error(refused, 'heldOn')}
        defaultValue={value(refused, 'heldOn', today)}
      />
      <TextInputField
        id="meeting-subject"
        name="subject"
        label="Onderwerp"
        maxLength={300}
        error={error(refused, 'subject')}
        defaultValue={value(refused, 'subject')}
      />
      <TextInputField
        id="meeting-participants"
        name="participants"
        label="Deelnemende partners"
        description="Afkortingen of namen zoals in de plannen, gescheiden door komma’s, bv. ‘VWS, JN, NVP’."
        error={error(refused, 'participants')}
        defaultValue={value(refused, 'participants')}
      />
      <TextAreaField
        id="meeting-otherParticipants"
        name="otherParticipants"
        label="Andere deelnemers (optioneel)"
        description="Mensen of partijen die geen partner zijn, één per regel."
        error={error(refused, 'otherParticipants')}
        defaultValue={value(refused, 'otherParticipants')}
      />
      <Field id="meeting-regionId" label="Regio (optioneel)" description="Voor een regionaal overleg." error={error(refused, 'regionId')}>
        {(props) => (
          <select
            {...props}
            name="regionId"
            defaultValue={value(refused, 'regionId')}
            className="utrecht-select utrecht-select--html-select"
          >
            <option value="">Landelijk overleg (geen regio)</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextAreaField
        id="meeting-notes"
        name="notes"
        label="Aantekeningen (optioneel)"
        maxLength={2000}
        rows={3}
        error={error(refused, 'notes')}
        defaultValue={value(refused, 'notes')}
      />
      <Button appearance="primary-action-button" type="submit">
        Overleg vastleggen
      </Button>
    </form>
  );
}

/** An agreement made at the meeting: it becomes an action in the meeting's plan, with owners and a deadline. */
export function AddAgreementForm({ meetingId, plan, setup }: { meetingId: string; plan: PlanView; setup: FormSetup }) {
  const refused = refusalFor(setup, 'afspraak');
  return (
    <form method="post" action={`/overleggen/${meetingId}/afspraken`} className="am-form" id="form-afspraak" noValidate>
      <Heading level={3}>Afspraak toevoegen</Heading>
      <Paragraph>
        Een afspraak wordt een actie in het plan ‘{plan.title}’, met eigenaren en een termijn; de eigenaren melden er de voortgang van zoals
        bij elke actie.
      </Paragraph>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('afspraak')} />
      <TextInputField
        id="agreement-title"
        name="title"
        label="Afspraak"
        description="Wat er is afgesproken, kort: dit wordt de titel van de actie."
        maxLength={300}
        error={error(refused, 'title')}
        defaultValue={value(refused, 'title')}
      />
      <Field id="agreement-actionLineId" label="Actielijn" error={error(refused, 'actionLineId')}>
        {(props) => (
          <select
            {...props}
            name="actionLineId"
            defaultValue={value(refused, 'actionLineId', plan.actionLines[0]?.id ?? '')}
            className="utrecht-select utrecht-select--html-select"
          >
            {plan.actionLines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.code}. {l.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextInputField
        id="agreement-owners"
        name="owners"
        label="Verantwoordelijk"
        description="Wie de afspraak uitvoert: afkortingen of namen, gescheiden door komma’s, bv. ‘JN, NVP’."
        error={error(refused, 'owners')}
        defaultValue={value(refused, 'owners')}
      />
      <TextInputField
        id="agreement-deadline"
        name="deadline"
        label="Termijn"
        description="Zoals u het zou schrijven: ‘eind 2018’, ‘1 juni 2018’, ‘tweede kwartaal 2018’."
        error={error(refused, 'deadline')}
        defaultValue={value(refused, 'deadline')}
      />
      <TextAreaField
        id="agreement-result"
        name="result"
        label="Beoogd resultaat (optioneel)"
        maxLength={2000}
        error={error(refused, 'result')}
        defaultValue={value(refused, 'result')}
      />
      <Button appearance="primary-action-button" type="submit">
        Afspraak vastleggen
      </Button>
    </form>
  );
}
