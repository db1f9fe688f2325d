import { expect, skipWithoutChromium, test } from './support/fixtures';
import { cli, createToken } from './support/servers';

skipWithoutChromium();

test.describe('signing in and out', () => {
  test('/ without a session leads to /inloggen; the coordinator token shows the plans', async ({ page, env }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/inloggen(\?|$)/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');

    await page.getByLabel('Token').fill(env.tokens.coordinator);
    await page.getByRole('button', { name: 'Inloggen' }).click();

    await expect(page).toHaveURL(`${env.url}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plannen');
    await expect(page.getByRole('heading', { level: 2, name: 'Actieplan Pleegzorg 2017-2018' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Koers Gezinshuizen/ })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Ingelogd als JN (coördinator)');
  });

  test('signing in brings the user back to the page asked for', async ({ page, env }) => {
    await page.goto('/acties/pleegzorg-1-1');
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Facties%2Fpleegzorg-1-1$/);
    await page.getByLabel('Token').fill(env.tokens.partner);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(`${env.url}/acties/pleegzorg-1-1`);
  });

  test('a wrong token is refused with a reason next to the field, and the token is not filled back in', async ({ page }) => {
    await page.goto('/inloggen');
    await page.getByLabel('Token').fill('am_dit-token-bestaat-niet');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Inloggen' }).click(),
    ]);
    expect(response.status()).toBe(401);
    await expect(page.locator('#token-error')).toHaveText('Dit token is onbekend, verlopen of ingetrokken.');
    await expect(page.getByLabel('Token')).toHaveValue('');
    await expect(page.getByLabel('Token')).toHaveAttribute('aria-invalid', 'true');
  });

  test('the session cookie is HttpOnly and SameSite=Strict', async ({ page, context, env }) => {
    await page.goto('/inloggen');
    await page.getByLabel('Token').fill(env.tokens.auditor);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(`${env.url}/`);
    const cookies = await context.cookies(env.url);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie, `cookie ${cookie.name}`).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    }
  });

  test('Uitloggen in the header ends the session', async ({ page, env }) => {
    await page.goto('/inloggen');
    await page.getByLabel('Token').fill(env.tokens.coordinator);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(`${env.url}/`);

    await page.getByRole('banner').getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(`${env.url}/inloggen`);
    await expect(page.getByText('U bent uitgelogd.')).toBeVisible();

    await page.goto('/plannen/actieplan-pleegzorg-2017-2018');
    await expect(page).toHaveURL(/\/inloggen\?terug=/);
  });

  test('a token revoked with the CLI ends its session at the next page, and the sign-in page says why', async ({ page, env }) => {
    const name = `revoke-me-${Date.now()}`;
    const token = await createToken(env.dataDir, 'partner', 'NVP', name);
    await page.goto('/inloggen');
    await page.getByLabel('Token').fill(token);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('banner')).toContainText('Ingelogd als NVP (partner)');

    await cli(env.dataDir, ['tokens', 'revoke', '--name', name]);
    await page.goto('/plannen/actieplan-pleegzorg-2017-2018');
    await expect(page).toHaveURL(/\/inloggen\?terug=/);
    await expect(page.getByText('Uw sessie is beëindigd: het token is verlopen of ingetrokken. Log opnieuw in.')).toBeVisible();
  });
});
