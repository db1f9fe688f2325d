import { Layout } from '../components/layout';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';

const { Heading, Paragraph, Link } = Rhc;

/**
 * `/toegankelijkheid`: the accessibility statement Dutch government sites must publish (Besluit digitale
 * toegankelijkheid overheid), in the shape of the model statement: the standard, how it was checked, what
 * is known not to comply, and how to report a problem.
 */
export function AccessibilityPage({ context }: { context: PageContext }) {
  return (
    <Layout title="Toegankelijkheidsverklaring" context={context}>
      <Heading level={1}>Toegankelijkheidsverklaring</Heading>
      <Paragraph>
        De organisaties die de Actiemonitor gebruiken (het ministerie van VWS, de VNG en Jeugdzorg Nederland) willen dat iedereen de
        voortgang van de actieplannen kan volgen, ook mensen met een beperking. Deze website moet daarom voldoen aan de Europese norm EN 301
        549, die de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA volgt.
      </Paragraph>
      <Heading level={2}>Hoe we dit controleren</Heading>
      <ul>
        <li>
          Bij elke wijziging van de software worden alle pagina's, voor elke rol en ook met foutmeldingen en een peildatum, automatisch
          getoetst met axe-core op de WCAG 2.1-criteria A en AA.
        </li>
        <li>
          Alle formulieren en de navigatie zijn te bedienen met alleen het toetsenbord; de focus is steeds zichtbaar en een link ‘Naar de
          inhoud’ slaat het menu over.
        </li>
        <li>De pagina's werken zonder JavaScript. Elke grafiek heeft een tekstalternatief en een tabel met dezelfde cijfers.</li>
      </ul>
      <Heading level={2}>Wat nog niet voldoet</Heading>
      <Paragraph>
        Een handmatig onderzoek door een onafhankelijke deskundige is nog niet gedaan; automatische toetsen vinden niet alle problemen. Tot
        dat onderzoek er is, is de status van deze verklaring: <strong>voldoet gedeeltelijk</strong> (niet onafhankelijk onderzocht).
      </Paragraph>
      <Heading level={2}>Een probleem melden</Heading>
      <Paragraph>
        Kunt u iets niet lezen of gebruiken? Meld het bij de coördinator van uw plan of via de issues van het open-sourceproject. Noem de
        pagina (het adres) en wat er misging; u krijgt binnen twee weken antwoord.
      </Paragraph>
      <Paragraph>
        <Link href="/">Naar de plannen</Link>
      </Paragraph>
    </Layout>
  );
}
