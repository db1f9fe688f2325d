import type { ActionReadout } from '@actiemonitor/application';
import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { ActionTable } from '../components/action-table';
import { Field } from '../components/fields';
import { Layout } from '../components/layout';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';

const { Button, Heading, Paragraph } = Rhc;

export interface SearchPageProps {
  context: PageContext;
  query: string;
  results: Array<{ plan: PlanView; actions: ActionReadout[] }>;
  partners: Map<string, PartnerView>;
  error: string | null;
}

/** `/zoeken?q=`: words in the title, result and owners of every action, whatever case or accents. */
export function SearchPage({ context, query, results, partners, error }: SearchPageProps) {
  const count = results.reduce((n, r) => n + r.actions.length, 0);
  return (
    <Layout title={query ? `Zoeken: ${query}` : 'Zoeken'} context={context}>
      <Heading level={1}>Zoeken in alle plannen</Heading>
      <form method="get" action="/zoeken" role="search" className="am-filters">
        <Field
          id="q"
          label="Zoekwoorden"
          description="Woorden uit de titel, het resultaat of de eigenaren; hoofdletters en accenten maken niet uit."
          error={error}
        >
          {(props) => (
            <input
              {...props}
              name="q"
              type="search"
              defaultValue={query}
              maxLength={200}
              className="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Button appearance="primary-action-button" type="submit">
          Zoeken
        </Button>
      </form>
      {query && !error && (
        <Paragraph role="status">
          {count === 0 ? `Geen acties gevonden voor ‘${query}’.` : `${count} ${count === 1 ? 'actie' : 'acties'} gevonden voor ‘${query}’.`}
        </Paragraph>
      )}
      {results.map(({ plan, actions }) => (
        <section key={plan.id} aria-labelledby={`resultaten-${plan.id}`}>
          <Heading level={2} id={`resultaten-${plan.id}`}>
            {plan.title}
          </Heading>
          <ActionTable caption={`Gevonden in ${plan.title}`} actions={actions} partners={partners} at="" />
        </section>
      ))}
    </Layout>
  );
}
