import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestSmtpServer } from './support/mail';
import { startTestServer, TestServer } from './support/test-server';

const PLAN = 'actieplan-pleegzorg-2017-2018';
const ROUND = 'pleegzorg-voortgang-e2e';
const PUBLIC_URL = 'https://actiemonitor.example.nl';

/**
 * The Actieplan Pleegzorg's owners in a round covering all 23 actions. NVP submitted 2-2 (waiting for
 * review) and 4-4 (returned with a comment); VWS submitted 2-3, which was approved. What each still owes:
 */
const OWED: Record<string, string[]> = {
  NVP: ['pleegzorg-1-2', 'pleegzorg-2-1', 'pleegzorg-4-1', 'pleegzorg-4-3', 'pleegzorg-4-4'],
  VWS: ['pleegzorg-2-4', 'pleegzorg-2-5', 'pleegzorg-2-6', 'pleegzorg-2-7', 'pleegzorg-4-2'],
};
/** Owners that owe updates too, but have no contact address. */
const WITHOUT_CONTACT = ['ADOC', 'GEZINSPIRATIEPLEIN', 'JN', 'NJI', 'RVDK', 'VENJ', 'VNG'];
const RETURN_COMMENT = 'Graag de cijfers over het eerste halfjaar toevoegen';

const NVP_ADDRESSES = ['jan.jansen@pleegzorg.nl', 'secretariaat@pleegzorg.nl'];
const VWS_ADDRESSES = ['pleegzorg@minvws.nl'];

const SUBMIT = `mutation ($input: SubmitProgressUpdateInput!) { submitProgressUpdate(input: $input) { id } }`;
const REVIEW = (verb: 'approve' | 'return') =>
  `mutation ($input: ReviewProgressUpdateInput!) { ${verb}ProgressUpdate(input: $input) { id } }`;
const OPEN_ROUND = `mutation ($input: OpenReportingRoundInput!) { openReportingRound(input: $input) { id } }`;

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The action ids a message names (each twice: as "Actie: <id>" and in its link). */
function actionIdsIn(text: string): string[] {
  return [...new Set(text.match(/pleegzorg-\d-\d+/g) ?? [])].sort();
}

describe('reminders by e-mail through the CLI', () => {
  let server: TestServer;
  const smtp = new TestSmtpServer();

  beforeAll(async () => {
    await smtp.start();
    server = await startTestServer({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    // Set up as coordinators and owners would, over the API.
    const coordinator = await server.token('COORDINATOR', 'VWS');
    const owner = { NVP: await server.token('PARTNER', 'NVP'), VWS: await server.token('PARTNER', 'VWS') };
    const ok = async (query: string, input: Record<string, unknown>, token: string) => {
      const res = await server.gql(query, { input }, token);
      expect(res.errors).toBeUndefined();
    };
    const submit = (partnerId: 'NVP' | 'VWS', actionId: string) =>
      ok(SUBMIT, { actionId, roundId: ROUND, status: 'IN_PROGRESS', note: 'Loopt volgens planning' }, owner[partnerId]);
    await ok(
      OPEN_ROUND,
      { roundId: ROUND, planId: PLAN, title: 'Voortgang najaar', opensOn: daysFromToday(-1), closesOn: daysFromToday(30) },
      coordinator,
    );
    await submit('NVP', 'pleegzorg-2-2');
    await submit('NVP', 'pleegzorg-4-4');
    await ok(REVIEW('return'), { actionId: 'pleegzorg-4-4', updateId: 'pleegzorg-4-4-u1', comment: RETURN_COMMENT }, coordinator);
    await submit('VWS', 'pleegzorg-2-3');
    await ok(REVIEW('approve'), { actionId: 'pleegzorg-2-3', updateId: 'pleegzorg-2-3-u1' }, coordinator);
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('registers contact addresses per partner, lower-cased, and lists them', async () => {
    const add = await server.cli(['contacts', 'add', '--partner', 'nvp', '--email', 'Jan.Jansen@Pleegzorg.nl', '--name', 'Jan Jansen']);
    expect([add.code, add.stderr]).toEqual([0, '']);
    expect(add.stdout).toContain('jan.jansen@pleegzorg.nl geregistreerd voor NVP');
    expect((await server.cli(['contacts', 'add', '--partner', 'NVP', '--email', 'secretariaat@pleegzorg.nl'])).code).toBe(0);
    expect((await server.cli(['contacts', 'add', '--partner', 'VWS', '--email', VWS_ADDRESSES[0], '--name', 'Directie Jeugd'])).code).toBe(
      0,
    );

    const all = await server.cli(['contacts', 'list']);
    expect(all.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^NVP\tjan\.jansen@pleegzorg\.nl\tJan Jansen\t\d{4}-/),
      expect.stringMatching(/^NVP\tsecretariaat@pleegzorg\.nl\t-\t/),
      expect.stringMatching(/^VWS\tpleegzorg@minvws\.nl\tDirectie Jeugd\t/),
    ]);
    const nvp = await server.cli(['contacts', 'list', '--partner', 'NVP']);
    expect(
      nvp.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[1]),
    ).toEqual(NVP_ADDRESSES);
  });

  it('refuses a bad address, an unknown partner and a duplicate, naming the flag, and stores nothing', async () => {
    const before = (await server.cli(['contacts', 'list'])).stdout;
    const cases: Array<[string[], RegExp]> = [
      [['--partner', 'NVP', '--email', 'geen-adres'], /^Fout: --email: is geen e-mailadres/],
      [['--partner', 'NVP', '--email', 'jan@pleegzorg'], /^Fout: --email: na '@' hoort een internetdomein/],
      [['--partner', 'NVP', '--email', 'jan jansen@pleegzorg.nl'], /^Fout: --email: het deel vóór '@'/],
      [['--partner', 'NJJ', '--email', 'a@nji.nl'], /^Fout: --partner: onbekende partner 'NJJ'\. Bedoelt u NJI\?/],
      [['--partner', 'NVP', '--email', 'JAN.JANSEN@pleegzorg.nl'], /^Fout: --email: dit adres staat al geregistreerd bij NVP/],
      [['--partner', 'NVP'], /^Fout: --email: verplicht/],
      [['--partner', 'NVP', '--email', 'a@b.nl', '--name', 'Jan\u202EJansen'], /^Fout: --name: bevat stuurtekens/],
    ];
    for (const [args, message] of cases) {
      const result = await server.cli(['contacts', 'add', ...args]);
      expect([args.join(' '), result.code, result.stderr]).toEqual([args.join(' '), 2, expect.stringMatching(message)]);
    }
    expect((await server.cli(['contacts', 'list'])).stdout).toBe(before);
  });

  it('keeps the addresses out of the event log', async () => {
    const log = await server.cli(['export', '--format', 'ndjson']);
    expect(log.code).toBe(0);
    expect(log.stdout).toContain('ReportingRoundOpened');
    for (const address of [...NVP_ADDRESSES, ...VWS_ADDRESSES]) expect(log.stdout).not.toContain(address);
    expect(log.stdout).not.toContain('Jan Jansen');
  });

  it('without --send prints one message per partner owing updates, each with only its own actions, and sends nothing', async () => {
    const result = await server.cli(['reminders', '--round', ROUND]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const sections = result.stdout.split('\n=== ').slice(1);
    expect(sections.map((s) => s.slice(0, s.indexOf(':')))).toEqual(['NVP', 'VWS']);
    for (const section of sections) {
      const partnerId = section.slice(0, section.indexOf(':'));
      expect(actionIdsIn(section)).toEqual(OWED[partnerId]);
    }
    const [nvp, vws] = sections;
    expect(nvp).toContain('\nTo: Jan Jansen <jan.jansen@pleegzorg.nl>, secretariaat@pleegzorg.nl\n');
    expect(nvp).toContain('\nSubject: Herinnering: voortgangsupdate voor Voortgang najaar (NVP, 5 acties)\n');
    expect(nvp).toContain(`${PUBLIC_URL}/acties/pleegzorg-4-4`);
    expect(nvp).toContain(`Opmerking van de coördinator: "${RETURN_COMMENT}"`);
    expect(nvp).toContain("Beste collega's van ");
    expect(vws).toContain('\nTo: Directie Jeugd <pleegzorg@minvws.nl>\n');
    expect(vws).toContain('Beste Directie Jeugd,');
    expect(vws).not.toContain(RETURN_COMMENT);
    for (const partnerId of WITHOUT_CONTACT)
      expect(result.stdout).toMatch(new RegExp(`^${partnerId}: geen contactadres; overgeslagen`, 'm'));
    expect(result.stdout).toMatch(/Niets verstuurd \(proefrun\): 2 berichten/);
    expect(smtp.received).toEqual([]);
  });

  it('with --send mails exactly those messages through SMTP_URL, and reports per partner', async () => {
    const result = await server.cli(['reminders', '--round', ROUND, '--send']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^NVP: verstuurd aan 2 adressen \(5 acties\)$/m);
    expect(result.stdout).toMatch(/^VWS: verstuurd aan 1 adres \(5 acties\)$/m);
    for (const partnerId of WITHOUT_CONTACT)
      expect(result.stdout).toMatch(new RegExp(`^${partnerId}: geen contactadres; overgeslagen`, 'm'));
    expect(result.stdout).not.toContain('Subject:');

    expect(smtp.received).toHaveLength(2);
    const byPartner = Object.fromEntries(smtp.received.map((m) => [/\((NVP|VWS), /.exec(m.headers.subject)![1], m]));
    expect(Object.keys(byPartner).sort()).toEqual(['NVP', 'VWS']);
    const { NVP: nvp, VWS: vws } = byPartner;
    expect(nvp.envelopeTo.sort()).toEqual(NVP_ADDRESSES);
    expect(vws.envelopeTo).toEqual(VWS_ADDRESSES);
    expect(nvp.headers.to).toBe('Jan Jansen <jan.jansen@pleegzorg.nl>, secretariaat@pleegzorg.nl');
    for (const mail of [nvp, vws]) {
      expect(mail.headers.from).toBe('Actiemonitor <noreply@actiemonitor.example.nl>');
      expect(mail.envelopeFrom).toBe('noreply@actiemonitor.example.nl');
      expect(mail.headers['auto-submitted']).toBe('auto-generated');
      expect(mail.text).toContain('"Voortgang najaar"');
      expect(mail.text).toMatch(/De ronde sluit op \d{1,2} [a-z]+ \d{4}\./);
    }
    expect(actionIdsIn(nvp.text)).toEqual(OWED.NVP);
    expect(actionIdsIn(vws.text)).toEqual(OWED.VWS);
    expect(nvp.text).toContain(`${PUBLIC_URL}/acties/pleegzorg-1-2\n`);
    expect(nvp.text).toContain(`Opmerking van de coördinator: "${RETURN_COMMENT}"`);
    expect(nvp.text).toContain('Soepele overgang 18-/18+ (verlengde pleegzorg)');
    expect(vws.text).not.toContain(RETURN_COMMENT);
    expect(vws.text).not.toMatch(/pleegzorg\.nl/);
    expect(nvp.text).not.toMatch(/minvws/);
  });

  it('reports a partner whose mail the server refuses, sends the others, and exits 1', async () => {
    smtp.received.length = 0;
    const refused = 'postbus@jeugdzorgnederland.nl';
    expect((await server.cli(['contacts', 'add', '--partner', 'JN', '--email', refused])).code).toBe(0);
    smtp.refuse.add(refused);
    const result = await server.cli(['reminders', '--round', ROUND, '--send']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^JN: niet verstuurd: .+$/m);
    expect(result.stdout).toMatch(/^NVP: verstuurd aan 2 adressen/m);
    expect(result.stdout).toMatch(/^VWS: verstuurd aan 1 adres/m);
    expect(result.stderr).toMatch(/^Fout: 1 bericht niet verstuurd via smtp:\/\/127\.0\.0\.1:\d+$/m);
    expect(smtp.received.map((m) => m.envelopeTo.join(',')).sort()).toEqual([NVP_ADDRESSES.join(','), VWS_ADDRESSES[0]]);
    expect((await server.cli(['contacts', 'remove', '--partner', 'JN', '--email', refused])).code).toBe(0);
  });

  it('explains what is missing: --round, a round that does not exist, SMTP_URL for --send', async () => {
    const sent = smtp.received.length;
    const noRound = await server.cli(['reminders']);
    expect([noRound.code, noRound.stderr]).toEqual([2, expect.stringMatching(/^Fout: --round: verplicht/)]);
    const unknown = await server.cli(['reminders', '--round', 'bestaat-niet']);
    expect([unknown.code, unknown.stderr]).toEqual([2, "Fout: Rapportageronde 'bestaat-niet' bestaat niet\n"]);
    const noSmtp = await server.cli(['reminders', '--round', ROUND, '--send'], { SMTP_URL: undefined });
    expect([noSmtp.code, noSmtp.stdout]).toEqual([2, '']);
    expect(noSmtp.stderr).toMatch(/^Fout: SMTP_URL: niet ingesteld/);
    const badSmtp = await server.cli(['reminders', '--round', ROUND], { SMTP_URL: 'http://mail.example.nl' });
    expect(badSmtp.code).not.toBe(0);
    expect(badSmtp.stderr).toMatch(/SMTP_URL: moet een URL zijn/);
    expect(smtp.received).toHaveLength(sent);
  });

  it('erases a removed address: it is in no file under DATA_DIR any more, and no longer reminded', async () => {
    const files = () => readdirSync(server.dataDir).map((f) => readFileSync(join(server.dataDir, f)));
    expect(files().some((content) => content.includes('jan.jansen@pleegzorg.nl'))).toBe(true);

    const remove = await server.cli(['contacts', 'remove', '--partner', 'NVP', '--email', 'Jan.Jansen@pleegzorg.nl']);
    expect([remove.code, remove.stdout]).toEqual([0, 'Contactadres gewist (erased)\n']);
    const again = await server.cli(['contacts', 'remove', '--partner', 'NVP', '--email', 'jan.jansen@pleegzorg.nl']);
    expect([again.code, again.stderr]).toEqual([2, 'Fout: --email: dit adres is niet geregistreerd bij NVP (not registered)\n']);

    for (const content of files()) {
      expect(content.includes('jan.jansen@pleegzorg.nl')).toBe(false);
      expect(content.includes('Jan Jansen')).toBe(false);
    }
    const dryRun = await server.cli(['reminders', '--round', ROUND]);
    expect(dryRun.stdout).toContain('\nTo: secretariaat@pleegzorg.nl\n');
    expect(dryRun.stdout).not.toContain('jan.jansen');
  });
});
