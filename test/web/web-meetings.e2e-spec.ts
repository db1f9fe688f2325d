import { rawRequest, startTestServer, TestServer } from '../support/test-server';
import { PageResponse, WebClient } from './support/web-client';

const PLAN = 'actieplan-pleegzorg-2017-2018';
const MEETING_ID = 'overleg-2018-03-12-vervolg-scholing-pleegouders';
const texts = (page: PageResponse, selector: string) => page.doc.querySelectorAll(selector).map((e) => e.text.replace(/\s+/g, ' ').trim());

/** Seed 003 on the dashboard: record a meeting, add its agreements, see what became of them. */
describe('web dashboard: meetings and their agreements', () => {
  let server: TestServer;
  let coordinatorToken: string;
  let nvpToken: string;
  let apiToken: string;

  beforeAll(async () => {
    server = await startTestServer();
    [coordinatorToken, nvpToken, apiToken] = await Promise.all([
      server.token('COORDINATOR', 'JN'),
      server.token('PARTNER', 'NVP'),
      server.token('COORDINATOR', 'VWS'),
    ]);
  });
  afterAll(() => server.close());

  const eventCount = async () => (await rawRequest(server, { method: 'GET', path: '/health' })).body.events as string;

  async function signedIn(token: string): Promise<WebClient> {
    const client = new WebClient(server);
    expect((await client.signIn(token)).status).toBe(303);
    return client;
  }

  it('lets a coordinator record a meeting, refusing bad input beside its field and writing nothing', async () => {
    const coordinator = await signedIn(coordinatorToken);
    const list = await coordinator.get('/overleggen');
    expect(list.status).toBe(200);
    expect(list.html).toContain('Voor dit plan is nog geen overleg vastgelegd.');
    const before = await eventCount();
    const wrong = await coordinator.post(
      '/overleggen',
      WebClient.formFields(list, '#form-overleg', {
        planId: PLAN,
        heldOn: '2018-03-12',
        subject: 'Vervolg scholing pleegouders',
        participants: 'VWS, NJi, Onbekend',
        otherParticipants: 'Pleegouder A. de Vries',
      }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.doc.querySelector('#meeting-participants-error')?.text).toBe("onbekende partner 'ONBEKEND'; registreer de partner eerst");
    expect(wrong.doc.querySelector('#meeting-participants')?.getAttribute('value')).toBe('VWS, NJi, Onbekend');
    const badDate = await coordinator.post(
      '/overleggen',
      WebClient.formFields(wrong, '#form-overleg', { participants: 'VWS', heldOn: '12-03-2018' }),
    );
    expect(badDate.status).toBe(400);
    expect(badDate.doc.querySelector('#meeting-heldOn-error')?.text).toContain('geen bestaande datum');
    expect(await eventCount()).toBe(before);

    const recorded = await coordinator.post('/overleggen', WebClient.formFields(wrong, '#form-overleg', { participants: 'VWS, NJi, NVP' }));
    expect([recorded.status, recorded.location]).toEqual([303, `/overleggen/${MEETING_ID}?opgeslagen=overleg`]);
    const page = await coordinator.get(recorded.location!);
    expect(page.doc.querySelector('h1')?.text).toBe('Overleg Vervolg scholing pleegouders');
    expect(texts(page, '.am-facts dd')).toEqual(expect.arrayContaining(['12 maart 2018']));
    expect(page.html).toContain('Pleegouder A. de Vries');
    expect(page.html).toContain('Bij dit overleg zijn nog geen afspraken vastgelegd.');
    expect((await coordinator.get('/overleggen')).doc.querySelector(`a[href="/overleggen/${MEETING_ID}"]`)?.text).toBe(
      'Vervolg scholing pleegouders',
    );
  });

  it('adds two agreements as owned actions; the meeting lists them with their status, and a second submit records nothing', async () => {
    const coordinator = await signedIn(coordinatorToken);
    const page = await coordinator.get(`/overleggen/${MEETING_ID}`);
    const before = await eventCount();
    const wrong = await coordinator.post(
      `/overleggen/${MEETING_ID}/afspraken`,
      WebClient.formFields(page, '#form-afspraak', { title: 'Scholingsaanbod uitwerken', owners: 'JN', deadline: 'ooit' }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.doc.querySelector('#agreement-deadline-error')?.text).toContain('Termijn "ooit" niet begrepen');
    expect(await eventCount()).toBe(before);

    const first = WebClient.formFields(wrong, '#form-afspraak', { deadline: 'eind 2018' });
    const saved = await coordinator.post(`/overleggen/${MEETING_ID}/afspraken`, first);
    expect([saved.status, saved.location]).toEqual([303, `/overleggen/${MEETING_ID}?opgeslagen=afspraak#afspraken`]);
    const again = await coordinator.post(`/overleggen/${MEETING_ID}/afspraken`, first);
    expect(again.status).toBe(303);

    const next = await coordinator.get(`/overleggen/${MEETING_ID}`);
    const second = await coordinator.post(
      `/overleggen/${MEETING_ID}/afspraken`,
      WebClient.formFields(next, '#form-afspraak', {
        title: 'Terugkoppeling aan de deelnemers',
        owners: 'nvp, VWS',
        deadline: 'juni 2018',
      }),
    );
    expect(second.status).toBe(303);

    const meeting = await coordinator.get(`/overleggen/${MEETING_ID}`);
    const rows = meeting.doc
      .querySelectorAll('section[aria-labelledby="afspraken"] tbody tr')
      .map((row) => row.querySelectorAll('td').map((cell) => cell.text.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      [
        'Scholingsaanbod uitwerken',
        'Jeugdzorg Nederland',
        expect.stringContaining('eind 2018'),
        expect.stringContaining('Niet gerapporteerd'),
      ],
      [
        'Terugkoppeling aan de deelnemers',
        'Nederlandse Vereniging voor Pleeggezinnen, Ministerie van Volksgezondheid, Welzijn en Sport',
        expect.stringContaining('juni 2018'),
        expect.stringContaining('Niet gerapporteerd'),
      ],
    ]);
    const actionPage = await coordinator.get('/acties/afspraak-2018-03-12-scholingsaanbod-uitwerken');
    expect(actionPage.status).toBe(200);
    expect(actionPage.doc.querySelector(`a[href="/overleggen/${MEETING_ID}"]`)?.text).toBe('Vervolg scholing pleegouders');
    expect(actionPage.html).toContain('Afgesproken in overleg');
    const res = await server.gql(`{ meeting(id: "${MEETING_ID}") { agreements { actionId } } }`, {}, apiToken);
    expect(res.data.meeting.agreements).toHaveLength(2);
  });

  it('shows a partner the meetings without the forms, and refuses its posts: nothing written', async () => {
    const nvp = await signedIn(nvpToken);
    const list = await nvp.get('/overleggen');
    expect(list.doc.querySelector('#form-overleg')).toBeNull();
    const page = await nvp.get(`/overleggen/${MEETING_ID}`);
    expect(page.doc.querySelector('#form-afspraak')).toBeNull();
    const csrf = WebClient.formFields(page, 'form[action="/uitloggen"]')._csrf;
    const before = await eventCount();
    const refused = await nvp.post(`/overleggen/${MEETING_ID}/afspraken`, {
      _csrf: csrf,
      commandId: 'nvp-afspraak',
      title: 'Zelf bedacht',
      actionLineId: 'pleegzorg-1',
      owners: 'NVP',
      deadline: '',
      result: '',
    });
    expect(refused.status).toBe(403);
    expect(await eventCount()).toBe(before);
  });
});
