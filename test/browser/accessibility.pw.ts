import type { Page } from '@playwright/test';
import { axeViolations, describeViolations, expect, Role, skipWithoutChromium, statusForm, test } from './support/fixtures';

skipWithoutChromium();

/**
 * axe-core (WCAG 2.0 and 2.1, A and AA) on every page, for every role, also in the states that render
 * differently: filters, a past moment, a wrong peildatum, a refused form, the 403 and 404 pages. Each page
 * is a soft assertion, so one run lists every violation, with rule ids and nodes.
 */
const PLAN = '/plannen/actieplan-pleegzorg-2017-2018';
const READ_PAGES = [
  '/',
  '/?peildatum=2018-06-30',
  PLAN,
  `${PLAN}?status=IN_PROGRESS`,
  `${PLAN}?partner=JN&status=NOT_REPORTED&overdue=ja`,
  `${PLAN}?status=COMPLETED`,
  `${PLAN}?peildatum=2018-06-30`,
  '/plannen/koers-gezinshuizen-2019-2021',
  '/acties/pleegzorg-3-4',
  '/acties/pleegzorg-3-4?peildatum=2018-06-30',
  '/acties/pleegzorg-3-4?peildatum=geen-datum',
  '/acties/pleegzorg-1-1',
  '/partners/NJi',
  '/partners/FINANCIEN',
  '/partners/JN?peildatum=2018-06-30',
  '/zoeken',
  '/zoeken?q=continuiteit',
  '/zoeken?q=bestaat-nergens',
  '/regios',
  '/regios/REGIO-HAAGLANDEN',
  '/regios/bestaat-niet',
  '/acties/koers-o-7',
  '/kamerstukken',
  '/kamerstukken?peildatum=2010-01-01',
  '/acties/pleegzorg-2-3',
  '/acties/koers-o-1',
  '/partners/REGIO-AMSTERDAM-AMSTELLAND',
  '/verouderd',
  `/verouderd?plan=actieplan-pleegzorg-2017-2018&partner=JN&dagen=30`,
  '/verouderd?dagen=veel',
  '/rondes/bestaat-niet',
  '/overleggen',
  '/overleggen?peildatum=2018-06-30',
  '/overleggen/bestaat-niet',
  '/beoordelen',
  '/toegankelijkheid',
  '/acties/bestaat-niet',
  '/plannen/bestaat-niet',
  '/rapportage',
  '/rapportage?plan=actieplan-pleegzorg-2017-2018&van=2018-06-30&tot=2018-01-01&formaat=html',
  // The print view itself (the HTML report), up to today: the test server imported the plans today.
  `/rapportage?plan=actieplan-pleegzorg-2017-2018&van=2017-01-01&tot=${new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })}&formaat=html`,
];
const LOG_PAGES = ['/logboek', '/logboek?controle=ja', '/logboek?stroom=%25%25&van=gisteren'];

async function checkPage(page: Page, path: string, expectedStatus?: number): Promise<void> {
  await test.step(path, async () => {
    const response = await page.goto(path);
    if (expectedStatus !== undefined) expect.soft(response?.status(), `status of ${path}`).toBe(expectedStatus);
    await checkCurrent(page, path);
  });
}

async function checkCurrent(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect.soft(violations.length, `axe-core violations on ${what}:\n${describeViolations(violations)}`).toBe(0);
}

test.describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const role of ['coordinator', 'partner', 'auditor'] as Role[]) {
    test(`every page as ${role}`, async ({ pageAs }) => {
      test.setTimeout(90_000);
      const page = await pageAs(role);
      for (const path of READ_PAGES) await checkPage(page, path);
      for (const path of LOG_PAGES) await checkPage(page, path, role === 'partner' ? 403 : undefined);
    });
  }

  test('the coordinator’s forms: a refused status form and a refused deadline form', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    await page.goto('/acties/pleegzorg-2-2');
    const form = statusForm(page);
    await form.getByLabel('Status', { exact: true }).selectOption({ label: 'Gestopt' });
    await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(form.getByText('Niet opgeslagen.')).toBeVisible();
    await checkCurrent(page, '/acties/pleegzorg-2-2 with a refused status form');

    await page.goto('/acties/pleegzorg-2-2');
    const deadline = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Termijn wijzigen' }) });
    await deadline.getByLabel('Nieuwe termijn').fill('');
    await deadline.getByRole('button', { name: 'Termijn opslaan' }).click();
    await expect(deadline.getByText('Niet opgeslagen.')).toBeVisible();
    await checkCurrent(page, '/acties/pleegzorg-2-2 with a refused deadline form');
  });

  test('measurements: a refused measurement form, then a measurement with its table, chart and correction form', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    await page.goto('/acties/pleegzorg-4-4');
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Meting vastleggen' }) });
    await form.getByLabel(/^Waarde/).fill('veel');
    await form.getByLabel('Gemeten op').fill('30-06-2018');
    await form.getByRole('button', { name: 'Meting opslaan' }).click();
    await expect(form.getByText('Niet opgeslagen.')).toBeVisible();
    await checkCurrent(page, '/acties/pleegzorg-4-4 with a refused measurement form');

    await form.getByLabel(/^Waarde/).fill('120');
    await form.getByLabel('Gemeten op').fill('2018-06-30');
    await form.getByLabel('Bron').fill('Telling NVP');
    await form.getByRole('button', { name: 'Meting opslaan' }).click();
    await expect(page.getByText('De meting is opgeslagen.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Meting corrigeren' })).toBeVisible();
    await checkCurrent(page, '/acties/pleegzorg-4-4 with a measurement');
  });

  test('regions: a national action taken up in a region, its roll-up, a refused and a saved startfoto, the region’s page', async ({
    pageAs,
  }) => {
    const page = await pageAs('coordinator');
    await page.goto('/acties/koers-o-7');
    const takeUp = page.locator('#form-opvolging');
    await takeUp.getByLabel('Regio', { exact: true }).selectOption({ label: 'Zeeland' });
    await takeUp.getByLabel('Termijn in de regio').fill('ooit');
    await takeUp.getByRole('button', { name: 'Regionale uitvoering vastleggen' }).click();
    await expect(page.locator('#form-opvolging').getByText('Niet opgeslagen.')).toBeVisible();
    await checkCurrent(page, '/acties/koers-o-7 with a refused take-up form');
    await page.locator('#form-opvolging').getByLabel('Termijn in de regio').fill('eind 2020');
    await page.locator('#form-opvolging').getByRole('button', { name: 'Regionale uitvoering vastleggen' }).click();
    await expect(page.getByText('De regionale uitvoering is vastgelegd.')).toBeVisible();
    await expect(page.getByText(/Opgepakt in \d+ van de 42 jeugdzorgregio’s/)).toBeVisible();
    await checkCurrent(page, '/acties/koers-o-7 with a regional instance');

    await page.goto('/acties/pleegzorg-3-4');
    const startfoto = page.locator('#form-startfoto-pleegzorg-3-inschrijvingen-2017');
    await startfoto.getByLabel('Regio', { exact: true }).selectOption({ label: 'Zeeland' });
    await startfoto.getByLabel(/^Aantal/).fill('veel');
    await startfoto.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.locator('#form-startfoto-pleegzorg-3-inschrijvingen-2017').getByText('Niet opgeslagen.')).toBeVisible();
    await checkCurrent(page, '/acties/pleegzorg-3-4 with a refused startfoto form');
    const again = page.locator('#form-startfoto-pleegzorg-3-inschrijvingen-2017');
    await again.getByLabel(/^Aantal/).fill('120');
    await again.getByLabel('Peildatum').fill('2016-09-30');
    await again.getByLabel('Eenheid').fill('inschrijvingen');
    await again.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText('De startfoto van de regio is opgeslagen.')).toBeVisible();
    await checkCurrent(page, '/acties/pleegzorg-3-4 with a regional startfoto');

    await checkPage(page, '/regios/REGIO-ZEELAND', 200);
    await expect(page.getByRole('link', { name: 'Regionale plannen: Koers en regionale transformatieplannen verbinden' })).toBeVisible();
  });

  test('meetings: refused meeting and agreement forms, then a meeting with an agreement, and its action', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    // The koers plan, owned by VWS: other suites count the pleegzorg plan's actions and NJI's.
    const subject = `Overleg browser ${Date.now()}`;
    await page.goto('/overleggen');
    const meetingForm = page.locator('#form-overleg');
    await meetingForm.getByLabel('Plan').selectOption({ label: 'Koers Gezinshuizen' });
    await meetingForm.getByLabel('Onderwerp').fill(subject);
    await meetingForm.getByRole('button', { name: 'Overleg vastleggen' }).click();
    await expect(page.locator('#form-overleg').getByText('Niet opgeslagen.')).toBeVisible();
    await checkCurrent(page, '/overleggen with a refused meeting form');

    await page.locator('#form-overleg').getByLabel('Deelnemende partners').fill('VWS, JN');
    await page.locator('#form-overleg').getByRole('button', { name: 'Overleg vastleggen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Overleg ${subject}`);
    await checkCurrent(page, 'a meeting without agreements');

    const agreementForm = page.locator('#form-afspraak');
    await agreementForm.getByLabel('Afspraak', { exact: true }).fill(`Afspraak ${subject}`);
    await agreementForm.getByLabel('Verantwoordelijk').fill('VWS');
    await agreementForm.getByLabel('Termijn').fill('ooit');
    await agreementForm.getByRole('button', { name: 'Afspraak vastleggen' }).click();
    await expect(page.locator('#form-afspraak').getByText('Niet opgeslagen.')).toBeVisible();
    await checkCurrent(page, 'a meeting with a refused agreement form');

    await page.locator('#form-afspraak').getByLabel('Termijn').fill('eind 2020');
    await page.locator('#form-afspraak').getByRole('button', { name: 'Afspraak vastleggen' }).click();
    await expect(page.getByText('De afspraak is vastgelegd als actie.')).toBeVisible();
    await checkCurrent(page, 'a meeting with an agreement');
    await page
      .getByRole('region', { name: 'Wat is er van de afspraken geworden' })
      .getByRole('link', { name: `Afspraak ${subject}` })
      .click();
    await expect(page.getByText('Afgesproken in overleg')).toBeVisible();
    await checkCurrent(page, 'the action page of an agreement');
  });

  test('without a session: sign-in (also with an error), the accessibility statement', async ({ pageAs }) => {
    const page = await pageAs('anonymous');
    await checkPage(page, '/inloggen', 200);
    await checkPage(page, '/inloggen?terug=%2Fplannen%2Factieplan-pleegzorg-2017-2018', 200);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.locator('#token-error')).toHaveText('Vul uw token in.');
    await checkCurrent(page, '/inloggen with an error (no token)');
    await page.getByLabel('Token').fill('am_onbekend');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.locator('#token-error')).toBeVisible();
    await checkCurrent(page, '/inloggen with an error (unknown token)');
    await checkPage(page, '/toegankelijkheid', 200);
  });

  test('after signing out: the sign-in page with its notice', async ({ pageAs, env }) => {
    const page = await pageAs('anonymous');
    await page.goto('/inloggen');
    await page.getByLabel('Token').fill(env.tokens.partner);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
    await checkCurrent(page, '/inloggen after signing out');
  });

  test('public mode (PUBLIC_READ): every page a visitor can open', async ({ pageAs }) => {
    test.setTimeout(60_000);
    const page = await pageAs('anonymous', { server: 'public' });
    for (const path of READ_PAGES) await checkPage(page, path);
    await checkPage(page, '/logboek', 403);
    await checkPage(page, '/inloggen', 200);
  });
});
