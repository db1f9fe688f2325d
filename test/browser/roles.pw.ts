import { expect, skipWithoutChromium, statusForm, test } from './support/fixtures';

skipWithoutChromium();

/** Every page and download a signed-in user can open; without a session each leads to /inloggen. */
const SIGNED_IN_PAGES = [
  '/',
  '/?peildatum=2018-06-30',
  '/plannen/actieplan-pleegzorg-2017-2018',
  '/plannen/actieplan-pleegzorg-2017-2018?status=IN_PROGRESS',
  '/plannen/actieplan-pleegzorg-2017-2018/acties.csv',
  '/plannen/koers-gezinshuizen-2019-2021',
  '/acties/pleegzorg-3-4',
  '/acties/bestaat-niet',
  '/partners/NJi',
  '/partners/JN/acties.csv',
  '/logboek',
  '/logboek?controle=ja',
  '/zoeken',
  '/zoeken?q=continuiteit',
  '/plannen/bestaat-niet',
  '/beoordelen',
  '/verouderd?dagen=30',
  '/rondes/bestaat-niet',
];

test.describe('what each role may see', () => {
  test('a partner reads plans and actions but gets no edit forms, and /logboek is refused', async ({ pageAs }) => {
    const page = await pageAs('partner');
    await page.goto('/plannen/actieplan-pleegzorg-2017-2018');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Actieplan Pleegzorg 2017-2018');
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' })).toHaveCount(0);

    await page.goto('/acties/pleegzorg-3-4');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Verzamelen en verspreiden van goede voorbeelden werving, binding en behoud',
    );
    await expect(page.getByRole('heading', { name: 'Status wijzigen' })).toHaveCount(0);
    await expect(statusForm(page)).toHaveCount(0);
    // The only form that posts is the sign-out form in the header.
    await expect(page.locator('form[method="post"]')).toHaveCount(1);
    await expect(page.locator('form[method="post"]')).toHaveAttribute('action', '/uitloggen');

    const response = await page.goto('/logboek');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  });

  test('a partner posting the status form anyway is refused and nothing changes', async ({ pageAs }) => {
    const page = await pageAs('partner');
    await page.goto('/acties/pleegzorg-1-2');
    const before = await page.getByRole('region', { name: 'Geschiedenis' }).getByRole('listitem').count();
    const response = await page.request.post('/acties/pleegzorg-1-2/status', {
      form: { status: 'IN_PROGRESS', note: 'mag niet' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Geschiedenis' }).getByRole('listitem')).toHaveCount(before);
  });

  test('an auditor sees /logboek with the head hash, and the chain check names the same hash', async ({ pageAs }) => {
    const page = await pageAs('auditor');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' }).click();
    await expect(page).toHaveURL(/\/logboek$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logboek');
    const intro = page
      .getByRole('main')
      .getByText(/kop-hash/)
      .first();
    const headHash = (await intro.locator('code').innerText()).trim();
    expect(headHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(page.getByRole('table')).toBeVisible();

    await page.getByRole('button', { name: 'Hele keten controleren' }).click();
    await expect(page).toHaveURL(/controle=ja/);
    await expect(page.getByText(/Keten intact: \d+ gebeurtenissen gecontroleerd/)).toBeVisible();
    await expect(page.getByText(/Keten intact/).locator('code')).toHaveText(headHash);
  });

  test('without a session every page leads to /inloggen, except sign-in, the accessibility statement, assets and /health', async ({
    page,
    env,
  }) => {
    for (const path of SIGNED_IN_PAGES) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), `GET ${path}`).toBe(303);
      expect(response.headers()['location'], `GET ${path}`).toBe(`/inloggen?terug=${encodeURIComponent(path)}`);
      await page.goto(path);
      await expect(page, `GET ${path} in the browser`).toHaveURL(`${env.url}/inloggen?terug=${encodeURIComponent(path)}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
    }
    for (const path of [
      '/acties/pleegzorg-3-4/status',
      '/acties/pleegzorg-3-4/termijn',
      '/acties/pleegzorg-3-4/voortgangsupdate',
      '/partners/JN/voortgangsupdate',
      '/beoordelen/goedkeuren',
      '/plannen/actieplan-pleegzorg-2017-2018/rondes',
    ]) {
      const response = await page.request.post(path, { form: { status: 'IN_PROGRESS' }, maxRedirects: 0 });
      expect(response.status(), `POST ${path}`).toBe(303);
      expect(response.headers()['location'], `POST ${path}`).toBe('/inloggen');
    }

    const signIn = await page.goto('/inloggen');
    expect(signIn?.status()).toBe(200);
    await expect(page.getByLabel('Token')).toBeVisible();
    const statement = await page.goto('/toegankelijkheid');
    expect(statement?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toegankelijkheidsverklaring');
    const css = await page.request.get('/assets/app/app.css', { maxRedirects: 0 });
    expect(css.status()).toBe(200);
    expect(css.headers()['content-type']).toMatch(/^text\/css/);
    const health = await page.request.get('/health', { maxRedirects: 0 });
    expect(health.status()).toBe(200);
  });
});
