import { EVENTS } from '../support/queries';
import { startTestServer, TestServer } from '../support/test-server';
import { PageResponse, WebClient } from './support/web-client';

const NATIONAL = 'koers-o-7';
const HAAGLANDEN = 'REGIO-HAAGLANDEN';
const TWENTE = 'REGIO-TWENTE';
const INSTANCE = `${NATIONAL}-regio-haaglanden`;
const WITH_TARGET = 'pleegzorg-3-4';
const TARGET = 'pleegzorg-3-inschrijvingen-2017';

const text = (page: PageResponse, selector: string) => page.doc.querySelector(selector)?.text.replace(/\s+/g, ' ').trim() ?? null;

describe('web dashboard: the regional level', () => {
  let server: TestServer;
  let haaglandenToken: string;
  let twenteToken: string;
  let coordinatorToken: string;
  let apiToken: string;

  beforeAll(async () => {
    server = await startTestServer();
    [haaglandenToken, twenteToken, coordinatorToken, apiToken] = await Promise.all([
      server.token('PARTNER', HAAGLANDEN),
      server.token('PARTNER', TWENTE),
      server.token('COORDINATOR', 'VNG'),
      server.token('AUDITOR', null),
    ]);
  });
  afterAll(() => server.close());

  async function signedIn(token: string): Promise<WebClient> {
    const client = new WebClient(server);
    expect((await client.signIn(token)).status).toBe(303);
    return client;
  }

  const eventTypes = async (streamId: string) =>
    ((await server.gql(EVENTS, { streamId, first: 100 }, apiToken)).data.events.events as Array<{ type: string }>).map((e) => e.type);

  it('lets a region take up a national action from its page, with its own deadline; the page then shows the roll-up', async () => {
    const region = await signedIn(haaglandenToken);
    const page = await region.get(`/acties/${NATIONAL}`);
    expect(text(page, '#in-de-regios')).toBe('In de regio’s');
    expect(page.html).toContain('Nog geen regio heeft deze actie opgepakt.');
    expect(text(page, '#form-opvolging h3')).toBe('Oppakken in Haaglanden');

    const wrong = await region.post(`/acties/${NATIONAL}/opvolging`, WebClient.formFields(page, '#form-opvolging', { deadline: 'ooit' }));
    expect(wrong.status).toBe(400);
    expect(text(wrong, '#opvolging-termijn-error')).toBeTruthy();
    expect(await eventTypes(`action-${INSTANCE}`)).toEqual([]);

    const done = await region.post(
      `/acties/${NATIONAL}/opvolging`,
      WebClient.formFields(page, '#form-opvolging', { deadline: 'eind 2020' }),
    );
    expect(done.status).toBe(303);
    const after = await region.get(done.location!);
    expect(after.html).toContain('De regionale uitvoering is vastgelegd.');
    expect(after.html).toContain('Opgepakt in 1 van de 42 jeugdzorgregio’s, met 1 regionale uitvoering.');
    expect(
      after.doc.querySelector(`#in-de-regios ~ table a[href="/acties/${INSTANCE}"]`) ??
        after.doc.querySelector(`a[href="/acties/${INSTANCE}"]`),
    ).toBeTruthy();
    // Taken up: the region is not offered it again.
    expect(after.doc.querySelector('#form-opvolging')).toBeNull();
  });

  it('lets the region report status on its own instance, and not another region', async () => {
    const region = await signedIn(haaglandenToken);
    const page = await region.get(`/acties/${INSTANCE}`);
    expect(text(page, '#bijwerken')).toBe('Rapporteren voor de regio');
    expect(page.doc.querySelector(`a[href="/acties/${NATIONAL}"]`)).toBeTruthy();
    const saved = await region.post(`/acties/${INSTANCE}/status`, WebClient.formFields(page, '#form-status', { status: 'IN_PROGRESS' }));
    expect(saved.status).toBe(303);

    const other = await signedIn(twenteToken);
    const seen = await other.get(`/acties/${INSTANCE}`);
    expect(seen.doc.querySelector('#form-status')).toBeNull();
    const refused = await other.post(
      `/acties/${INSTANCE}/status`,
      WebClient.formFields(page, '#form-status', {
        status: 'COMPLETED',
        _csrf: WebClient.formFields(seen, 'form[action="/uitloggen"]')._csrf,
      }),
    );
    expect(refused.status).toBe(403);
    expect(await eventTypes(`action-${INSTANCE}`)).toEqual(['ActionRegistered', 'ActionStatusChanged']);
  });

  it('shows /regios with a row per region and its regional actions per status, and the region’s own page', async () => {
    const client = await signedIn(coordinatorToken);
    const regions = await client.get('/regios');
    const row = regions.doc.querySelectorAll('main tbody tr').find((r) => r.querySelector(`a[href="/regios/${HAAGLANDEN}"]`));
    const cells = row!.querySelectorAll('td').map((c) => c.text.trim());
    // Regional actions, then one column per status (NOT_REPORTED, NOT_STARTED, IN_PROGRESS, ...), then national actions owned.
    expect(cells.slice(0, 4)).toEqual(['1', '0', '0', '1']);
    const page = await client.get(`/regios/${HAAGLANDEN}`);
    expect(page.status).toBe(200);
    expect(text(page, 'h1')).toBe('Jeugdzorgregio Haaglanden');
    expect(page.doc.querySelector(`a[href="/acties/${INSTANCE}"]`)).toBeTruthy();
    expect((await client.get('/regios/VNG')).status).toBe(404);
  });

  it('lets a region record its startfoto and a measurement beside a national target, with attainment and the sum', async () => {
    const region = await signedIn(haaglandenToken);
    const page = await region.get(`/acties/${WITH_TARGET}`);
    const form = `#form-startfoto-${TARGET}`;
    const fields = WebClient.formFields(page, form, { value: '200', measuredAt: '2016-09-30', unit: 'inschrijvingen' });
    expect(fields.regionId).toBe(HAAGLANDEN);
    expect((await region.post(`/acties/${WITH_TARGET}/startfoto/${TARGET}`, { ...fields, value: 'twee' })).status).toBe(400);
    expect((await region.post(`/acties/${WITH_TARGET}/startfoto/${TARGET}`, fields)).status).toBe(303);
    const next = await region.get(`/acties/${WITH_TARGET}`);
    const measured = WebClient.formFields(next, `#form-regiometing-${TARGET}`, { value: '208', measuredAt: '2017-12-31' });
    expect((await region.post(`/acties/${WITH_TARGET}/regiometing/${TARGET}`, measured)).status).toBe(303);
    const after = await region.get(`/acties/${WITH_TARGET}`);
    expect(after.html).toContain('Opgeteld over 1 regio met een meting: 208 inschrijvingen (hun startfoto’s samen: 200).');
    expect(after.html).toContain('Niet meegeteld, want zonder meting: 41 regio’s.');
    const row = after.doc.querySelectorAll('.am-regional-figures tbody tr')[0];
    expect(
      row
        .querySelectorAll('td')
        .map((c) => c.text.trim())
        .pop(),
    ).toBe('80%');
  });
});
