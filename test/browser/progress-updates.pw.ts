import type { Locator, Page } from '@playwright/test';
import { currentStatus, expect, expectAccessible, historyItems, skipWithoutChromium, test } from './support/fixtures';

skipWithoutChromium();

/**
 * The whole round trip in the browser, without any script of ours: a coordinator opens a round, an owner
 * (NJI) reports under “Bij te werken”, the coordinator returns the update with a comment, the owner sends
 * a new one, the coordinator approves it. Koers Gezinshuizen only, so the other specs' actions are not touched.
 */
const PLAN = 'koers-gezinshuizen-2019-2021';
const ROUND_TITLE = `Voortgang browser ${Date.now()}`;
const ACTION = { id: 'koers-o-2', title: 'Ambassadeurs' };

/** A calendar date in the Netherlands, `days` from today (JJJJ-MM-DD). */
function dutchDate(days = 0): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function roundForm(page: Page): Locator {
  return page.locator('form').filter({ has: page.getByRole('heading', { name: 'Rapportageronde openen' }) });
}

function toReport(page: Page): Locator {
  return page.getByRole('region', { name: 'Bij te werken' }).getByRole('article', { name: ACTION.title, exact: true });
}

function review(page: Page, updateId: string): Locator {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { name: `(${updateId})` }) });
}

/** Clicks a submit button and answers the status of the POST it sends. */
async function submit(page: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
  await page.waitForLoadState();
  return response.status();
}

test.describe.configure({ mode: 'serial' });

test.describe('progress updates: the update form and the review queue', () => {
  test('a coordinator opens a round on the plan page; a refused form first', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    await page.goto(`/plannen/${PLAN}`);
    const form = roundForm(page);
    await expect(form.getByLabel('Open vanaf')).toHaveValue(dutchDate());
    await form.getByLabel('Open tot en met').fill(dutchDate(14));
    expect(await submit(page, form.getByRole('button', { name: 'Ronde openen' }))).toBe(400);
    await expect(roundForm(page).getByText('Niet opgeslagen.')).toBeVisible();
    await expect(roundForm(page).getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'the plan page with a refused round form');

    await roundForm(page).getByLabel('Titel').fill(ROUND_TITLE);
    expect(await submit(page, roundForm(page).getByRole('button', { name: 'Ronde openen' }))).toBe(303);
    await expect(page).toHaveURL(/\/rondes\/koers-gezinshuizen-2019-2021-voortgang-browser-\d+\?opgeslagen=ronde$/);
    await expect(page.getByText('De rapportageronde is geopend.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROUND_TITLE);
    const perPartner = page.getByRole('region', { name: 'Per partner' });
    await expect(perPartner.getByRole('row').filter({ hasText: '(NJI)' }).getByRole('cell')).toHaveText(['0', '0', '0', '5']);
    await expectAccessible(page, 'the round page');
  });

  test('an owner finds the action under “Bij te werken”; a wrong link is refused beside its field, then the update is sent', async ({
    pageAs,
  }) => {
    const page = await pageAs('partner');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bij te werken' }).click();
    await expect(page).toHaveURL(/\/partners\/NJI#bij-te-werken$/);
    const article = toReport(page);
    // Each form is folded away until its action is chosen (a <details>, no script).
    await expect(article.getByRole('heading', { name: 'Voortgangsupdate indienen' })).toBeHidden();
    await expectAccessible(page, 'the partner page with its folded update forms');
    await article.getByText('Voortgangsupdate invullen').click();
    await expect(article.getByRole('heading', { name: 'Voortgangsupdate indienen' })).toBeVisible();
    await expectAccessible(page, 'the partner page with an update form open');

    await article.getByLabel('Voorgestelde status').selectOption({ label: 'Loopt' });
    await article.getByLabel('Toelichting').fill('Drie ambassadeurs aan de slag');
    await article.getByLabel('Link naar onderbouwing (optioneel)').fill('www.voorbeeld.nl/verslag');
    expect(await submit(page, article.getByRole('button', { name: 'Update indienen' }))).toBe(400);

    const refused = toReport(page);
    const link = refused.getByLabel('Link naar onderbouwing (optioneel)');
    await expect(link).toHaveAttribute('aria-invalid', 'true');
    await expect(link).toHaveValue('www.voorbeeld.nl/verslag');
    await expect(refused.getByLabel('Toelichting')).toHaveValue('Drie ambassadeurs aan de slag');
    await expect(refused.getByText('is geen geldig webadres (begin met https://)')).toBeVisible();
    await expectAccessible(page, 'the partner page with a refused update form');

    await link.fill('https://www.voorbeeld.nl/verslag');
    expect(await submit(page, refused.getByRole('button', { name: 'Update indienen' }))).toBe(303);
    await expect(page.getByText('De voortgangsupdate is ingediend.')).toBeVisible();
    await expect(toReport(page)).toHaveCount(0);
    await expect(page.getByRole('listitem').filter({ hasText: `${ACTION.id}-u1` })).toContainText('voorstel Loopt');

    await page.goto(`/acties/${ACTION.id}`);
    await expect(currentStatus(page)).toHaveText('Niet gerapporteerd');
    await expect(
      page
        .getByRole('region', { name: `Voortgangsupdates — ${ACTION.title}` })
        .getByRole('row')
        .nth(1),
    ).toContainText('In behandeling');
    await expectAccessible(page, 'the action page for its owner, with the update form and the updates table');
  });

  test('the coordinator returns the update with a comment; the owner sees it and sends a new one', async ({ pageAs }) => {
    const coordinator = await pageAs('coordinator');
    await coordinator.goto('/');
    await coordinator.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Te beoordelen' }).click();
    await expect(coordinator).toHaveURL(/\/beoordelen$/);
    const item = review(coordinator, `${ACTION.id}-u1`);
    await expect(item).toContainText('Drie ambassadeurs aan de slag');
    await expect(item.getByRole('link', { name: 'https://www.voorbeeld.nl/verslag' })).toBeVisible();
    await expectAccessible(coordinator, 'the review queue');

    expect(await submit(coordinator, item.getByRole('button', { name: 'Terugsturen' }))).toBe(400);
    const comment = review(coordinator, `${ACTION.id}-u1`).getByLabel('Opmerking voor de eigenaar');
    await expect(comment).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(coordinator, 'the review queue with a refused return form');
    await comment.fill('Welke regio’s doen mee?');
    expect(await submit(coordinator, review(coordinator, `${ACTION.id}-u1`).getByRole('button', { name: 'Terugsturen' }))).toBe(303);
    await expect(coordinator.getByText('De voortgangsupdate is teruggestuurd naar de eigenaar.')).toBeVisible();
    await expect(review(coordinator, `${ACTION.id}-u1`)).toHaveCount(0);

    const owner = await pageAs('partner');
    await owner.goto('/partners/NJI');
    const article = toReport(owner);
    await expect(article.getByText(`Uw vorige update (${ACTION.id}-u1) is teruggestuurd`)).toBeVisible();
    await expect(article).toContainText('“Welke regio’s doen mee?”');
    await article.getByText('Voortgangsupdate invullen').click();
    await article.getByLabel('Voorgestelde status').selectOption({ label: 'Loopt' });
    await article.getByLabel('Toelichting').fill('Drie ambassadeurs, in Noord, Oost en Zuid');
    expect(await submit(owner, article.getByRole('button', { name: 'Update indienen' }))).toBe(303);
    await expect(owner.getByText('De voortgangsupdate is ingediend.')).toBeVisible();
  });

  test('the coordinator approves the new update: the status changes and the history names the update', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    await page.goto('/beoordelen');
    const item = review(page, `${ACTION.id}-u2`);
    await expect(item).toContainText('Drie ambassadeurs, in Noord, Oost en Zuid');
    expect(await submit(page, item.getByRole('button', { name: 'Goedkeuren' }))).toBe(303);
    await expect(page.getByText('De voortgangsupdate is goedgekeurd.')).toBeVisible();
    await expectAccessible(page, 'the review queue after approving');

    await page.goto(`/acties/${ACTION.id}`);
    await expect(currentStatus(page)).toHaveText('Loopt');
    await expect(historyItems(page).first()).toContainText(
      `Status gewijzigd van Niet gerapporteerd naar Loopt (uit voortgangsupdate ${ACTION.id}-u2) door JN (coördinator)`,
    );
    await expect(historyItems(page).nth(1)).toContainText(`Voortgangsupdate ${ACTION.id}-u2 goedgekeurd door JN (coördinator)`);

    await page.goto(`/plannen/${PLAN}`);
    await page.getByRole('region', { name: 'Rapportagerondes' }).getByRole('link', { name: ROUND_TITLE }).click();
    const nji = page.getByRole('region', { name: 'Per partner' }).getByRole('row').filter({ hasText: '(NJI)' });
    await expect(nji.getByRole('cell')).toHaveText(['0', '1', '0', '4']);

    await page.goto(`/verouderd?plan=${PLAN}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acties zonder recente statusmelding');
    await expect(page.getByRole('link', { name: ACTION.title, exact: true })).toHaveCount(0);
    await expectAccessible(page, '/verouderd');
  });
});
