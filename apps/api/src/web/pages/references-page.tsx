import type { ActionReadout } from '@actiemonitor/application';
import type { PlanView, ReferenceView } from '@actiemonitor/read-models';
import { referenceAnchor, referenceLabel } from '../components/context-parts';
import { Layout } from '../components/layout';
import { peildatumQuery } from '../components/links';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';

const { Heading, Paragraph, Link } = Rhc;

export interface ReferencesPageProps {
  context: PageContext;
  references: ReferenceView[];
  plans: Map<string, PlanView>;
  actions: Map<string, ActionReadout>;
}

/** `/kamerstukken`: every motie, Kamervragen, toezegging or overleg the plans name, with the plans and actions answering it. */
export function ReferencesPage({ context, references, plans, actions }: ReferencesPageProps) {
  const at = peildatumQuery(context);
  return (
    <Layout title="Kamerstukken" context={context} timeTravel>
      <Paragraph>
        <Link href={`/${at}`}>Plannen</Link> › kamerstukken
      </Paragraph>
      <Heading level={1}>Kamerstukken</Heading>
      <Paragraph>
        De moties, Kamervragen, toezeggingen en overleggen die de plannen noemen, met de plannen en acties die erop antwoorden. Wat de bron
        niet noemt (zoals de datum van een motie) blijft leeg.
      </Paragraph>
      {references.length === 0 && <Paragraph>Er zijn (op dit moment) geen kamerstukken vastgelegd.</Paragraph>}
      {references.map((r) => {
        const linkedPlans = r.links.filter((l) => l.subject === 'PLAN');
        const linkedActions = r.links.filter((l) => l.subject === 'ACTION');
        return (
          <section key={r.id} aria-labelledby={referenceAnchor(r.id)} className="am-reference">
            <Heading level={2} id={referenceAnchor(r.id)}>
              {r.title}
            </Heading>
            <Paragraph>{referenceLabel(r)}</Paragraph>
            {r.members.length > 0 && <Paragraph>Kamerleden: {r.members.join(', ')}</Paragraph>}
            <Paragraph>Bron: {r.source}</Paragraph>
            {linkedPlans.length + linkedActions.length === 0 ? (
              <Paragraph>Nog geen plan of actie gekoppeld.</Paragraph>
            ) : (
              <ul aria-label={`Plannen en acties bij ${r.title}`}>
                {linkedPlans.map((l) => (
                  <li key={`plan-${l.subjectId}`}>
                    Plan <Link href={`/plannen/${l.subjectId}${at}`}>{plans.get(l.subjectId)?.title ?? l.subjectId}</Link>
                    {l.note ? `: ${l.note}` : ''}
                  </li>
                ))}
                {linkedActions.map((l) => (
                  <li key={`action-${l.subjectId}`}>
                    Actie <Link href={`/acties/${l.subjectId}${at}`}>{actions.get(l.subjectId)?.title ?? l.subjectId}</Link>
                    {l.note ? `: ${l.note}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
