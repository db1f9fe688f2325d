import { currentStatus, expect, historyItems, skipWithoutChromium, statusForm, test } from './support/fixtures';

skipWithoutChromium();

/** Against the second server, started with PUBLIC_READ=true: anyone may read, nobody unsigned may write. */
const PLAN = { id: 'actieplan-pleegzorg-2017-2018', title: 'Actieplan Pleegzorg 2017-2018' };
const ACTION = { id: 'pleegzorg-3-4', title: 'Verzamelen en verspreiden van goede voorbeelden werving, binding en behoud' };

declare const document: any;

test.describe('public mode (PUBLIC_READ=true)', () => {
  test('a visitor without a session reads the plan and the action; the history says what and when, not who', async ({ pageAs, env }) => {
    // Something for the visitor to read: a coordinator (signed in on the public server) changes a status.
    const coordinator = await pageAs('anonymous', { server: 'public' });
    await coordinator.goto('/inloggen');
    await coordinator.getByLabel('Token').fill(env.publicCoordinatorToken);
    await coordinator.getByRole('button', { name: 'Inloggen' }).click();
    await expect(coordinator.getByRole('banner')).toContainText('Ingelogd als VWS (coördinator)');
    await coordinator.goto(`/acties/${ACTION.id}`);
    const form = statusForm(coordinator);
    await form.getByLabel('Status', { exact: true }).selectOption({ label: 'Loopt' });
    await form.getByLabel('Toelichting').fill('Voorbeelden verzameld');
    await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(currentStatus(coordinator)).toHaveText('Loopt');
    await expect(historyItems(coordinator).first()).toContainText(
      'Status gewijzigd van Niet gerapporteerd naar Loopt door VWS (coördinator)',
    );

    const page = await pageAs('anonymous', { server: 'public' });
    await page.goto('/');
    await expect(page).toHaveURL(`${env.publicUrl}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plannen');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Inloggen' })).toBeVisible();

    await page.goto(`/plannen/${PLAN.id}`);
    await expect(page).toHaveURL(new RegExp(`/plannen/${PLAN.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PLAN.title);
    await page.getByRole('link', { name: ACTION.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/acties/${ACTION.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ACTION.title);
    await expect(currentStatus(page)).toHaveText('Loopt');
    const items = historyItems(page);
    await expect(items.filter({ hasText: /^Status gewijzigd van Niet gerapporteerd naar Loopt, .+: Voorbeelden verzameld$/ })).toHaveCount(
      1,
    );
    for (const text of await items.allInnerTexts()) {
      expect(text, 'a history line in public mode').not.toMatch(/ door |coördinator|het systeem/);
    }
  });

  test('a visitor is refused /logboek and gets no forms; posting one anyway is refused and changes nothing', async ({ pageAs, env }) => {
    const page = await pageAs('anonymous', { server: 'public' });
    const log = await page.goto('/logboek');
    expect(log?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');

    await page.goto(`/acties/${ACTION.id}`);
    await expect(page.locator('form[method="post"]')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Status wijzigen' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Opslaan' })).toHaveCount(0);
    const entries = await historyItems(page).count();
    const status = await currentStatus(page).innerText();

    // With the page's own request context (cookies of this visitor: none)...
    const direct = await page.request.post(`/acties/${ACTION.id}/status`, {
      form: { status: 'STOPPED', note: 'Bezoeker' },
      maxRedirects: 0,
    });
    expect([303, 403], `POST status: ${direct.status()}`).toContain(direct.status());
    if (direct.status() === 303) expect(direct.headers()['location']).toMatch(/^\/inloggen/);

    // ...and as a browser would send a form built in the page.
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.evaluate(
        ({ action }) => {
          const form = document.createElement('form');
          form.method = 'post';
          form.action = action;
          for (const [name, value] of [
            ['status', 'STOPPED'],
            ['note', 'Bezoeker'],
          ]) {
            const input = document.createElement('input');
            input.type = 'hidden';
            input.name = name;
            input.value = value;
            form.appendChild(input);
          }
          document.body.appendChild(form);
          form.submit();
        },
        { action: `/acties/${ACTION.id}/status` },
      ),
    ]);
    expect([303, 403], `browser POST: ${response.status()}`).toContain(response.status());
    await page.waitForLoadState();
    if (response.status() === 303) await expect(page).toHaveURL(new RegExp(`^${env.publicUrl}/inloggen`));
    else await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');

    await page.goto(`/acties/${ACTION.id}`);
    await expect(currentStatus(page)).toHaveText(status);
    await expect(currentStatus(page)).not.toHaveText('Gestopt');
    await expect(historyItems(page)).toHaveCount(entries);
  });
});
