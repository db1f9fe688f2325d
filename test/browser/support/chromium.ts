import { existsSync } from 'node:fs';

/**
 * The browser the suite drives: Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH. Playwright
 * never downloads a browser here; without one the suite skips with a message, and with CI set it fails.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_MISSING = `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH. The browser tests never download a browser.`;

export function chromiumFound(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** CI set (any value but empty), as the PostgreSQL suites read it: missing tools fail there instead of skipping. */
export function inCi(): boolean {
  return Boolean(process.env.CI);
}
