import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, BrowserContext, Locator, Page } from '@playwright/test';
import { CHROMIUM_MISSING, chromiumFound } from './chromium';
import { readSuiteEnv, Role, SuiteEnv } from './servers';

export { expect };
export type { Role, SuiteEnv };
export type Who = Role | 'anonymous';

/** In `evaluate` callbacks (run in the page); the project's TypeScript has no DOM library. */
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string; boxShadow: string };

/** Call at the top of every spec file: skips the file, with the reason, when there is no Chromium (CI fails in global setup). */
export function skipWithoutChromium(): void {
  base.skip(!chromiumFound(), CHROMIUM_MISSING);
}

/** Every request any page of the test made; the test fails when one went to another host (data: is fine). */
class RequestLog {
  readonly urls: string[] = [];
  constructor(private readonly origins: string[]) {}

  watch(context: BrowserContext): void {
    context.on('request', (request) => this.urls.push(request.url()));
  }

  offsite(): string[] {
    return this.urls.filter(
      (url) => !url.startsWith('data:') && !this.origins.some((origin) => url === origin || url.startsWith(`${origin}/`)),
    );
  }
}

interface WorkerFixtures {
  env: SuiteEnv;
  /** A storage state file for the role, signed in once per worker through the sign-in page. */
  storageStateOf: (role: Role) => Promise<string>;
}

interface TestFixtures {
  requestLog: RequestLog;
  /**
   * A page in a fresh context of its own: signed in as the role (from the worker's storage state), or
   * anonymous; on the signed-in server, or on the PUBLIC_READ server (anonymous only). Closed after the test.
   */
  pageAs: (who: Who, options?: { server?: 'main' | 'public' }) => Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  env: [async ({}, use) => use(readSuiteEnv()), { scope: 'worker' }],

  storageStateOf: [
    async ({ browser, env }, use) => {
      const states = new Map<Role, Promise<string>>();
      const signIn = async (role: Role): Promise<string> => {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.goto(`${env.url}/inloggen`);
          await page.getByLabel('Token').fill(env.tokens[role]);
          await page.getByRole('button', { name: 'Inloggen' }).click();
          await page.waitForURL(`${env.url}/`);
          const path = join(env.dir, `storage-state-${role}-${process.pid}.json`);
          await context.storageState({ path });
          return path;
        } finally {
          await context.close();
        }
      };
      await use((role) => {
        if (!states.has(role)) states.set(role, signIn(role));
        return states.get(role)!;
      });
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ env }, use) => use(env.url),

  requestLog: [
    async ({ env }, use) => {
      const log = new RequestLog([env.url, env.publicUrl]);
      await use(log);
      expect(log.offsite(), `requests to another host than the server (${env.url}, ${env.publicUrl})`).toEqual([]);
    },
    { auto: true },
  ],

  context: async ({ context, requestLog }, use) => {
    requestLog.watch(context);
    await use(context);
  },

  pageAs: async ({ browser, env, storageStateOf, requestLog }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (who, options = {}) => {
      const server = options.server ?? 'main';
      if (server === 'public' && who !== 'anonymous') throw new Error('the PUBLIC_READ server has no tokens: use it anonymously');
      const context = await browser.newContext({
        baseURL: server === 'public' ? env.publicUrl : env.url,
        storageState: who === 'anonymous' ? undefined : await storageStateOf(who),
        acceptDownloads: true,
      });
      contexts.push(context);
      requestLog.watch(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

// ---------------------------------------------------------------------------------------------------------
// Accessibility: axe-core in the page, WCAG 2.0/2.1 A and AA.

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * axe is evaluated through the DevTools protocol rather than added as a <script> tag: the pages' CSP
 * (script-src 'self') rightly refuses an inline script, and the suite must not weaken it.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; html: string; failureSummary: string }>;
}

/**
 * axe's violations, plus the contrast checks it could not decide ("incomplete"): an undecided contrast
 * hid blue-on-blue text once (a button whose colours were meant for white pages), another a table running
 * past the page. Exempt are only what axe cannot measure by design: text inside the SVG charts (charts.css
 * fixes it dark on white) and the Rijkshuisstijl select, whose chevron is a background image.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags: string[]) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const undecidedContrast = result.incomplete
      .filter((v: any) => v.id === 'color-contrast')
      .map((v: any) => ({ ...v, id: 'color-contrast (undecided)', nodes: v.nodes.filter((n: any) => !measuredElsewhere(n)) }))
      .filter((v: any) => v.nodes.length > 0);
    function measuredElsewhere(node: any): boolean {
      const svgText = node.target.some((t: string) => /svg/i.test(t)) || /^<(text|tspan)/.test(node.html);
      const selectChevron =
        /^<select [^>]*class="utrecht-select/.test(node.html) && (node.any ?? []).every((a: any) => /background image/.test(a.message));
      return svgText || selectChevron;
    }
    return [...result.violations, ...undecidedContrast].map((v: any) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n: any) => ({
        target: n.target.join(' '),
        html: String(n.html).slice(0, 300),
        failureSummary: n.failureSummary ?? (n.any ?? []).map((a: any) => a.message).join('; '),
      })),
    }));
  }, AXE_TAGS);
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'impact?'}): ${v.help} ${v.helpUrl}\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${n.html}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

/** Zero axe violations on the page as it is now; the failure lists each rule with its nodes. */
export async function expectAccessible(page: Page, what = page.url()): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.length, `axe-core violations on ${what}:\n${describeViolations(violations)}`).toBe(0);
}

// ---------------------------------------------------------------------------------------------------------
// The pages' parts, found the way a user finds them.

export const STATUS_LABELS = ['Niet gerapporteerd', 'Niet gestart', 'Loopt', 'Risico', 'Vertraagd', 'Afgerond', 'Gestopt'];

export function statusForm(page: Page): Locator {
  return page.locator('form').filter({ has: page.getByRole('heading', { name: 'Status wijzigen', exact: true }) });
}

/** The action's current status as the facts list shows it (the first <dd>, after "Status"). */
export function currentStatus(page: Page): Locator {
  return page.locator('dl.am-facts').first().locator('dd').first().locator('.am-status');
}

export function historyItems(page: Page): Locator {
  return page.getByRole('region', { name: 'Geschiedenis' }).getByRole('listitem');
}

/** Table rows that link to the action (an action can appear in several tables of a page). */
export function actionRows(scope: Page | Locator, title: string): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  return scope.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** The status cell (4th column) of a row of an action table. */
export function statusCell(row: Locator): Locator {
  return row.getByRole('cell').nth(3);
}

/** Now, to the second (the page reads `2026-11-30T08:00:00Z`, no milliseconds): never after this moment. */
export function isoSecondNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The element that has focus, with what makes the focus visible. */
export async function focusedElement(
  page: Page,
): Promise<{ tag: string; id: string; text: string; name: string; outlineStyle: string; outlineWidth: string; boxShadow: string } | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: String(el.tagName).toLowerCase(),
      id: String(el.id ?? ''),
      text: String(el.textContent ?? '').trim(),
      name: String(el.getAttribute('name') ?? ''),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      boxShadow: style.boxShadow,
    };
  });
}

/** A focus indicator is drawn: an outline (not none, not 0 wide) or a box shadow. */
export function hasVisibleFocus(focused: { outlineStyle: string; outlineWidth: string; boxShadow: string }): boolean {
  const outline = focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) > 0;
  return outline || (focused.boxShadow !== '' && focused.boxShadow !== 'none');
}

/** The plan's data file, as imported at start. */
export interface PlanFile {
  id: string;
  title: string;
  actionLines: Array<{
    id: string;
    code: string;
    title: string;
    actions: Array<{ id: string; title: string; owners: string[]; deadline: { text: string } | null }>;
  }>;
}

export function planFile(id: string): PlanFile {
  return JSON.parse(readFileSync(join(__dirname, '../../../config/plans', `${id}.json`), 'utf8')) as PlanFile;
}
