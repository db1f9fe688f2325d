import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { inCi } from './support/chromium';
import { actionRows, expect, planFile, skipWithoutChromium, STATUS_LABELS, statusCell, test } from './support/fixtures';

skipWithoutChromium();

const PLAN = planFile('actieplan-pleegzorg-2017-2018');
const PLAN_PATH = `/plannen/${PLAN.id}`;
const CSV_COLUMNS = [
  'Plan',
  'Actielijn',
  'Actie-id',
  'Actie',
  'Eigenaren',
  'Termijn',
  'Begin',
  'Uiterlijk',
  'Status',
  'Toelichting',
  'Termijn verstreken',
  'Stand van',
];

test.describe('plan page', () => {
  test('lists every action of the four action lines with owners, deadline text and status', async ({ pageAs }) => {
    const page = await pageAs('partner');
    await page.goto(PLAN_PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PLAN.title);
    expect(PLAN.actionLines).toHaveLength(4);

    for (const line of PLAN.actionLines) {
      const heading = `Actielijn ${line.code}. ${line.title}`;
      const section = page.getByRole('region', { name: heading, exact: true });
      await expect(section, heading).toBeVisible();
      // The line's action table (the first); a line may also show context figures in a table of their own.
      await expect(section.locator('table').first().locator('tbody tr'), `rows in ${heading}`).toHaveCount(line.actions.length);
      for (const action of line.actions) {
        const row = actionRows(section, action.title);
        await expect(row, `${action.id} in ${heading}`).toHaveCount(1);
        const cells = row.getByRole('cell');
        await expect(cells.nth(0)).toContainText(action.id);
        await expect(cells.nth(1), `owners of ${action.id}`).toHaveText(action.owners.join(', '));
        await expect(cells.nth(2), `deadline of ${action.id}`).toContainText(action.deadline ? action.deadline.text : 'geen termijn');
        const status = (await statusCell(row).innerText()).trim();
        expect(STATUS_LABELS, `status of ${action.id}`).toContain(status);
      }
    }
    // The link leads to the action.
    const first = PLAN.actionLines[0].actions[0];
    await page.getByRole('link', { name: first.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/acties/${first.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
  });

  test('/partners/NJi (an alias in the address) shows NJI’s actions', async ({ pageAs }) => {
    const page = await pageAs('auditor');
    await page.goto('/partners/NJi');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nederlands Jeugdinstituut (NJI)');
    const owned = PLAN.actionLines.flatMap((l) => l.actions).filter((a) => a.owners.includes('NJI'));
    const all = page.getByRole('region', { name: 'Alle acties' });
    for (const action of owned) await expect(all.getByRole('link', { name: action.title, exact: true }), action.id).toBeVisible();
  });

  test('/zoeken?q=continuiteit finds the actions of action line 1', async ({ pageAs }) => {
    const page = await pageAs('coordinator');
    await page.goto('/zoeken?q=continuiteit');
    const lineOne = PLAN.actionLines[0];
    expect(lineOne.title).toBe('Continuïteit en stabiliteit, ook na het 18e jaar');
    const results = page.getByRole('region', { name: PLAN.title, exact: true });
    for (const action of lineOne.actions) {
      await expect(results.getByRole('link', { name: action.title, exact: true }), action.id).toBeVisible();
    }
    await expect(page.getByRole('status')).toContainText('gevonden voor ‘continuiteit’');
  });

  test('the CSV download is for a Dutch Excel: BOM, semicolons, Dutch columns and status labels', async ({ pageAs, env }) => {
    const page = await pageAs('coordinator');
    await page.goto(PLAN_PATH);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download deze tabel voor Excel (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${PLAN.id}-acties.csv`);
    const file = join(env.dir, `download-${Date.now()}.csv`);
    await download.saveAs(file);
    const bytes = readFileSync(file);

    expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'), ';');
    expect(rows[0]).toEqual(CSV_COLUMNS);
    const actions = PLAN.actionLines.flatMap((l) => l.actions);
    const data = rows.slice(1);
    expect(data.map((r) => r[2]).sort()).toEqual(actions.map((a) => a.id).sort());
    const text = bytes.toString('utf8');
    expect(text).not.toContain('NOT_REPORTED');
    for (const row of data) {
      expect(row).toHaveLength(CSV_COLUMNS.length);
      expect(row[0]).toBe(PLAN.title);
      expect(STATUS_LABELS, `status of ${row[2]}`).toContain(row[8]);
    }
    expect(data.find((r) => r[2] === 'pleegzorg-1-1')?.[1]).toBe('1. Continuïteit en stabiliteit, ook na het 18e jaar');
  });

  test('LibreOffice Calc opens the CSV into the right columns', async ({ pageAs }) => {
    const soffice = findLibreOffice();
    if (!soffice) {
      const message = 'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui';
      if (inCi()) throw new Error(`${message} (.ci/run installs it)`);
      test.skip(true, message);
      return;
    }
    const page = await pageAs('coordinator');
    await page.goto(PLAN_PATH);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download deze tabel voor Excel (CSV)' }).click(),
    ]);
    const work = mkdtempSync(join(tmpdir(), 'actiemonitor-soffice-'));
    try {
      const csv = join(work, 'acties.csv');
      await download.saveAs(csv);
      const out = join(work, 'out');
      // Import as Calc does in a Dutch locale (semicolon, double quote, UTF-8), then write tab-separated UTF-8.
      await promisify(execFile)(
        soffice,
        [
          `-env:UserInstallation=file://${join(work, 'profile')}`,
          '--headless',
          '--infilter=CSV:59,34,76,1',
          '--convert-to',
          'txt:Text - txt - csv (StarCalc):9,34,76,1',
          '--outdir',
          out,
          csv,
        ],
        { timeout: 90_000 },
      );
      const [converted] = readdirSync(out);
      const rows = parseCsv(readFileSync(join(out, converted), 'utf8').replace(/^\uFEFF/, ''), '\t');
      expect(rows[0], 'header cells as LibreOffice reads them (no BOM in the first cell)').toEqual(CSV_COLUMNS);
      const first = rows.find((r) => r[2] === 'pleegzorg-1-1');
      expect(first?.[1]).toBe('1. Continuïteit en stabiliteit, ook na het 18e jaar');
      expect(STATUS_LABELS).toContain(first?.[8]);
      expect(rows.length - 1).toBe(PLAN.actionLines.flatMap((l) => l.actions).length);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

/** soffice or libreoffice on PATH, or null. */
function findLibreOffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/** RFC 4180 with another separator: quoted fields may hold separators, quotes ("") and line breaks. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
