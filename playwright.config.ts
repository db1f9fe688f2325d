import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH } from './test/browser/support/chromium';

/**
 * The browser suite: Playwright driving Debian's Chromium (never a downloaded browser) against the built
 * server, which global setup starts (one signed-in server and one PUBLIC_READ server for the whole run).
 * Without Chromium the specs skip with a message; with CI set global setup fails instead.
 */
export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.pw.ts',
  globalSetup: require.resolve('./test/browser/support/global-setup'),
  // One worker: a 2-core machine, and the specs share one server whose data some of them change.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // Failure screenshots go outside the repository (test-results/ is not in .gitignore).
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? join(tmpdir(), 'actiemonitor-browser-results'),
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    acceptDownloads: true,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
