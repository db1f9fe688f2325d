import { EVENTS } from '../support/queries';
import { startTestServer, TestServer } from '../support/test-server';
import { WebClient } from './support/web-client';

const ACTION = 'pleegzorg-3-4'; // owners JN and VNG
const PLAN = 'actieplan-pleegzorg-2017-2018';

describe('web dashboard: sessions, roles and writes through the pages (server-side HTML)', () => {
  let server: TestServer;
  let coordinatorToken: string;
  let partnerToken: string;
  let auditorToken: string;
  let apiToken: string;
  /** An instant just before the first status change through the form. */
  let beforeChange: string;

  beforeAll(async () => {
    server = await startTestServer();
    [coordinatorToken, partnerToken, auditorToken, apiToken] = await Promise.all([
      server.token('COORDINATOR', 'JN'),
      server.token('PARTNER', 'NJI'),
      server.token('AUDITOR', null),
      server.token('COORDINATOR', 'VWS'),
    ]);
  });
  afterAll(() => server.close());

  async function streamEvents(streamId: string) {
    const res = await server.gql(EVENTS, { streamId, first: 500 }, apiToken);
    return res.data.events.events as Array<{ type: string; data: Record<string, unknown>; actor: { partnerId: string; role: string } }>;
  }

  async function signedIn(token: string): Promise<WebClient> {
    const client = new WebClient(server);
    const res = await client.signIn(token);
    expect(res.status).toBe(303);
    return client;
  }

  it('offers partners the same action history over GraphQL as the action page shows them', async () => {
    const res = await server.gql(
      `query ($id: ID!) { action(id: $id) { history { type version actor { partnerId role } } } }`,
      { id: ACTION },
      partnerToken,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.action.history[0]).toMatchObject({ type: 'ActionRegistered', version: 1, actor: { partnerId: null, role: null } });
    const past = await server.gql(
      `query ($id: ID!, $asOf: DateTime!) { action(id: $id, asOf: $asOf) { history { version } } }`,
      { id: ACTION, asOf: new Date().toISOString() },
      partnerToken,
    );
    expect(past.data.action.history.length).toBe(res.data.action.history.length);
  });

  it('sends a visitor without a session to /inloggen from every page, but not from the statement, assets or health', async () => {
    const client = new WebClient(server);
    for (const path of [
      '/',
      `/plannen/${PLAN}`,
      `/acties/${ACTION}`,
      '/partners/JN',
      '/logboek',
      '/zoeken?q=pleeg',
      `/plannen/${PLAN}/acties.csv`,
    ]) {
      const res = await client.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 303 });
      expect(res.location).toBe(`/inloggen?terug=${encodeURIComponent(path)}`);
    }
    expect((await client.get('/inloggen')).status).toBe(200);
    expect((await client.get('/toegankelijkheid')).status).toBe(200);
    expect((await client.get('/assets/app/app.css')).status).toBe(200);
    expect((await client.get('/health')).status).toBe(200);
  });

  it('signs in with a token into an HttpOnly, SameSite=Strict, encrypted cookie that never holds the token', async () => {
    const client = new WebClient(server);
    const form = await client.get('/inloggen');
    expect(form.doc.querySelector('label[for="token"]')?.text).toBe('Token');
    const res = await client.post(
      '/inloggen',
      WebClient.formFields(form, 'form[action="/inloggen"]', { token: coordinatorToken, terug: '/partners/JN' }),
    );
    expect(res.status).toBe(303);
    expect(res.location).toBe('/partners/JN');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toContain(coordinatorToken);
    expect(decodeURIComponent(setCookie)).not.toContain(coordinatorToken.slice(3, 20));
    const home = await client.get('/');
    expect(home.status).toBe(200);
    expect(home.html).not.toContain(coordinatorToken);
    expect(home.doc.querySelector('title')?.text).toBe('Plannen — Actiemonitor');
  });

  it('refuses an unknown token with the reason beside the field and never shows the token back', async () => {
    const client = new WebClient(server);
    const form = await client.get('/inloggen');
    const res = await client.post('/inloggen', WebClient.formFields(form, 'form[action="/inloggen"]', { token: 'am_nietbestaand123' }));
    expect(res.status).toBe(401);
    expect(res.doc.querySelector('#token-error')?.text).toBe('Dit token is onbekend, verlopen of ingetrokken.');
    expect(res.doc.querySelector('#token')?.getAttribute('aria-describedby')).toBe('token-error');
    expect(res.html).not.toContain('am_nietbestaand123');
  });

  it('refuses a sign-in from another site or without the CSRF token', async () => {
    const client = new WebClient(server);
    const form = await client.get('/inloggen');
    const fields = WebClient.formFields(form, 'form[action="/inloggen"]', { token: coordinatorToken });
    expect((await client.post('/inloggen', fields, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await client.post('/inloggen', fields, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await client.post('/inloggen', { ...fields, _csrf: 'vervalst' })).status).toBe(403);
    expect((await client.post('/inloggen', fields)).status).toBe(303);
  });

  it('does not redirect to another site after signing in', async () => {
    const client = new WebClient(server);
    const form = await client.get('/inloggen?terug=//evil.example/');
    const res = await client.post('/inloggen', WebClient.formFields(form, 'form[action="/inloggen"]', { token: coordinatorToken }));
    expect(res.location).toBe('/');
  });

  it('changes a status through the form: once, shown on the action, plan and partner pages, with who and when in the history', async () => {
    const client = await signedIn(coordinatorToken);
    const page = await client.get(`/acties/${ACTION}`);
    expect(page.doc.querySelector('#form-status h3')?.text).toBe('Status wijzigen');
    const fields = WebClient.formFields(page, '#form-status', { status: 'DELAYED', note: 'Financiering ontbreekt' });
    const before = (await streamEvents(`action-${ACTION}`)).length;
    beforeChange = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));

    const saved = await client.post(`/acties/${ACTION}/status`, fields);
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/acties/${ACTION}?opgeslagen=status`);
    // The same form again (double click, refresh, back button): nothing new.
    expect((await client.post(`/acties/${ACTION}/status`, fields)).status).toBe(303);
    const events = await streamEvents(`action-${ACTION}`);
    expect(events.length).toBe(before + 1);
    expect(events[events.length - 1]).toMatchObject({
      type: 'ActionStatusChanged',
      data: { status: 'DELAYED', note: 'Financiering ontbreekt' },
      actor: { partnerId: 'JN', role: 'COORDINATOR' },
    });

    const after = await client.get(`/acties/${ACTION}?opgeslagen=status`);
    expect(after.doc.querySelector('.am-facts .am-status')?.text).toBe('Vertraagd');
    expect(after.html).toContain('De status is opgeslagen.');
    const history = after.doc.querySelectorAll('.am-history li').map((li) => li.text);
    expect(history[0]).toMatch(
      /^Status gewijzigd van Niet gerapporteerd naar Vertraagd door JN \(coördinator\), \d{1,2} \w+ \d{4} \d{2}:\d{2}: Financiering ontbreekt$/,
    );

    const plan = await client.get(`/plannen/${PLAN}`);
    const row = plan.doc.querySelectorAll('tr').find((tr) => tr.text.includes(ACTION));
    expect(row?.querySelector('.am-status')?.text).toBe('Vertraagd');
    for (const owner of ['JN', 'VNG']) {
      const partner = await client.get(`/partners/${owner}`);
      const ownerRow = partner.doc.querySelectorAll('#alle-acties ~ table tr, table tr').find((tr) => tr.text.includes(ACTION));
      expect({ owner, status: ownerRow?.querySelector('.am-status')?.text }).toEqual({ owner, status: 'Vertraagd' });
    }
  });

  it('gives a stale form the Dutch conflict message, what changed and the current values, and writes nothing', async () => {
    const first = await signedIn(coordinatorToken);
    const second = await signedIn(coordinatorToken);
    const action = 'pleegzorg-3-5';
    const stale = WebClient.formFields(await second.get(`/acties/${action}`), '#form-status', {
      status: 'AT_RISK',
      note: 'Mijn inschatting',
    });
    const fresh = WebClient.formFields(await first.get(`/acties/${action}`), '#form-status', { status: 'IN_PROGRESS', note: 'Gestart' });
    expect((await first.post(`/acties/${action}/status`, fresh)).status).toBe(303);
    const before = (await streamEvents(`action-${action}`)).length;

    const conflict = await second.post(`/acties/${action}/status`, stale);
    expect(conflict.status).toBe(409);
    const alert = conflict.doc.querySelector('#form-status .utrecht-alert')!.text;
    expect(alert).toContain('Niet opgeslagen: iemand anders heeft deze actie gewijzigd nadat u het formulier opende.');
    expect(alert).toContain('Status gewijzigd van Niet gerapporteerd naar Loopt door JN (coördinator)');
    expect(conflict.doc.querySelector('.am-facts .am-status')?.text).toBe('Loopt');
    // The user's input is kept, with the current version, so saving again is one click.
    expect(conflict.doc.querySelector('#note')?.text).toBe('Mijn inschatting');
    expect(conflict.doc.querySelector('#status option[selected]')?.getAttribute('value')).toBe('AT_RISK');
    expect((await streamEvents(`action-${action}`)).length).toBe(before);
  });

  it('shows a refusal beside the field with the input kept, and writes nothing', async () => {
    const client = await signedIn(coordinatorToken);
    const action = 'pleegzorg-2-1';
    const fields = WebClient.formFields(await client.get(`/acties/${action}`), '#form-status', { status: 'STOPPED', note: '' });
    const before = (await streamEvents(`action-${action}`)).length;
    const res = await client.post(`/acties/${action}/status`, fields);
    expect(res.status).toBe(400);
    expect(res.doc.querySelector('#note-error')?.text).toMatch(/^een toelichting is verplicht bij STOPPED/);
    // The domain's Dutch text without the field name, and nothing of the English meaning.
    expect(res.doc.querySelector('#note-error')?.text).toBe('een toelichting is verplicht bij STOPPED: waarom is de actie gestopt?');
    expect(res.doc.querySelector('#note')?.getAttribute('aria-describedby')).toContain('note-error');
    expect(res.doc.querySelector('#status option[selected]')?.getAttribute('value')).toBe('STOPPED');
    expect((await streamEvents(`action-${action}`)).length).toBe(before);

    const badDeadline = WebClient.formFields(res, '#form-termijn', { deadline: 'ooit', reason: 'Uitgesteld' });
    const refused = await client.post(`/acties/${action}/termijn`, badDeadline);
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('#deadline-error')?.text.length).toBeGreaterThan(5);
    expect(refused.doc.querySelector('#deadline-error')?.text).toBe('Termijn "ooit" niet begrepen: het woord "ooit" wordt niet herkend.');
    expect(refused.doc.querySelector('#deadline')?.getAttribute('value')).toBe('ooit');
  });

  it('refuses a write without CSRF token or from another site, even with a valid session', async () => {
    const client = await signedIn(coordinatorToken);
    const action = 'pleegzorg-2-2';
    const fields = WebClient.formFields(await client.get(`/acties/${action}`), '#form-status', { status: 'IN_PROGRESS' });
    const before = (await streamEvents(`action-${action}`)).length;
    expect((await client.post(`/acties/${action}/status`, { ...fields, _csrf: '' })).status).toBe(403);
    expect((await client.post(`/acties/${action}/status`, fields, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await streamEvents(`action-${action}`)).length).toBe(before);
  });

  it('shows partners no forms and no logbook, and refuses their posts; auditors read the logbook', async () => {
    const partner = await signedIn(partnerToken);
    const page = await partner.get(`/acties/${ACTION}`);
    expect(page.status).toBe(200);
    expect(page.doc.querySelectorAll('form[method="post"]').map((f) => f.getAttribute('action'))).toEqual(['/uitloggen']);
    expect((await partner.get('/logboek')).status).toBe(403);
    const coordinator = await signedIn(coordinatorToken);
    const fields = WebClient.formFields(await coordinator.get(`/acties/${ACTION}`), '#form-status', { status: 'COMPLETED' });
    const csrf = WebClient.formFields(page, 'form[action="/uitloggen"]')._csrf;
    expect((await partner.post(`/acties/${ACTION}/status`, { ...fields, _csrf: csrf })).status).toBe(403);

    const auditor = await signedIn(auditorToken);
    const log = await auditor.get('/logboek?soort=ActionStatusChanged');
    expect(log.status).toBe(200);
    expect(log.doc.querySelector('main')?.text).toMatch(/kop-hash [0-9a-f]{64}/);
    expect(log.doc.querySelectorAll('tbody tr').every((tr) => tr.text.includes('ActionStatusChanged'))).toBe(true);
    const checked = await auditor.get('/logboek?controle=ja');
    expect(checked.doc.querySelector('.utrecht-alert')?.text).toMatch(/Keten intact: \d+ gebeurtenissen gecontroleerd/);
  });

  it('ends a session at the next request once its token is revoked', async () => {
    const name = `web-revoke-${Date.now()}`;
    const created = await server.cli(['tokens', 'create', '--role', 'partner', '--partner', 'NVP', '--name', name]);
    const token = created.stdout.trim().split('\n').pop()!;
    const client = await signedIn(token);
    expect((await client.get('/')).status).toBe(200);
    expect((await server.cli(['tokens', 'revoke', '--name', name])).code).toBe(0);
    const after = await client.get('/');
    expect(after.status).toBe(303);
    const signIn = await client.get(after.location!);
    expect(signIn.doc.querySelector('main')?.text).toContain('Uw sessie is beëindigd');
  });

  it('shows a page as it was at ?peildatum=, says so, and refuses a date in the future', async () => {
    const client = await signedIn(coordinatorToken);
    const past = await client.get(`/acties/${ACTION}?peildatum=${encodeURIComponent(beforeChange)}`);
    expect(past.status).toBe(200);
    expect(past.doc.querySelector('main .utrecht-alert')?.text).toMatch(/^U bekijkt de stand van \d{1,2} \w+ \d{4} \d{2}:\d{2}\./);
    expect(past.doc.querySelector('.am-facts .am-status')?.text).toBe('Niet gerapporteerd');
    expect(
      past.doc
        .querySelectorAll('.am-history li')
        .map((li) => li.text)
        .join('\n'),
    ).not.toContain('Vertraagd');
    // Links on a past page keep the moment; no forms (writing happens in the present).
    expect(past.doc.querySelector('a[href^="/plannen/"]')?.getAttribute('href')).toContain('peildatum=');
    expect(past.doc.querySelector('#form-status')).toBeNull();
    const live = await client.get(`/acties/${ACTION}`);
    expect(live.doc.querySelector('.am-facts .am-status')?.text).toBe('Vertraagd');
    // Before the plans were imported the action did not exist: said so, not an error.
    const earlier = await client.get(`/acties/${ACTION}?peildatum=2020-01-01`);
    expect(earlier.status).toBe(404);
    expect(earlier.doc.querySelector('main')?.text).toContain('bestond op 1 januari 2020 (einde van de dag) nog niet');
    const future = await client.get('/?peildatum=2999-01-01');
    expect(future.status).toBe(400);
    expect(future.doc.querySelector('#peildatum-error')?.text).toBe('ligt in de toekomst');
  });

  it('downloads the plan table for Excel: BOM, semicolons, Dutch headers and status labels, filters applied', async () => {
    const client = await signedIn(coordinatorToken);
    const res = await fetch(`${server.url}/plannen/${PLAN}/acties.csv?status=DELAYED`, { headers: { cookie: client.sessionCookie! } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Plan;Actielijn;Actie-id;Actie;Eigenaren;Termijn;Begin;Uiterlijk;Status;Toelichting;Termijn verstreken;Stand van',
    );
    expect(lines.slice(1).map((l) => l.split(';')[2])).toEqual([ACTION]);
    expect(lines[1]).toContain(';Vertraagd;');
    expect(bytes.toString('utf8')).not.toContain('NOT_REPORTED');
  });

  it('finds actions whatever the accents: continuiteit finds action line 1 of the Actieplan', async () => {
    const client = await signedIn(partnerToken);
    const res = await client.get('/zoeken?q=continuiteit');
    const ids = res.doc.querySelectorAll('tbody tr small').map((s) => s.text);
    expect(ids).toEqual(expect.arrayContaining(['pleegzorg-1-1', 'pleegzorg-1-2', 'pleegzorg-1-3']));
  });

  it('resolves partner aliases in the URL', async () => {
    const client = await signedIn(partnerToken);
    for (const alias of ['NJi', 'nji', 'NJI']) {
      const res = await client.get(`/partners/${alias}`);
      expect(res.status).toBe(200);
      expect(res.doc.querySelector('h1')?.text).toBe('Nederlands Jeugdinstituut (NJI)');
    }
    expect((await client.get('/partners/BESTAATNIET')).status).toBe(404);
  });

  it('answers an unknown address with a Dutch page for browsers and JSON for API clients', async () => {
    const client = await signedIn(partnerToken);
    const res = await fetch(`${server.url}/bestaat/niet`, {
      headers: { cookie: client.sessionCookie!, accept: 'text/html,application/xhtml+xml' },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<h1 class="nl-heading nl-heading--level-1 rhc-heading">Pagina niet gevonden</h1>');
    const api = await fetch(`${server.url}/bestaat/niet`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  it('serves pages with a CSP that allows only our own host', async () => {
    const client = await signedIn(partnerToken);
    const res = await client.get(`/plannen/${PLAN}`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    const externals = [...res.html.matchAll(/(?:src|href)="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(externals).toEqual([]);
  });
});

describe('web dashboard in public mode (PUBLIC_READ=true)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_READ: 'true' } });
  });
  afterAll(() => server.close());

  it('lets a visitor without a session read plans, actions, partners and search, without actors, logbook or forms', async () => {
    const visitor = new WebClient(server);
    expect((await visitor.get(`/plannen/${PLAN}`)).status).toBe(200);
    const action = await visitor.get(`/acties/${ACTION}`);
    expect(action.status).toBe(200);
    expect(action.doc.querySelectorAll('form[method="post"]')).toHaveLength(0);
    expect(
      action.doc
        .querySelectorAll('.am-history li')
        .map((li) => li.text)
        .join('\n'),
    ).not.toContain(' door ');
    expect((await visitor.get('/partners/JN')).status).toBe(200);
    expect((await visitor.get('/zoeken?q=pleeg')).status).toBe(200);
    expect((await visitor.get('/logboek')).status).toBe(403);
    expect(visitor.sessionCookie).toBeNull();
    const post = await visitor.post(`/acties/${ACTION}/status`, { status: 'COMPLETED', _csrf: 'x', commandId: 'c1' });
    expect([403]).toContain(post.status);
  });
});
