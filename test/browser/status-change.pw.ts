import type { Page } from '@playwright/test';
import {
  actionRows,
  currentStatus,
  expect,
  expectAccessible,
  historyItems,
  isoSecondNow,
  skipWithoutChromium,
  statusCell,
  statusForm,
  test,
} from './support/fixtures';

skipWithoutChromium();

/** Each test changes a different action, so they do not depend on each other's order. */
const CHANGE = {
  id: 'pleegzorg-3-4',
  title: 'Verzamelen en verspreiden van goede voorbeelden werving, binding en behoud',
  owners: ['JN', 'VNG'],
};
const STALE = 'pleegzorg-3-5';
const DOUBLE = 'pleegzorg-3-6';
const REFUSAL = 'pleegzorg-2-1';

/** The day as the pages write it ("30 november 2026"), in Dutch time. */
function dutchToday(): string {
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(
    new Date(),
  );
}

async function submitStatus(page: Page, status: string, note: string): Promise<number> {
  const form = statusForm(page);
  await form.getByLabel('Status', { exact: true }).selectOption({ label: status });
  await form.getByLabel('Toelichting').fill(note);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/status')),
    form.getByRole('button', { name: 'Opslaan', exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

test.describe('changing a status', () => {
  test('a coordinator changes the status: action page, plan page, owners’ partner pages, history, and the moment before', async ({
    pageAs,
  }) => {
    const page = await pageAs('coordinator');
    await page.goto(`/acties/${CHANGE.id}`);
    await expect(currentStatus(page)).toHaveText('Niet gerapporteerd');
    const before = isoSecondNow();
    const note = `Eerste bijeenkomst gehouden (${Date.now()})`;

    expect(await submitStatus(page, 'Loopt', note)).toBe(303);

    await expect(page).toHaveURL(new RegExp(`/acties/${CHANGE.id}\\?opgeslagen=status$`));
    await expect(page.getByText('De status is opgeslagen.')).toBeVisible();
    await expect(currentStatus(page)).toHaveText('Loopt');
    await expect(page.locator('dl.am-facts').first()).toContainText(note);
    await expectAccessible(page, 'the action page with its “saved” message');
    const sentence = historyItems(page).filter({ hasText: 'Status gewijzigd van' });
    await expect(sentence).toHaveCount(1);
    const expected = `Status gewijzigd van Niet gerapporteerd naar Loopt door JN (coördinator), ${dutchToday()} `;
    const text = (await sentence.innerText()).trim();
    expect(text.startsWith(expected), `"${text}" starts with "${expected}"`).toBe(true);
    expect(text).toMatch(/ \d{2}:\d{2}: /);
    expect(text.endsWith(`: ${note}`), `"${text}" ends with the note`).toBe(true);

    await page.goto('/plannen/actieplan-pleegzorg-2017-2018');
    await expect(statusCell(actionRows(page, CHANGE.title))).toHaveText('Loopt');

    for (const owner of CHANGE.owners) {
      await page.goto(`/partners/${owner}`);
      const rows = actionRows(page, CHANGE.title);
      expect(await rows.count(), `rows for ${CHANGE.id} on /partners/${owner}`).toBeGreaterThan(0);
      for (const row of await rows.all()) await expect(statusCell(row), `/partners/${owner}`).toHaveText('Loopt');
    }

    await page.goto(`/acties/${CHANGE.id}?peildatum=${encodeURIComponent(before)}`);
    await expect(page.getByText(/U bekijkt de stand van .+\./)).toBeVisible();
    await expect(currentStatus(page)).toHaveText('Niet gerapporteerd');
    await expect(historyItems(page).filter({ hasText: 'Status gewijzigd van' })).toHaveCount(0);
    await expect(statusForm(page)).toHaveCount(0);
  });

  test('a stale form is refused with the Dutch conflict message and writes nothing', async ({ pageAs }) => {
    const first = await pageAs('coordinator');
    const second = await pageAs('coordinator');
    await first.goto(`/acties/${STALE}`);
    await second.goto(`/acties/${STALE}`);

    expect(await submitStatus(first, 'Loopt', 'Eerst opgeslagen')).toBe(303);
    await expect(currentStatus(first)).toHaveText('Loopt');
    const entries = await historyItems(first).count();

    expect(await submitStatus(second, 'Vertraagd', 'Later opgeslagen, met een verouderd formulier')).toBe(409);
    const alert = statusForm(second).getByText(/Niet opgeslagen: iemand anders heeft deze actie gewijzigd/);
    await expect(alert).toBeVisible();
    // What changed in between is listed, and the user's input is kept in the form.
    await expect(
      statusForm(second).getByRole('listitem').filter({ hasText: 'Status gewijzigd van Niet gerapporteerd naar Loopt' }),
    ).toHaveCount(1);
    await expect(statusForm(second).locator('select[name="status"]')).toHaveValue('DELAYED');
    await expect(statusForm(second).getByLabel('Toelichting')).toHaveValue('Later opgeslagen, met een verouderd formulier');
    await expectAccessible(second, 'the action page with the conflict message');

    await first.reload();
    await expect(currentStatus(first)).toHaveText('Loopt');
    await expect(historyItems(first)).toHaveCount(entries);
    await expect(historyItems(first).filter({ hasText: 'Vertraagd' })).toHaveCount(0);

    // Having seen what changed, the user saves again: now the form is current, and it is saved.
    expect(await submitStatus(second, 'Vertraagd', 'Later opgeslagen, na de eerdere wijziging')).toBe(303);
    await expect(currentStatus(second)).toHaveText('Vertraagd');
    await expect(historyItems(second)).toHaveCount(entries + 1);
  });

  test('submitting the same form twice records the change once', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    await page.goto(`/acties/${DOUBLE}`);
    const entries = await historyItems(page).count();
    const form = statusForm(page);
    const sent = {
      commandId: await form.locator('input[name="commandId"]').inputValue(),
      expectedVersion: await form.locator('input[name="expectedVersion"]').inputValue(),
    };

    expect(await submitStatus(page, 'Afgerond', 'Week gehouden')).toBe(303);
    await expect(currentStatus(page)).toHaveText('Afgerond');

    // Back to the form and send it again, as it was: same command id and version (a double click, or a
    // resubmit of the page from the history).
    await page.goBack();
    await expect(statusForm(page)).toBeVisible();
    for (const [name, value] of Object.entries(sent)) {
      await statusForm(page)
        .locator(`input[name="${name}"]`)
        .evaluate((input, v) => ((input as unknown as { value: string }).value = v), value);
    }
    // The command id makes the second submit a no-op: the same redirect, nothing written.
    expect(await submitStatus(page, 'Afgerond', 'Week gehouden')).toBe(303);

    await page.goto(`/acties/${DOUBLE}`);
    await expect(currentStatus(page)).toHaveText('Afgerond');
    await expect(historyItems(page).filter({ hasText: 'Status gewijzigd van' })).toHaveCount(1);
    await expect(historyItems(page)).toHaveCount(entries + 1);
  });

  test('Gestopt without Toelichting is refused next to the field, with the input kept', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    await page.goto(`/acties/${REFUSAL}`);
    const entries = await historyItems(page).count();

    expect(await submitStatus(page, 'Gestopt', '')).toBe(400);

    const form = statusForm(page);
    const note = form.getByLabel('Toelichting');
    await expect(form.locator('select[name="status"]')).toHaveValue('STOPPED');
    await expect(note).toHaveAttribute('aria-invalid', 'true');
    const errorId = (await note.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
    const reason = form.locator(`[id="${errorId}"]`);
    await expect(reason).toBeVisible();
    expect((await reason.innerText()).trim().length).toBeGreaterThan(0);
    await expect(reason).toContainText('een toelichting is verplicht bij STOPPED: waarom is de actie gestopt?');
    await expect(reason).not.toContainText('(');
    // The reason sits in the Toelichting field's own block, not somewhere else on the page.
    await expect(
      form
        .locator('.utrecht-form-field')
        .filter({ has: page.getByLabel('Toelichting') })
        .locator(`[id="${errorId}"]`),
    ).toHaveCount(1);
    await expect(form.getByText('Niet opgeslagen.')).toBeVisible();
    await expectAccessible(page, 'the action page with the refused status form');

    await page.goto(`/acties/${REFUSAL}`);
    await expect(currentStatus(page)).toHaveText('Niet gerapporteerd');
    await expect(historyItems(page)).toHaveCount(entries);
  });
});
