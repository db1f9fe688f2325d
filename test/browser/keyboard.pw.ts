import type { Page } from '@playwright/test';
import { currentStatus, expect, focusedElement, hasVisibleFocus, historyItems, skipWithoutChromium, test } from './support/fixtures';

skipWithoutChromium();

type Focused = NonNullable<Awaited<ReturnType<typeof focusedElement>>>;

/**
 * Presses Tab until `wanted` holds for the focused element (at most `limit` times); every element the
 * focus passes must show it (outline or box shadow), as WCAG 2.4.7 asks.
 */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, description: string, limit = 80): Promise<Focused> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    if (!focused) continue;
    const label = `${focused.tag}${focused.id ? `#${focused.id}` : ''}${focused.name ? `[name=${focused.name}]` : ''} “${focused.text.slice(0, 40)}”`;
    passed.push(label);
    expect(
      hasVisibleFocus(focused),
      `visible focus on ${label} (outline ${focused.outlineStyle} ${focused.outlineWidth}, box-shadow ${focused.boxShadow})`,
    ).toBe(true);
    if (wanted(focused)) return focused;
  }
  throw new Error(`Tab never reached ${description} in ${limit} presses; focus went through:\n${passed.join('\n')}`);
}

test.describe('keyboard only', () => {
  test('sign in: Tab to the token field, type, Enter', async ({ page, env }) => {
    await page.goto('/inloggen');
    await tabTo(page, (f) => f.tag === 'input' && f.name === 'token', 'the token field');
    await page.keyboard.type(env.tokens.coordinator);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${env.url}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plannen');
  });

  test('the first Tab reaches the skip link; activating it moves focus to main', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    await page.goto('/acties/pleegzorg-3-4');
    await page.keyboard.press('Tab');
    const first = await focusedElement(page);
    expect(first?.tag).toBe('a');
    expect(first?.text).toBe('Naar de inhoud');
    expect(hasVisibleFocus(first!), 'visible focus on the skip link').toBe(true);
    await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeInViewport();

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#inhoud$/);
    const main = await focusedElement(page);
    expect(main?.tag).toBe('main');
    expect(main?.id).toBe('inhoud');
    expect(hasVisibleFocus(main!), 'visible focus on main after the skip link').toBe(true);
    // The next Tab goes on from the content, not from the header.
    await page.keyboard.press('Tab');
    await expect(page.locator('main :focus')).toHaveCount(1);
  });

  for (const path of [
    '/plannen/actieplan-pleegzorg-2017-2018',
    '/acties/pleegzorg-1-1',
    '/logboek',
    '/beoordelen',
    '/verouderd',
    '/regios',
    '/acties/koers-o-7',
    '/overleggen',
    '/kamerstukken',
    '/rapportage',
  ]) {
    test(`every Tab stop on ${path} shows the focus`, async ({ pageAs }) => {
      const page = await pageAs('coordinator');
      await page.goto(path);
      let stops = 0;
      for (let i = 0; i < 300; i++) {
        await page.keyboard.press('Tab');
        const focused = await focusedElement(page);
        if (!focused) break; // past the last element: the focus left the document
        stops++;
        const label = `${focused.tag}${focused.id ? `#${focused.id}` : ''} “${focused.text.slice(0, 40)}”`;
        expect
          .soft(
            hasVisibleFocus(focused),
            `visible focus on ${label} (outline ${focused.outlineStyle} ${focused.outlineWidth}, box-shadow ${focused.boxShadow})`,
          )
          .toBe(true);
      }
      expect(stops).toBeGreaterThan(5);
    });
  }

  test('the status form: filled in and sent with Tab, arrow keys and Enter', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    await page.goto('/acties/pleegzorg-4-1');
    await expect(currentStatus(page)).toHaveText('Niet gerapporteerd');
    const entries = await historyItems(page).count();

    await tabTo(page, (f) => f.tag === 'select' && f.id === 'status', 'the Status select');
    const select = page.locator('select#status');
    await expect(select).toHaveValue('IN_PROGRESS');
    // In a closed select, the arrow keys step through the options: Loopt → Risico → Vertraagd.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(select).toHaveValue('DELAYED');

    await tabTo(page, (f) => f.tag === 'textarea' && f.id === 'note', 'the Toelichting field', 3);
    await page.keyboard.type('Wacht op de gemeenten');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Opslaan', 'the Opslaan button', 3);
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/acties\/pleegzorg-4-1\?opgeslagen=status$/);
    await expect(currentStatus(page)).toHaveText('Vertraagd');
    await expect(historyItems(page)).toHaveCount(entries + 1);
    await expect(historyItems(page).first()).toContainText('naar Vertraagd door JN (coördinator)');
    await expect(historyItems(page).first()).toContainText('Wacht op de gemeenten');
  });

  test('a national action taken up in a region with the keyboard alone', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    await page.goto('/acties/koers-o-7');
    await tabTo(page, (f) => f.tag === 'select' && f.id === 'opvolging-regio', 'the Regio select', 150);
    // Type-ahead in a closed select picks the region by its name.
    await page.keyboard.type('Twente');
    await expect(page.locator('select#opvolging-regio')).toHaveValue('REGIO-TWENTE');
    await tabTo(page, (f) => f.tag === 'input' && f.id === 'opvolging-termijn', 'the Termijn field', 3);
    await page.keyboard.type('eind 2021');
    await page.keyboard.press('Enter');
    await expect(page.getByText('De regionale uitvoering is vastgelegd.')).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Regionale plannen: Koers en regionale transformatieplannen verbinden' }).first(),
    ).toBeVisible();
  });
});
