import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { CHANGE_STATUS, EVENTS } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { startTestServer, TestServer } from './support/test-server';

const PLAN = 'actieplan-pleegzorg-2017-2018';
const ACTION = 'pleegzorg-3-4'; // owners JN and VNG; serves target pleegzorg-3-inschrijvingen-2017
const STOPPED_ACTION = 'pleegzorg-3-2'; // owner JN
const TARGET = 'pleegzorg-3-inschrijvingen-2017';
const REASON = 'vanwege het ontbreken van (project)financiering';
const MADE_ON = '2026-01-15';

const RESCHEDULE = `mutation ($input: RescheduleActionInput!) { rescheduleAction(input: $input) { version } }`;
const MEASURE = `mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
const CHANGES = `query ($planId: ID!, $from: DateTime!, $to: DateTime!, $partnerId: ID) {
  changes(planId: $planId, from: $from, to: $to, partnerId: $partnerId) {
    actionId statusAtFrom statusAtTo noteAtTo
    changes { kind position who what why status previousStatus note reason value deadline { text } previousDeadline { text } actor { partnerId role } }
  } }`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const execFileAsync = promisify(execFile);

/** The "done when" for reports, run on each store. */
function reportsFlow(label: string, start: () => Promise<{ server: TestServer; cleanUp?: () => Promise<void> }>, sqlite: boolean) {
  describe(`progress reports (${label})`, () => {
    let server: TestServer;
    let cleanUp: (() => Promise<void>) | undefined;
    let coordinator: string;
    let auditor: string;
    let jn: string;
    let nvp: string;
    let from: string;
    let to: string;
    let dir: string;

    const ok = async (query: string, input: Record<string, unknown>) => {
      const res = await server.gql(query, { input }, coordinator);
      expect(res.errors).toBeUndefined();
    };
    const report = (format: string, extra: string[] = []) =>
      server.cli(['report', '--plan', PLAN, '--from', from, '--to', to, '--format', format, '--made-on', MADE_ON, ...extra]);

    beforeAll(async () => {
      ({ server, cleanUp } = await start());
      dir = mkdtempSync(join(tmpdir(), 'actiemonitor-reports-'));
      coordinator = await server.token('COORDINATOR', 'VWS');
      auditor = await server.token('AUDITOR', null);
      jn = await server.token('PARTNER', 'JN');
      nvp = await server.token('PARTNER', 'NVP');
      // Before the period.
      await ok(CHANGE_STATUS, { actionId: ACTION, status: 'NOT_STARTED', note: 'Voorbereiding voor de periode' });
      await pause(30);
      from = new Date().toISOString();
      await pause(30);
      // In the period: two status changes, a reschedule and a measurement.
      await ok(CHANGE_STATUS, { actionId: ACTION, status: 'IN_PROGRESS', note: 'Werving in vier regio’s gestart' });
      await ok(RESCHEDULE, { actionId: ACTION, deadline: { text: 'eind 2019' }, reason: REASON });
      await ok(MEASURE, { targetId: TARGET, value: 3, measuredAt: '2017-12-31', source: 'Pleegzorg Nederland, factsheet 2017' });
      await ok(CHANGE_STATUS, { actionId: STOPPED_ACTION, status: 'STOPPED', note: 'Opgegaan in de campagne' });
      await pause(30);
      to = new Date().toISOString();
      await pause(30);
      // After the period.
      await ok(CHANGE_STATUS, { actionId: ACTION, status: 'COMPLETED', note: 'Afgerond na de periode' });
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await server?.close();
      await cleanUp?.();
    });

    it('changes: per action the status at from and to, and every change between in log order with when, who and why', async () => {
      const res = await server.gql(CHANGES, { planId: PLAN, from, to }, coordinator);
      expect(res.errors).toBeUndefined();
      const action = res.data.changes.find((a: { actionId: string }) => a.actionId === ACTION);
      expect(action).toMatchObject({ statusAtFrom: 'NOT_STARTED', statusAtTo: 'IN_PROGRESS', noteAtTo: 'Werving in vier regio’s gestart' });
      expect(action.changes.map((c: { kind: string }) => c.kind)).toEqual(['STATUS_REPORTED', 'RESCHEDULED', 'MEASUREMENT_RECORDED']);
      expect(action.changes[0]).toMatchObject({ status: 'IN_PROGRESS', previousStatus: 'NOT_STARTED', who: 'VWS (coördinator)' });
      expect(action.changes[1]).toMatchObject({ reason: REASON, deadline: { text: 'eind 2019' }, previousDeadline: { text: '2017/2018' } });
      expect(action.changes[2]).toMatchObject({ value: 3 });
      const positions = action.changes.map((c: { position: string }) => BigInt(c.position));
      expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
      const stopped = res.data.changes.find((a: { actionId: string }) => a.actionId === STOPPED_ACTION);
      expect(stopped).toMatchObject({ statusAtFrom: 'NOT_REPORTED', statusAtTo: 'STOPPED' });
    });

    it('changes: a partner sees only its own actions, and may not ask for another partner’s', async () => {
      const own = await server.gql(CHANGES, { planId: PLAN, from, to }, nvp);
      expect(own.errors).toBeUndefined();
      expect(own.data.changes.length).toBeGreaterThan(0);
      expect(own.data.changes.map((a: { actionId: string }) => a.actionId)).not.toContain(ACTION);
      const jnOwn = await server.gql(CHANGES, { planId: PLAN, from, to, partnerId: 'JN' }, jn);
      expect(jnOwn.data.changes.map((a: { actionId: string }) => a.actionId)).toContain(ACTION);
      const other = await server.gql(CHANGES, { planId: PLAN, from, to, partnerId: 'JN' }, nvp);
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const auditorView = await server.gql(CHANGES, { planId: PLAN, from, to, partnerId: 'JN' }, auditor);
      expect(auditorView.errors).toBeUndefined();
    });

    it('the report holds each change with its reason, the status at start and end, and nothing from outside the period', async () => {
      const md = await report('md');
      expect(md.code).toBe(0);
      const text = md.stdout;
      expect(text).toContain(`#### ${ACTION}:`);
      expect(text).toContain('Status gewijzigd van Niet gestart naar Loopt — Waarom: Werving in vier regio’s gestart');
      expect(text).toContain(`Waarom: ${REASON}`);
      expect(text).toContain('verschoven naar eind 2019 (uiterlijk 31 december 2019)');
      expect(text).toContain('Meting vastgelegd: 3 op 31 december 2017 — Waarom: Pleegzorg Nederland, factsheet 2017');
      expect(text).toContain('**Status begin periode:** Niet gestart');
      expect(text).toContain('**Status eind periode:** Loopt — Werving in vier regio’s gestart');
      expect(text).toMatch(/\*\*Gestopt in de periode:\*\* pleegzorg-3-2 /);
      expect(text).not.toContain('Afgerond na de periode');
      expect(text).not.toContain('Voorbereiding voor de periode');
    });

    it("the annex lists exactly the period's events of the plan", async () => {
      const text = (await report('md')).stdout;
      const annex = text.slice(text.indexOf('## Bijlage'));
      const listed = [...annex.matchAll(/^\| (\d+) \|/gm)].map((m) => m[1]);
      const log: Array<{ position: string; streamId: string; recordedAt: string; data: { planId?: string } }> = [];
      for (let after: string | null = null; ;) {
        const page: { events: typeof log; nextAfter: string | null } = (await server.gql(EVENTS, { after, first: 500 }, auditor)).data
          .events;
        log.push(...page.events);
        if (!page.nextAfter) break;
        after = page.nextAfter;
      }
      const planStreams = new Set(log.filter((e) => e.data.planId === PLAN).map((e) => e.streamId));
      const expected = log.filter((e) => planStreams.has(e.streamId) && e.recordedAt > from && e.recordedAt <= to).map((e) => e.position);
      expect(listed).toEqual(expected);
      expect(listed).toHaveLength(4);
    });

    it('is the same byte for byte when made twice, and after later events', async () => {
      const [md1, html1] = [(await report('md')).stdout, (await report('html')).stdout];
      expect((await report('md')).stdout).toBe(md1);
      await ok(CHANGE_STATUS, { actionId: 'pleegzorg-3-5', status: 'IN_PROGRESS', note: 'Later dan de rapportage' });
      expect((await report('md')).stdout).toBe(md1);
      expect((await report('html')).stdout).toBe(html1);
    });

    it('states the head hash that verify --until gives for its log position', async () => {
      const text = (await report('md')).stdout;
      const position = /Logpositie aan het eind van de periode:\*\* (\d+)/.exec(text)![1];
      const hash = /Hash van het logboek op die positie:\*\* `([0-9a-f]{64})`/.exec(text)![1];
      const verify = await server.cli(['verify', '--until', position]);
      expect(verify.code).toBe(0);
      expect(verify.stdout.trim()).toBe(`OK: keten intact t/m positie ${position}; kop-hash ${hash}`);
    });

    it('writes a Word document with the action lines as headings and real tables, which LibreOffice converts', async () => {
      const file = join(dir, 'rapportage.docx');
      const made = await report('docx', ['--output', file]);
      expect(made.code).toBe(0);
      const zip = await JSZip.loadAsync(readFileSync(file));
      const xml = await zip.file('word/document.xml')!.async('string');
      const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*?<\/w:p>/gs)].map((m) =>
        [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      );
      expect(headings).toEqual(expect.arrayContaining(['3 Werven en screenen van pleegouders']));
      expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(2);
      expect(xml).toContain(REASON); // the reason, in the document text
      // Made again: the same document text (the package's zip times and core.xml may differ).
      const again = join(dir, 'nogmaals.docx');
      expect((await report('docx', ['--output', again])).code).toBe(0);
      expect(await (await JSZip.loadAsync(readFileSync(again))).file('word/document.xml')!.async('string')).toBe(xml);

      const soffice = await execFileAsync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        timeout: 120_000,
      }).then(
        () => true,
        (error: Error) => error,
      );
      if (soffice !== true && !process.env.CI) {
        console.warn(`LibreOffice could not convert the report (not in CI, so not failing): ${String(soffice)}`);
        return;
      }
      expect(soffice).toBe(true);
      expect(existsSync(join(dir, 'rapportage.pdf'))).toBe(true);
    });

    it('refuses bad input with a Dutch error naming the argument, a non-zero exit and no file written', async () => {
      const file = join(dir, 'fout.md');
      const cases: Array<[string[], RegExp]> = [
        [['--plan', 'geen-plan', '--from', from, '--to', to], /--plan: Plan 'geen-plan' bestaat niet/],
        [['--plan', PLAN, '--from', to, '--to', from], /--to: het einde .* ligt vóór het begin/],
        [['--plan', PLAN, '--from', '2026-01-01', '--to', '2999-12-31'], /--to: 2999-12-31 ligt in de toekomst/],
        [['--plan', PLAN, '--from', from, '--to', to, '--format', 'pdf'], /--format: kies docx, html of md, niet 'pdf'/],
        [['--plan', PLAN, '--from', '1 januari', '--to', to], /--from: '1 januari' is geen datum/],
        [['--plan', PLAN, '--from', from, '--to', to, '--partner', 'ONBEKEND'], /--partner: onbekende partner 'ONBEKEND'/],
      ];
      for (const [args, message] of cases) {
        const result = await server.cli(['report', ...args, '--output', file]);
        expect([args.join(' '), result.code !== 0, message.test(result.stderr)]).toEqual([args.join(' '), true, true]);
        expect(existsSync(file)).toBe(false);
      }
    });

    if (sqlite) {
      it('rewriting an event before the reported position is caught by verify --until', async () => {
        const position = /Logpositie aan het eind van de periode:\*\* (\d+)/.exec((await report('md')).stdout)![1];
        await server.kill('SIGTERM');
        const db = new Database(join(server.dataDir, 'actiemonitor.sqlite'));
        for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").all() as Array<{
          name: string;
        }>) {
          db.exec(`DROP TRIGGER "${name}"`);
        }
        const target = Number(position) - 2;
        const changed = db.prepare(`UPDATE events SET data = json_set(data, '$.note', 'Herschreven') WHERE position = ?`).run(target);
        expect(changed.changes).toBe(1);
        db.close();
        const verify = await server.cli(['verify', '--until', position]);
        expect(verify.code).not.toBe(0);
        expect(verify.stdout).toContain(`FOUT op positie ${target}: de opgeslagen hash klopt niet`);
      });
    }
  });
}

reportsFlow('SQLite', async () => ({ server: await startTestServer() }), true);

describeWithPostgres('on PostgreSQL', probePostgres(), () => {
  reportsFlow(
    'PostgreSQL',
    async () => {
      const database = await createTestDatabase();
      const server = await startTestServer({ env: { EVENT_STORE: 'postgres', DATABASE_URL: database.url } });
      return { server, cleanUp: database.drop };
    },
    false,
  );
});
