import { expect, skipWithoutChromium, test } from './support/fixtures';

skipWithoutChromium();

/**
 * /graphiql in development works offline: the editor renders from our own scripts and styles (the
 * fixture fails the test on any request to another host), and a query with a token runs.
 */
test('GraphiQL opens with its editor, from our own server only, and runs a query with a token', async ({ page, env }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto('/graphiql');
  expect(response?.status()).toBe(200);

  await expect(page.locator('.graphiql-container')).toBeVisible({ timeout: 15_000 });
  const queryEditor = page.locator('.graphiql-query-editor .CodeMirror');
  await expect(queryEditor).toBeVisible();
  await expect(queryEditor).toContainText('plans');

  // The token goes in the Headers tab; GraphiQL's editors are CodeMirror instances.
  const headers = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror');
  await expect(headers).toBeVisible();
  await expect(headers).toContainText('Authorization');
  await headers.evaluate(
    (el, token) =>
      (el as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(
        JSON.stringify({ Authorization: `Bearer ${token}` }),
      ),
    env.tokens.auditor,
  );
  await page.getByRole('button', { name: /^Execute query/ }).click();
  await expect(page.locator('.result-window')).toContainText('Actieplan Pleegzorg 2017-2018', { timeout: 10_000 });

  expect(errors, 'uncaught errors in the page').toEqual([]);
});
