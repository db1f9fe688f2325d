import { startTestServer, TestServer } from '../support/test-server';
import { WebClient } from './support/web-client';

/**
 * The dashboard shows what the plans say around their actions: the kamerstukken on /kamerstukken with
 * the plans and actions that answer them, Bijlage 2's figures on the plan page beside the targets they
 * give context to, the Koers's opgaven with their actions, and an action's kamerstukken and themes.
 */
describe('web: kamerstukken, themes and context figures', () => {
  let server: TestServer;
  let client: WebClient;

  beforeAll(async () => {
    server = await startTestServer();
    client = new WebClient(server);
    expect((await client.signIn(await server.token('AUDITOR', null))).status).toBe(303);
  });
  afterAll(() => server.close());

  it('/kamerstukken lists the motie Voortman with its number and the actions answering it', async () => {
    const page = await client.get('/kamerstukken');
    expect(page.status).toBe(200);
    const section = page.doc.querySelector('#kamerstuk-motie-voortman-34550-xvi-89')!.parentNode!;
    expect(section.text).toContain('Motie · Tweede Kamer · 34550 XVI nr. 89');
    const links = section.querySelectorAll('li a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/plannen/actieplan-pleegzorg-2017-2018', '/acties/pleegzorg-2-1', '/acties/pleegzorg-2-3']);
    expect(page.doc.querySelector('#kamerstuk-kamervragen-ypma-2016z20139')).not.toBeNull();
  });

  it('/kamerstukken before the import shows none', async () => {
    const page = await client.get('/kamerstukken?peildatum=2010-01-01');
    expect(page.status).toBe(200);
    expect(page.doc.querySelectorAll('main h2')).toHaveLength(0);
    expect(page.doc.querySelector('main')!.text).toContain('geen kamerstukken');
  });

  it('the Actieplan’s page shows the children in pleegzorg with source, and the pleeggezinnen beside actielijn 3’s targets', async () => {
    const page = await client.get('/plannen/actieplan-pleegzorg-2017-2018');
    expect(page.status).toBe(200);
    const planWide = page.doc.querySelector('#contextcijfers')!.parentNode!;
    expect(planWide.text).toContain('22.512 kinderen en jongeren');
    expect(planWide.text).toContain('Pleegzorg Nederland, 2016');
    const line3 = page.doc.querySelector('#actielijn-pleegzorg-3')!.parentNode!;
    const families = line3.querySelector('#reeks-pleegzorg-pleeggezinnen')!.parentNode!;
    expect(
      families.querySelectorAll('tbody tr').map((r) =>
        r
          .querySelectorAll('td')
          .map((c) => c.text.trim())
          .slice(0, 2),
      ),
    ).toEqual([
      ['2014', '16.223 gezinnen'],
      ['2015', '18.430 gezinnen'],
    ]);
    expect(families.text).toContain('Context bij de doelen: Toename van het aantal inschrijvingen');
    expect(families.querySelector('svg')!.getAttribute('aria-label')).toBe(
      'Contextcijfers (geen doel): 16.223 gezinnen op 31-12-2014, 18.430 gezinnen op 31-12-2015',
    );
  });

  it('the Koers’s page lists its opgaven with the actions serving them', async () => {
    const page = await client.get('/plannen/koers-gezinshuizen-2019-2021');
    const row = page.doc.querySelector('#thema-koers-opgave-partnerschap')!.parentNode!;
    expect(row.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      '/acties/koers-o-1',
      '/acties/koers-o-2',
      '/acties/koers-o-6',
      '/acties/koers-o-8',
    ]);
  });

  it('an action’s page names its kamerstukken and themes', async () => {
    const action = await client.get('/acties/pleegzorg-2-3');
    const references = action.doc.querySelector('#kamerstukken')!.parentNode!;
    expect(references.querySelectorAll('li')).toHaveLength(3);
    expect(references.text).toContain('Kamervragen Ypma (2016Z20139)');
    const campagne = await client.get('/acties/koers-o-1');
    expect(campagne.doc.querySelector('#themas')!.parentNode!.querySelectorAll('li')).toHaveLength(5);
  });
});
