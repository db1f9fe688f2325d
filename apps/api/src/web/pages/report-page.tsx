import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { Field } from '../components/fields';
import { Layout } from '../components/layout';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';

const { Button, Heading, Paragraph } = Rhc;

export interface ReportForm {
  plan: string;
  from: string;
  to: string;
  format: string;
  partner: string;
}

export interface ReportPageProps {
  context: PageContext;
  plans: PlanView[];
  partners: PartnerView[];
  /** False for partners: their report is always of their own actions. */
  canChoosePartner: boolean;
  form: ReportForm;
  errors: Partial<Record<keyof ReportForm, string>>;
}

const FORMATS = [
  { value: 'html', label: 'Afdrukweergave (HTML)' },
  { value: 'docx', label: 'Word (.docx)' },
  { value: 'md', label: 'Markdown (.md)' },
];

/** `/rapportage`: the voortgangsrapportage of a plan over a period, as a print view or a download. */
export function ReportPage({ context, plans, partners, canChoosePartner, form, errors }: ReportPageProps) {
  return (
    <Layout title="Rapportage" context={context}>
      <Heading level={1}>Rapportage</Heading>
      <Paragraph>
        Een voortgangsrapportage van een plan over een periode: per actielijn elke actie met eigenaren, termijn, status aan het begin en
        eind van de periode en wat er veranderde en waarom; de doelen met hun metingen; en als bijlage elke gebeurtenis uit de periode. De
        rapportage noemt de positie en hash van het logboek aan het eind van de periode, zodat iedereen later kan nagaan dat zij uit een
        ongewijzigd logboek is gemaakt.
      </Paragraph>
      {!canChoosePartner && <Paragraph>U ziet alleen de acties van uw eigen organisatie.</Paragraph>}
      <form method="get" action="/rapportage" className="am-filters" aria-label="Rapportage maken">
        <Field id="rapportage-plan" label="Plan" error={errors.plan}>
          {(props) => (
            <select {...props} name="plan" defaultValue={form.plan} className="utrecht-select utrecht-select--html-select">
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rapportage-van" label="Van" description="Datum, bv. 2018-01-01" error={errors.from}>
          {(props) => (
            <input
              {...props}
              name="van"
              type="text"
              inputMode="numeric"
              placeholder="jjjj-mm-dd"
              defaultValue={form.from}
              className="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Field id="rapportage-tot" label="Tot en met" description="Datum, bv. 2018-06-30" error={errors.to}>
          {(props) => (
            <input
              {...props}
              name="tot"
              type="text"
              inputMode="numeric"
              placeholder="jjjj-mm-dd"
              defaultValue={form.to}
              className="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        {canChoosePartner && (
          <Field
            id="rapportage-partner"
            label="Partner"
            description="Alleen de acties van deze partner; leeg: alle acties."
            error={errors.partner}
          >
            {(props) => (
              <select {...props} name="partner" defaultValue={form.partner} className="utrecht-select utrecht-select--html-select">
                <option value="">Alle partners</option>
                {partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.id})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="rapportage-formaat" label="Formaat" error={errors.format}>
          {(props) => (
            <select {...props} name="formaat" defaultValue={form.format || 'html'} className="utrecht-select utrecht-select--html-select">
              {FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button appearance="primary-action-button" type="submit">
          Rapportage maken
        </Button>
      </form>
    </Layout>
  );
}
