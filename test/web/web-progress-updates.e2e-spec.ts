import { EVENTS } from '../support/queries';
import { startTestServer, TestServer } from '../support/test-server';
import { PageResponse, WebClient } from './support/web-client';

const PLAN = 'actieplan-pleegzorg-2017-2018';
/** NVP owns pleegzorg-1-2, 2-1, 2-2, 4-1, 4-3 and 4-4 (with JN, VNG and NJI on some of them). */
const ONLY_NVP = 'pleegzorg-2-2';
const WITH_TARGET = 'pleegzorg-4-4';
const TARGET = 'pleegzorg-4-ervaringsdeskundigen-2019';
const TO_RETURN = 'pleegzorg-4-3';
const LATE = 'pleegzorg-2-1';

/** A calendar date in the Netherlands, `days` from today (JJJJ-MM-DD). */
function dutchDate(days = 0): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

const texts = (page: PageResponse, selector: string) => page.doc.querySelectorAll(selector).map((e) => e.text.replace(/\s+/g, ' ').trim());

describe('web dashboard: owners’ progress updates, review and reporting rounds', () => {
  let server: TestServer;
  let coordinatorToken: string;
  let nvpToken: string;
  let njiToken: string;
  let auditorToken: string;
  let apiToken: string;
  let roundId: string;
  let closedRoundId: string;
  let beforeRound: string;

  beforeAll(async () => {
    server = await startTestServer();
    [coordinatorToken, nvpToken, njiToken, auditorToken, apiToken] = await Promise.all([
      server.token('COORDINATOR', 'JN'),
      server.token('PARTNER', 'NVP'),
      server.token('PARTNER', 'NJI'),
      server.token('AUDITOR', null),
      server.token('COORDINATOR', 'VWS'),
    ]);
  });
  afterAll(() => server.close());

  async function streamEvents(streamId: string) {
    const res = await server.gql(EVENTS, { streamId, first: 500 }, apiToken);
    return res.data.events.events as Array<{ type: string; data: Record<string, any>; actor: { partnerId: string; role: string } }>;
  }

  async function signedIn(token: string): Promise<WebClient> {
    const client = new WebClient(server);
    expect((await client.signIn(token)).status).toBe(303);
    return client;
  }

  function csrfOf(page: PageResponse): string {
    return WebClient.formFields(page, 'form[action="/uitloggen"]')._csrf;
  }

  it('lets a coordinator open a round on the plan page: once, with refusals beside the fields', async () => {
    const coordinator = await signedIn(coordinatorToken);
    beforeRound = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const plan = await coordinator.get(`/plannen/${PLAN}`);
    expect(plan.doc.querySelector('#rapportagerondes')?.text).toBe('Rapportagerondes');
    expect(plan.html).toContain('Voor dit plan is nog geen rapportageronde geopend.');
    expect(plan.doc.querySelector('#round-opensOn')?.getAttribute('value')).toBe(dutchDate());

    const wrong = await coordinator.post(
      `/plannen/${PLAN}/rondes`,
      WebClient.formFields(plan, '#form-ronde', { title: 'Voortgang e2e', opensOn: dutchDate(), closesOn: dutchDate(-1) }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.doc.querySelector('#round-closesOn-error')?.text).toBe('ligt vóór de opening van de ronde');
    expect(wrong.doc.querySelector('#round-title')?.getAttribute('value')).toBe('Voortgang e2e');

    const fields = WebClient.formFields(wrong, '#form-ronde', { closesOn: dutchDate(30) });
    const opened = await coordinator.post(`/plannen/${PLAN}/rondes`, fields);
    expect(opened.status).toBe(303);
    roundId = `${PLAN}-voortgang-e2e`;
    expect(opened.location).toBe(`/rondes/${roundId}?opgeslagen=ronde`);
    // The same form again (double click, refresh): the same round, nothing new.
    expect((await coordinator.post(`/plannen/${PLAN}/rondes`, fields)).status).toBe(303);
    const events = await streamEvents(`round-${roundId}`);
    expect(events.map((e) => e.type)).toEqual(['ReportingRoundOpened']);
    expect(events[0].data.actionIds).toHaveLength(23);

    const round = await coordinator.get(opened.location!);
    expect(round.status).toBe(200);
    expect(round.doc.querySelector('h1')?.text).toBe('Voortgang e2e');
    expect(round.html).toContain('De rapportageronde is geopend.');

    // Another round with the same title in the same plan: refused beside the title.
    const again = await coordinator.post(
      `/plannen/${PLAN}/rondes`,
      WebClient.formFields(await coordinator.get(`/plannen/${PLAN}`), '#form-ronde', { title: 'Voortgang e2e', closesOn: dutchDate(5) }),
    );
    expect(again.status).toBe(409);
    expect(again.doc.querySelector('#round-title-error')?.text).toContain('er is al een rapportageronde met deze titel');

    // A round that closed yesterday: updates for it come late.
    const closed = await coordinator.post(
      `/plannen/${PLAN}/rondes`,
      WebClient.formFields(await coordinator.get(`/plannen/${PLAN}`), '#form-ronde', {
        title: 'Afgesloten ronde',
        opensOn: dutchDate(-40),
        closesOn: dutchDate(-1),
      }),
    );
    expect(closed.status).toBe(303);
    closedRoundId = `${PLAN}-afgesloten-ronde`;
    const listed = await coordinator.get(`/plannen/${PLAN}`);
    expect(texts(listed, 'section[aria-labelledby="rapportagerondes"] tbody tr')).toEqual(
      expect.arrayContaining([expect.stringContaining('Voortgang e2e'), expect.stringContaining('Afgesloten ronde')]),
    );
  });

  it('shows partners no round form and refuses their post', async () => {
    const partner = await signedIn(nvpToken);
    const plan = await partner.get(`/plannen/${PLAN}`);
    expect(plan.doc.querySelector('#form-ronde')).toBeNull();
    const res = await partner.post(`/plannen/${PLAN}/rondes`, {
      _csrf: csrfOf(plan),
      commandId: 'partner-round',
      title: 'Mag niet',
      opensOn: dutchDate(),
      closesOn: dutchDate(3),
    });
    expect(res.status).toBe(403);
    expect((await streamEvents(`round-${PLAN}-mag-niet`)).length).toBe(0);
  });

  it('lists what an owner has to report under “Bij te werken” and takes their update there: once, the status unchanged', async () => {
    const nvp = await signedIn(nvpToken);
    const page = await nvp.get('/partners/NVP');
    expect(page.doc.querySelector('#bij-te-werken')?.text).toBe('Bij te werken');
    expect(page.doc.querySelector('nav a[href="/partners/NVP#bij-te-werken"]')?.text).toBe('Bij te werken');
    expect(page.doc.querySelector('nav a[href="/beoordelen"]')).toBeNull();
    const forms = page.doc.querySelectorAll('.am-update form').map((f) => f.getAttribute('id'));
    for (const action of ['pleegzorg-1-2', 'pleegzorg-2-1', ONLY_NVP, 'pleegzorg-4-1', TO_RETURN, WITH_TARGET]) {
      expect(forms).toContain(`form-update-${roundId}-${action}`);
    }
    expect(forms.filter((id) => id?.includes(closedRoundId))).toEqual([]);
    const form = `#form-update-${roundId}-${ONLY_NVP}`;
    expect(page.doc.querySelector(`${form} label[for="update-${roundId}-${ONLY_NVP}-status"]`)?.text).toBe('Voorgestelde status');
    expect(texts(page, `${form} select[name="status"] option`)).toEqual([
      'Niet gestart',
      'Loopt',
      'Risico',
      'Vertraagd',
      'Afgerond',
      'Gestopt',
    ]);

    const fields = WebClient.formFields(page, form, { status: 'IN_PROGRESS', note: 'Scholing loopt in drie regio’s' });
    expect(fields.roundId).toBe(roundId);
    const before = (await streamEvents(`action-${ONLY_NVP}`)).length;
    const saved = await nvp.post('/partners/NVP/voortgangsupdate', fields);
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/partners/NVP?opgeslagen=voortgangsupdate');
    expect((await nvp.post('/partners/NVP/voortgangsupdate', fields)).status).toBe(303);
    const events = await streamEvents(`action-${ONLY_NVP}`);
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)).toMatchObject({
      type: 'ProgressUpdateSubmitted',
      data: { updateId: `${ONLY_NVP}-u1`, partnerId: 'NVP', roundId, status: 'IN_PROGRESS', note: 'Scholing loopt in drie regio’s' },
      actor: { partnerId: 'NVP', role: 'PARTNER' },
    });

    const after = await nvp.get(saved.location!);
    expect(after.html).toContain('De voortgangsupdate is ingediend.');
    expect(after.doc.querySelector(form)).toBeNull();
    expect(texts(after, '.am-submitted li').join('\n')).toContain(`voorstel Loopt, ingediend`);
    const action = await nvp.get(`/acties/${ONLY_NVP}`);
    expect(action.doc.querySelector('.am-facts .am-status')?.text).toBe('Niet gerapporteerd');
    expect(texts(action, 'section[aria-labelledby="voortgangsupdates"] tbody tr').join('\n')).toContain('In behandeling');
    expect(texts(action, '.am-history li')[0]).toMatch(
      new RegExp(
        `^Voortgangsupdate ${ONLY_NVP}-u1 ingediend \\(voorstel: Loopt\\) door NVP \\(partner\\), .*: Scholing loopt in drie regio’s$`,
      ),
    );
  });

  it('takes an update with a measurement and evidence on the action page, refusing a wrong date beside its field', async () => {
    const nvp = await signedIn(nvpToken);
    const page = await nvp.get(`/acties/${WITH_TARGET}`);
    expect(page.doc.querySelector('#form-update h3')?.text).toBe('Voortgangsupdate indienen');
    expect(texts(page, '#update-round option')).toEqual([
      expect.stringMatching(/^Voortgang e2e \(open tot en met /),
      expect.stringMatching(/^Afgesloten ronde \(gesloten op .*te laat\)$/),
      'Geen ronde (tussentijdse update)',
    ]);
    const before = (await streamEvents(`action-${WITH_TARGET}`)).length;
    const wrong = await nvp.post(
      `/acties/${WITH_TARGET}/voortgangsupdate`,
      WebClient.formFields(page, '#form-update', {
        status: 'IN_PROGRESS',
        note: 'Vijf ervaringsdeskundigen geworven',
        targetId: TARGET,
        value: '12,5',
        measuredAt: '30-06-2018',
        evidenceUrl: 'ftp://example.org/verslag',
      }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.doc.querySelector('#update-measuredAt-error')?.text).toContain('geen bestaande datum');
    expect(wrong.doc.querySelector('#update-measuredAt')?.getAttribute('aria-describedby')).toContain('update-measuredAt-error');
    expect(wrong.doc.querySelector('#update-value')?.getAttribute('value')).toBe('12,5');
    expect((await streamEvents(`action-${WITH_TARGET}`)).length).toBe(before);

    const badLink = await nvp.post(
      `/acties/${WITH_TARGET}/voortgangsupdate`,
      WebClient.formFields(wrong, '#form-update', { measuredAt: dutchDate(-2) }),
    );
    expect(badLink.status).toBe(400);
    expect(badLink.doc.querySelector('#update-evidenceUrl-error')?.text).toBe('alleen webadressen die met https:// of http:// beginnen');

    const saved = await nvp.post(
      `/acties/${WITH_TARGET}/voortgangsupdate`,
      WebClient.formFields(badLink, '#form-update', { evidenceUrl: 'https://example.org/verslag' }),
    );
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/acties/${WITH_TARGET}?opgeslagen=voortgangsupdate`);
    const events = await streamEvents(`action-${WITH_TARGET}`);
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)?.data).toMatchObject({
      measurement: { targetId: TARGET, value: 12.5, measuredAt: dutchDate(-2) },
      evidenceUrl: 'https://example.org/verslag',
    });
  });

  it('refuses an update from a partner that does not own the action, and from an auditor: FORBIDDEN, nothing written', async () => {
    const nji = await signedIn(njiToken);
    const page = await nji.get(`/acties/${ONLY_NVP}`);
    expect(page.doc.querySelector('#form-update')).toBeNull();
    expect(page.doc.querySelectorAll('form[method="post"]').map((f) => f.getAttribute('action'))).toEqual(['/uitloggen']);
    const before = (await streamEvents(`action-${ONLY_NVP}`)).length;
    const fields = { _csrf: csrfOf(page), commandId: 'nji-not-owner', status: 'COMPLETED', note: 'Niet van ons', roundId };
    const refused = await nji.post(`/acties/${ONLY_NVP}/voortgangsupdate`, fields);
    expect(refused.status).toBe(403);
    expect(refused.doc.querySelector('h1')?.text).toBe('Geen toegang');
    expect(refused.doc.querySelector('main')?.text).toContain('Alleen een eigenaar van deze actie kan een voortgangsupdate indienen');
    // Through another organisation's page: refused before anything is sent.
    const other = await nji.post('/partners/NVP/voortgangsupdate', { ...fields, actionId: ONLY_NVP, commandId: 'nji-other-page' });
    expect(other.status).toBe(403);
    expect(other.doc.querySelector('main')?.text).toContain('alleen voor uw eigen organisatie (NJI)');
    // NJI's own page has no update form for an action it does not own.
    const own = await nji.get('/partners/NJI');
    expect(own.doc.querySelector(`#form-update-${roundId}-${ONLY_NVP}`)).toBeNull();
    expect(own.doc.querySelector(`#form-update-${roundId}-pleegzorg-1-1`)).not.toBeNull();

    const auditor = await signedIn(auditorToken);
    const auditorPage = await auditor.get(`/acties/${ONLY_NVP}`);
    const byAuditor = await auditor.post(`/acties/${ONLY_NVP}/voortgangsupdate`, {
      ...fields,
      _csrf: csrfOf(auditorPage),
      commandId: 'aud',
    });
    expect(byAuditor.status).toBe(403);
    expect((await auditor.get('/beoordelen')).status).toBe(403);
    expect((await nji.get('/beoordelen')).status).toBe(403);
    // Without the CSRF token or from another site: refused too.
    const nvp = await signedIn(nvpToken);
    const nvpPage = await nvp.get(`/acties/${ONLY_NVP}`);
    const nvpFields = WebClient.formFields(nvpPage, '#form-update', { status: 'DELAYED' });
    expect((await nvp.post(`/acties/${ONLY_NVP}/voortgangsupdate`, { ...nvpFields, _csrf: '' })).status).toBe(403);
    expect((await nvp.post(`/acties/${ONLY_NVP}/voortgangsupdate`, nvpFields, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await streamEvents(`action-${ONLY_NVP}`)).length).toBe(before);
  });

  it('puts the updates in “Te beoordelen” for coordinators; approving sets the status and the history names the update', async () => {
    const coordinator = await signedIn(coordinatorToken);
    const home = await coordinator.get('/');
    expect(home.doc.querySelector('nav a[href="/beoordelen"]')?.text).toBe('Te beoordelen');
    const queue = await coordinator.get('/beoordelen');
    expect(queue.status).toBe(200);
    expect(queue.doc.querySelector('h1')?.text).toBe('Te beoordelen');
    expect(texts(queue, 'article h2')).toEqual([
      expect.stringContaining(`(${ONLY_NVP}-u1)`),
      expect.stringContaining(`(${WITH_TARGET}-u1)`),
    ]);
    const measured = queue.doc.querySelector(`article[aria-labelledby="update-${WITH_TARGET}-u1"]`)!;
    expect(measured.text).toContain('12,5 ervaringsdeskundige pleegouders');
    expect(measured.querySelector('a[href="https://example.org/verslag"]')?.getAttribute('rel')).toBe('noreferrer noopener');

    const approve = WebClient.formFields(queue, `#form-goedkeuren-${ONLY_NVP}-u1`);
    const approved = await coordinator.post('/beoordelen/goedkeuren', approve);
    expect(approved.status).toBe(303);
    expect(approved.location).toBe('/beoordelen?opgeslagen=goedkeuren');
    expect((await coordinator.post('/beoordelen/goedkeuren', approve)).status).toBe(303);
    const events = await streamEvents(`action-${ONLY_NVP}`);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['ProgressUpdateApproved', 'ActionStatusChanged']);
    expect(events.at(-1)?.data).toMatchObject({ status: 'IN_PROGRESS', updateId: `${ONLY_NVP}-u1` });

    const action = await coordinator.get(`/acties/${ONLY_NVP}`);
    expect(action.doc.querySelector('.am-facts .am-status')?.text).toBe('Loopt');
    const history = texts(action, '.am-history li');
    expect(history[0]).toMatch(
      new RegExp(
        `^Status gewijzigd van Niet gerapporteerd naar Loopt \\(uit voortgangsupdate ${ONLY_NVP}-u1\\) door JN \\(coördinator\\), .*: Scholing loopt in drie regio’s$`,
      ),
    );
    expect(history[1]).toMatch(new RegExp(`^Voortgangsupdate ${ONLY_NVP}-u1 goedgekeurd door JN \\(coördinator\\), `));
    expect(texts(action, 'section[aria-labelledby="voortgangsupdates"] tbody tr').join('\n')).toMatch(/Goedgekeurd \(/);

    // The measurement of an approved update becomes the target's.
    const withTarget = await coordinator.post(
      '/beoordelen/goedkeuren',
      WebClient.formFields(await coordinator.get('/beoordelen'), `#form-goedkeuren-${WITH_TARGET}-u1`),
    );
    expect(withTarget.status).toBe(303);
    const target = await streamEvents(`target-${TARGET}`);
    expect(target.at(-1)).toMatchObject({
      type: 'MeasurementRecorded',
      data: { value: 12.5, measuredAt: dutchDate(-2), source: `voortgangsupdate ${WITH_TARGET}-u1` },
    });
    const empty = await coordinator.get('/beoordelen?opgeslagen=goedkeuren');
    expect(empty.html).toContain('De voortgangsupdate is goedgekeurd.');
    expect(empty.html).toContain('Er wachten geen voortgangsupdates op beoordeling.');
  });

  it('gives a stale review form the conflict message, then returns an update with a comment the owner sees', async () => {
    const nvp = await signedIn(nvpToken);
    const nvpPage = await nvp.get('/partners/NVP');
    const sent = await nvp.post(
      '/partners/NVP/voortgangsupdate',
      WebClient.formFields(nvpPage, `#form-update-${roundId}-${TO_RETURN}`, { status: 'COMPLETED', note: 'Klaar' }),
    );
    expect(sent.status).toBe(303);

    const coordinator = await signedIn(coordinatorToken);
    const queue = await coordinator.get('/beoordelen');
    const updateId = `${TO_RETURN}-u1`;
    const stale = WebClient.formFields(queue, `#form-goedkeuren-${updateId}`);
    // Meanwhile the action changes (a coordinator reports a status directly).
    const actionPage = await coordinator.get(`/acties/${TO_RETURN}`);
    const changed = await coordinator.post(
      `/acties/${TO_RETURN}/status`,
      WebClient.formFields(actionPage, '#form-status', { status: 'AT_RISK', note: 'Inbedding stokt' }),
    );
    expect(changed.status).toBe(303);
    const before = (await streamEvents(`action-${TO_RETURN}`)).length;
    const conflict = await coordinator.post('/beoordelen/goedkeuren', stale);
    expect(conflict.status).toBe(409);
    const alert = conflict.doc.querySelector(`#form-goedkeuren-${updateId} .utrecht-alert`)!.text;
    expect(alert).toContain('Niet opgeslagen: iemand anders heeft deze actie gewijzigd nadat u het formulier opende.');
    expect(alert).toContain('Status gewijzigd van Niet gerapporteerd naar Risico door JN (coördinator)');
    expect((await streamEvents(`action-${TO_RETURN}`)).length).toBe(before);

    // Returning needs a comment.
    const noComment = await coordinator.post('/beoordelen/terugsturen', WebClient.formFields(conflict, `#form-terugsturen-${updateId}`));
    expect(noComment.status).toBe(400);
    expect(noComment.doc.querySelector(`#comment-${updateId}-error`)?.text).toBe('is verplicht en mag niet leeg zijn');
    const returned = await coordinator.post(
      '/beoordelen/terugsturen',
      WebClient.formFields(noComment, `#form-terugsturen-${updateId}`, { comment: 'Welke regio’s hebben het ingebed?' }),
    );
    expect(returned.status).toBe(303);
    expect(returned.location).toBe('/beoordelen?opgeslagen=terugsturen');
    expect((await streamEvents(`action-${TO_RETURN}`)).at(-1)).toMatchObject({
      type: 'ProgressUpdateReturned',
      data: { updateId, comment: 'Welke regio’s hebben het ingebed?' },
    });

    const own = await nvp.get('/partners/NVP');
    const article = own.doc.querySelector(`article[aria-labelledby="bij-${roundId}-${TO_RETURN}"]`)!;
    expect(article.querySelector('.utrecht-alert')?.text).toContain(`Uw vorige update (${updateId}) is teruggestuurd`);
    expect(article.querySelector('.utrecht-alert')?.text).toContain('“Welke regio’s hebben het ingebed?”');
    const action = await nvp.get(`/acties/${TO_RETURN}`);
    expect(texts(action, 'section[aria-labelledby="voortgangsupdates"] tbody tr').join('\n')).toContain('Teruggestuurd');
    expect(texts(action, 'section[aria-labelledby="voortgangsupdates"] tbody tr').join('\n')).toContain(
      '“Welke regio’s hebben het ingebed?”',
    );
    expect(texts(action, '.am-history li')[0]).toMatch(
      /^Voortgangsupdate pleegzorg-4-3-u1 teruggestuurd door JN \(coördinator\), .*: Welke regio’s/,
    );
  });

  it('counts per partner on the round page, marks a late update, and shows the round as it was at ?peildatum=', async () => {
    const nvp = await signedIn(nvpToken);
    // A late update: for the round that closed yesterday, chosen on the action page.
    const page = await nvp.get(`/acties/${LATE}`);
    const late = await nvp.post(
      `/acties/${LATE}/voortgangsupdate`,
      WebClient.formFields(page, '#form-update', { roundId: closedRoundId, status: 'AT_RISK', note: 'Later dan gevraagd' }),
    );
    expect(late.status).toBe(303);

    const coordinator = await signedIn(coordinatorToken);
    const round = await coordinator.get(`/rondes/${roundId}`);
    const row = (partner: string) =>
      round.doc
        .querySelectorAll('tbody tr')
        .find((tr) => tr.querySelector('th')?.text.includes(`(${partner})`))
        ?.querySelectorAll('td')
        .map((td) => Number(td.text));
    // NVP: 2-2 and 4-4 approved, 4-3 returned, 1-2, 2-1 and 4-1 missing in this round.
    expect(row('NVP')).toEqual([0, 2, 1, 3]);
    expect(row('RVDK')).toEqual([0, 0, 0, 3]);
    const perAction = texts(round, 'tbody tr').filter((t) => t.includes(TO_RETURN));
    expect(perAction).toEqual(expect.arrayContaining([expect.stringContaining('Teruggestuurd')]));
    expect(round.html).not.toContain('te laat');

    const closed = await coordinator.get(`/rondes/${closedRoundId}`);
    const lateRow = texts(closed, 'tbody tr').find((t) => t.includes(LATE) && t.includes('NVP'));
    expect(lateRow).toMatch(/Ingediend, in behandeling.*te laat/);
    expect(closed.doc.querySelector('dl.am-facts')?.text).toContain('1 update te laat');

    const past = await coordinator.get(`/rondes/${roundId}?peildatum=${encodeURIComponent(beforeRound)}`);
    expect(past.status).toBe(404);
    expect(past.doc.querySelector('main')?.text).toContain('bestond op');
    expect((await coordinator.get('/rondes/bestaat-niet')).status).toBe(404);
  });

  it('lists actions without a recent status report per plan and partner, with `dagen` as a GET form', async () => {
    const partner = await signedIn(njiToken);
    const page = await partner.get(`/verouderd?plan=${PLAN}`);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('#dagen')?.getAttribute('value')).toBe('90');
    const listed = texts(page, `section[aria-labelledby="plan-${PLAN}"] tbody tr`);
    expect(listed.some((t) => t.includes('pleegzorg-1-2') && t.includes('Nog nooit'))).toBe(true);
    // Reported today (approved update, status change): not stale.
    expect(listed.some((t) => t.includes(ONLY_NVP))).toBe(false);
    expect(listed.some((t) => t.includes(TO_RETURN))).toBe(false);
    expect(page.doc.querySelector('[role="status"]')?.text).toMatch(/^\d+ acties zonder statusmelding sinds .* \(90 dagen\)\.$/);

    const byPartner = await partner.get(`/verouderd?plan=${PLAN}&partner=RVDK&dagen=30`);
    expect(texts(byPartner, 'section[aria-labelledby^="plan-"] tbody tr').map((t) => t.match(/pleegzorg-\d-\d/)?.[0])).toEqual([
      'pleegzorg-3-7',
      'pleegzorg-3-8',
      'pleegzorg-3-9',
    ]);
    const wrong = await partner.get('/verouderd?dagen=veel');
    expect(wrong.status).toBe(400);
    expect(wrong.doc.querySelector('#dagen-error')?.text).toBe('vul een geheel aantal dagen in, van 1 tot 3650');
    expect(wrong.doc.querySelector('#dagen')?.getAttribute('value')).toBe('veel');
    expect((await partner.get('/verouderd?plan=bestaat-niet')).status).toBe(404);
    expect((await new WebClient(server).get('/verouderd')).status).toBe(303);
  });
});

describe('progress updates in public mode (PUBLIC_READ=true)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_READ: 'true' } });
  });
  afterAll(() => server.close());

  it('lets a visitor read rounds and the stale list, but not the review queue, proposals, comments or any form', async () => {
    const coordinator = new WebClient(server);
    expect((await coordinator.signIn(await server.token('COORDINATOR', 'JN'))).status).toBe(303);
    const opened = await coordinator.post(
      `/plannen/${PLAN}/rondes`,
      WebClient.formFields(await coordinator.get(`/plannen/${PLAN}`), '#form-ronde', { title: 'Openbaar', closesOn: dutchDate(7) }),
    );
    expect(opened.status).toBe(303);
    const owner = new WebClient(server);
    expect((await owner.signIn(await server.token('PARTNER', 'NVP'))).status).toBe(303);
    const ownPage = await owner.get('/partners/NVP');
    const sent = await owner.post(
      '/partners/NVP/voortgangsupdate',
      WebClient.formFields(ownPage, `#form-update-${PLAN}-openbaar-${ONLY_NVP}`, { status: 'DELAYED', note: 'Intern' }),
    );
    expect(sent.status).toBe(303);

    const visitor = new WebClient(server);
    const round = await visitor.get(`/rondes/${PLAN}-openbaar`);
    expect(round.status).toBe(200);
    expect(texts(round, 'thead th')).not.toContain('Voorstel');
    expect(texts(round, 'tbody tr').find((t) => t.includes(ONLY_NVP))).toContain('Ingediend, in behandeling');
    const action = await visitor.get(`/acties/${ONLY_NVP}`);
    expect(action.doc.querySelectorAll('form[method="post"]')).toHaveLength(0);
    expect(action.html).not.toContain('Intern');
    expect((await visitor.get('/partners/NVP')).doc.querySelector('#bij-te-werken')).toBeNull();
    expect((await visitor.get('/verouderd')).status).toBe(200);
    expect((await visitor.get('/beoordelen')).status).toBe(403);
    expect(visitor.sessionCookie).toBeNull();
  });
});
