import type { ActionReadout } from '@actiemonitor/application';
import type { PartnerView, PlanView } from '@actiemonitor/read-models';
import { ActionTable } from '../components/action-table';
import { Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';

const { Heading, Paragraph, Link } = Rhc;

export interface RegionPageProps {
  context: PageContext;
  region: PartnerView;
  /** Its regional plans, each with its actions (at the page's moment). */
  plans: Array<{ plan: PlanView; actions: ActionReadout[] }>;
  /** National actions it owns or shares. */
  owned: ActionReadout[];
  partners: Map<string, PartnerView>;
}

/** `/regios/{id}`: how a jeugdzorgregio stands: its regional plans and actions, and the national actions it owns. */
export function RegionPage({ context, region, plans, owned, partners }: RegionPageProps) {
  const at = peildatumQuery(context);
  const regional = plans.flatMap((p) => p.actions);
  const carriedOut = regional.filter((a) => a.carriesOut).length;
  return (
    <Layout title={region.name} context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link> › <Link href={`/regios${at}`}>jeugdzorgregio’s</Link> › {region.name}
      </Paragraph>
      <Heading level={1}>Jeugdzorgregio {region.name}</Heading>
      <Paragraph>
        {regional.length === 0
          ? 'Deze regio heeft nog geen regionale acties.'
          : `${regional.length} regionale ${regional.length === 1 ? 'actie' : 'acties'}, waarvan ${carriedOut} een landelijke actie ${carriedOut === 1 ? 'uitvoert' : 'uitvoeren'}.`}{' '}
        Een landelijke actie oppakken kan op de pagina van die actie, onder ‘In de regio’s’. Zie ook de{' '}
        <Link href={`/partners/${encodeURIComponent(region.id)}${at}`}>partnerpagina</Link> van de regio.
      </Paragraph>
      {plans.map(({ plan, actions }) => (
        <section key={plan.id} aria-labelledby={`plan-${plan.id}`}>
          <Heading level={2} id={`plan-${plan.id}`}>
            <Link href={`/plannen/${plan.id}${at}`}>{plan.title}</Link>
          </Heading>
          {actions.length === 0 ? (
            <Paragraph>Dit plan heeft (nog) geen acties.</Paragraph>
          ) : (
            <ActionTable caption={`Acties — ${plan.title}`} actions={actions} partners={partners} at={at} />
          )}
        </section>
      ))}
      <section aria-labelledby="landelijk">
        <Heading level={2} id="landelijk">
          Eigenaar van landelijke acties
        </Heading>
        {owned.length === 0 ? (
          <Paragraph>De regio is geen eigenaar van een landelijke actie.</Paragraph>
        ) : (
          <ActionTable caption={`Landelijke acties van ${region.name}`} actions={owned} partners={partners} at={at} />
        )}
      </section>
    </Layout>
  );
}
