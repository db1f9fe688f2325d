import type { ActionReadout, TargetReadout } from '@actiemonitor/application';
import type { PartnerView } from '@actiemonitor/read-models';
import { Field, TextInputField, WriteFormFields } from '../components/fields';
import { error, FormProblems, FormSetup, refusalFor, value } from '../components/form-parts';
import { Rhc } from '../components/rhc';
import type { RefusedForm } from '../forms/form-state';

const { Button, Heading } = Rhc;

/** The region a form is for: a choice for coordinators, fixed (and shown) for a region's own token. */
function RegionChoice({ id, regions, refused }: { id: string; regions: PartnerView[]; refused: RefusedForm | null }) {
  if (regions.length === 1) return <input type="hidden" name="regionId" value={regions[0].id} />;
  return (
    <Field id={id} label="Regio" error={error(refused, 'regionId')}>
      {(props) => (
        <select {...props} name="regionId" defaultValue={value(refused, 'regionId')} className="utrecht-select utrecht-select--html-select">
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A region takes up this national action: its own instance, owned by the region, with its own deadline. */
export function TakeUpForm({ action, regions, setup }: { action: ActionReadout; regions: PartnerView[]; setup: FormSetup }) {
  if (regions.length === 0) return null;
  const refused = refusalFor(setup, 'opvolging');
  const heading = regions.length === 1 ? `Oppakken in ${regions[0].name}` : 'Oppakken in een regio';
  return (
    <form method="post" action={`/acties/${action.id}/opvolging`} className="am-form" id="form-opvolging" noValidate>
      <Heading level={3}>{heading}</Heading>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId('opvolging')} />
      <RegionChoice id="opvolging-regio" regions={regions} refused={refused} />
      <TextInputField
        id="opvolging-titel"
        name="title"
        label="Titel in de regio"
        description="Leeg laten: de titel van de landelijke actie."
        maxLength={300}
        error={error(refused, 'title')}
        defaultValue={value(refused, 'title')}
      />
      <TextInputField
        id="opvolging-termijn"
        name="deadline"
        label="Termijn in de regio"
        description="Zoals de regio het schrijft, bv. ‘eind 2020’; leeg laten als er (nog) geen is."
        maxLength={200}
        error={error(refused, 'deadline')}
        defaultValue={value(refused, 'deadline')}
      />
      <Button appearance="primary-action-button" type="submit">
        Regionale uitvoering vastleggen
      </Button>
    </form>
  );
}

/** A region's startfoto ("Hoeveel … zijn er in onze regio?") or a later measurement, for one national target. */
export function RegionalFigureForm({
  actionId,
  target,
  form,
  regions,
  setup,
}: {
  actionId: string;
  target: TargetReadout;
  form: 'startfoto' | 'regiometing';
  regions: PartnerView[];
  setup: FormSetup;
}) {
  const withStartfoto = new Set(target.regions.map((r) => r.regionId));
  const eligible = form === 'startfoto' ? regions : regions.filter((r) => withStartfoto.has(r.id));
  if (eligible.length === 0) return null;
  const refused = refusalFor(setup, form, target.id);
  const id = (name: string) => `${form}-${name}-${target.id}`;
  const unit = target.regions[0]?.unit;
  return (
    <form method="post" action={`/acties/${actionId}/${form}/${target.id}`} className="am-form" id={`form-${form}-${target.id}`} noValidate>
      <Heading level={4}>{form === 'startfoto' ? 'Startfoto van de regio vastleggen' : 'Meting van de regio vastleggen'}</Heading>
      <FormProblems refused={refused} />
      <WriteFormFields csrf={setup.csrf} commandId={setup.commandId(form, target.id)} />
      <RegionChoice id={id('regio')} regions={eligible} refused={refused} />
      <TextInputField
        id={id('value')}
        name="value"
        label={`Aantal${unit ? ` (${unit})` : ''}`}
        description="Een telling: een geheel getal."
        inputMode="numeric"
        maxLength={20}
        error={error(refused, 'value')}
        defaultValue={value(refused, 'value')}
      />
      <TextInputField
        id={id('measuredAt')}
        name="measuredAt"
        label="Peildatum"
        description="Als jjjj-mm-dd, bv. 2018-01-01."
        placeholder="jjjj-mm-dd"
        maxLength={10}
        error={error(refused, 'measuredAt')}
        defaultValue={value(refused, 'measuredAt')}
      />
      {form === 'startfoto' && (
        <>
          <TextInputField
            id={id('unit')}
            name="unit"
            label="Eenheid"
            description={unit ? `Alle regio’s tellen voor dit doel in ‘${unit}’.` : 'Wat er geteld wordt, bv. ‘pleeggezinnen’.'}
            maxLength={100}
            error={error(refused, 'unit')}
            defaultValue={value(refused, 'unit', unit ?? '')}
          />
          <TextInputField
            id={id('goal')}
            name="goal"
            label="Eindpunt van de regio (niet verplicht)"
            description="Leeg laten: bij een procentuele toename geldt dezelfde toename op de startfoto."
            inputMode="numeric"
            maxLength={20}
            error={error(refused, 'goal')}
            defaultValue={value(refused, 'goal')}
          />
        </>
      )}
      <TextInputField
        id={id('source')}
        name="source"
        label="Bron (niet verplicht)"
        maxLength={500}
        error={error(refused, 'source')}
        defaultValue={value(refused, 'source')}
      />
      <Button appearance="secondary-action-button" type="submit">
        Opslaan
      </Button>
    </form>
  );
}
