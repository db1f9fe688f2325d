import { startTestServer, TestServer } from '../support/test-server';
import { WebClient } from './support/web-client';

const PLAN = 'actieplan-pleegzorg-2017-2018';
const dutchToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
const query = (fields: Record<string, string>) => `/rapportage?${new URLSearchParams(fields).toString()}`;

/** The dashboard's Rapportage page: the form, the print view, the downloads, and partners' own actions only. */
describe('web dashboard: Rapportage', () => {
  let server: TestServer;
  let coordinator: WebClient;
  let nvp: WebClient;
  const period = () => ({ plan: PLAN, van: '2017-01-01', tot: dutchToday() });

  beforeAll(async () => {
    server = await startTestServer();
    coordinator = new WebClient(server);
    nvp = new WebClient(server);
    expect((await coordinator.signIn(await server.token('COORDINATOR', 'VWS'))).status).toBe(303);
    expect((await nvp.signIn(await server.token('PARTNER', 'NVP'))).status).toBe(303);
  });
  afterAll(() => server.close());

  it('is in the menu for signed-in users and shows the form', async () => {
    const page = await coordinator.get('/rapportage');
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('nav a[href="/rapportage"]')).not.toBeNull();
    expect(page.doc.querySelectorAll('form[action="/rapportage"] select[name="plan"] option').length).toBeGreaterThan(1);
    expect(page.doc.querySelector('select[name="partner"]')).not.toBeNull();
    expect((await new WebClient(server).get('/rapportage')).status).toBe(303); // anonymous: to sign in
  });

  it('shows the print view in the browser, with a policy that allows only its own inline style', async () => {
    const page = await coordinator.get(query({ ...period(), formaat: 'html' }));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-disposition')).toMatch(/^inline; filename="voortgangsrapportage-actieplan-pleegzorg-2017-2018-/);
    expect(page.headers.get('content-security-policy')).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(page.doc.querySelector('h1')?.text).toBe('Voortgangsrapportage: Actieplan Pleegzorg 2017-2018');
    expect(page.html).toContain('pleegzorg-3-4');
  });

  it('downloads Word and Markdown as attachments', async () => {
    const docx = await fetch(`${server.url}${query({ ...period(), formaat: 'docx' })}`, {
      headers: { cookie: coordinator.sessionCookie! },
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.docx"$/);
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const md = await coordinator.get(query({ ...period(), formaat: 'md' }));
    expect(md.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.md"$/);
    expect(md.html.startsWith('# Voortgangsrapportage: Actieplan Pleegzorg 2017-2018')).toBe(true);
  });

  it('refuses a period that ends before it starts beside the field, and an unknown format', async () => {
    const wrong = await coordinator.get(query({ plan: PLAN, van: '2018-06-30', tot: '2018-01-01', formaat: 'html' }));
    expect(wrong.status).toBe(400);
    expect(wrong.doc.querySelector('#rapportage-tot-error')?.text).toContain('ligt vóór het begin');
    const format = await coordinator.get(query({ ...period(), formaat: 'pdf' }));
    expect(format.status).toBe(400);
    expect(format.doc.querySelector('#rapportage-formaat-error')?.text).toContain('kies Afdrukweergave');
  });

  it("gives a partner its own actions only, and refuses another partner's", async () => {
    const form = await nvp.get('/rapportage');
    expect(form.doc.querySelector('select[name="partner"]')).toBeNull();
    const own = await nvp.get(query({ ...period(), formaat: 'md' }));
    expect(own.status).toBe(200);
    expect(own.html).toContain('**Alleen acties van:** NVP');
    expect(own.html).toContain('pleegzorg-2-1'); // owners JN and NVP
    expect(own.html).not.toContain('#### pleegzorg-3-4'); // owners JN and VNG
    const other = await nvp.get(query({ ...period(), formaat: 'md', partner: 'JN' }));
    expect(other.status).toBe(403);
  });
});
