import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CHANGE_STATUS, EVENTS } from './support/queries';
import { startTestServer, TestServer } from './support/test-server';

describe('auditing: the whole log, replay, tamper evidence, export, corrections', () => {
  let server: TestServer;
  let coordinator: string;
  let auditor: string;

  beforeAll(async () => {
    server = await startTestServer();
    coordinator = await server.token('COORDINATOR', 'JN');
    auditor = await server.token('AUDITOR', null);
    for (const status of ['IN_PROGRESS', 'AT_RISK', 'DELAYED']) {
      await server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-3-1', status } }, coordinator);
    }
  });
  afterAll(() => server.close());

  const database = () => new Database(join(server.dataDir, 'actiemonitor.sqlite'));

  it('pages through the whole log with first: 50: every event once, positions strictly increasing', async () => {
    const positions: bigint[] = [];
    let after: string | null = null;
    do {
      const res: any = await server.gql(EVENTS, { after, first: 50 }, auditor);
      expect(res.data.events.events.length).toBeLessThanOrEqual(50);
      for (const e of res.data.events.events) positions.push(BigInt(e.position));
      after = res.data.events.nextAfter;
    } while (after !== null);
    const db = database();
    const count = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    db.close();
    expect(positions).toHaveLength(count.n);
    positions.forEach((p, i) => expect(p).toBe(BigInt(i + 1)));
  });

  it('pages one stream too, in version order', async () => {
    const res = await server.gql(EVENTS, { streamId: 'action-pleegzorg-3-1', first: 2 }, auditor);
    expect(res.data.events.events.map((e: any) => e.version)).toEqual([1, 2]);
    const next = await server.gql(EVENTS, { streamId: 'action-pleegzorg-3-1', first: 2, after: res.data.events.nextAfter }, auditor);
    expect(next.data.events.events.map((e: any) => e.version)).toEqual([3, 4]);
    expect(next.data.events.nextAfter).toBeNull();
  });

  it('replay --verify finds the live read models identical to a rebuild', async () => {
    const result = await server.cli(['replay', '--verify']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^OK: leesmodellen gelijk aan een herbouw uit \d+ gebeurtenissen \(\d+\/s\)\n$/);
  });

  it('export --format ndjson writes every event once, each with its hash and actor', async () => {
    const result = await server.cli(['export', '--format', 'ndjson']);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const db = database();
    const count = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    db.close();
    expect(lines).toHaveLength(count);
    for (const line of lines) {
      expect(line.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(line.actor.id).toBeTruthy();
    }
    expect(lines.find((l) => l.type === 'ActionStatusChanged').actor).toMatchObject({ partnerId: 'JN', role: 'COORDINATOR' });
  });

  it('export --format csv writes the status per action for Excel: BOM, semicolons, CRLF, Dutch status labels', async () => {
    const result = await server.cli(['export', '--format', 'csv']);
    expect(result.stdout.startsWith('\uFEFFplan;actielijn;actie;titel;')).toBe(true);
    const rows = result.stdout.slice(1).split('\r\n').filter(Boolean);
    const row = rows.find((r) => r.includes(';pleegzorg-3-1;'))!;
    expect(row.split(';')).toEqual(expect.arrayContaining(['Vertraagd', 'JN']));
    expect(result.stdout).not.toMatch(/;(NOT_REPORTED|NOT_STARTED|IN_PROGRESS|AT_RISK|DELAYED|COMPLETED|STOPPED);/);
    const actions = (await server.gql(`{ plans { actionLines { actions { id } } } }`, {}, auditor)).data.plans.flatMap((p: any) =>
      p.actionLines.flatMap((l: any) => l.actions),
    );
    expect(rows).toHaveLength(1 + actions.length);
  });

  it('corrects a wrong status report with a new event; the history shows both', async () => {
    const action = (await server.gql(`{ action(id: "pleegzorg-3-1") { version status } }`, {}, auditor)).data.action;
    const res = await server.gql(
      `mutation ($input: CorrectActionStatusInput!) { correctActionStatus(input: $input) { status statusCorrection { correctsVersion reason } } }`,
      {
        input: {
          actionId: 'pleegzorg-3-1',
          correctsVersion: action.version,
          status: 'AT_RISK',
          reason: 'Vertraging was nog niet vastgesteld',
        },
      },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.correctActionStatus).toEqual({
      status: 'AT_RISK',
      statusCorrection: { correctsVersion: action.version, reason: 'Vertraging was nog niet vastgesteld' },
    });
    const log = await server.gql(EVENTS, { streamId: 'action-pleegzorg-3-1' }, auditor);
    expect(log.data.events.events.slice(-2).map((e: any) => [e.type, e.data.status])).toEqual([
      ['ActionStatusChanged', 'DELAYED'],
      ['ActionStatusCorrected', 'AT_RISK'],
    ]);
  });

  it('replay --verify names the first difference when a read model was changed behind its back; replay repairs it', async () => {
    const db = database();
    db.prepare("UPDATE rm_actions SET status = 'COMPLETED' WHERE id = 'pleegzorg-3-2'").run();
    db.close();
    const broken = await server.cli(['replay', '--verify']);
    expect(broken.code).not.toBe(0);
    // The table, the key and the fields that differ, old and new; not a whole JSON document on one line.
    expect(broken.stdout.split('\n').slice(0, 2)).toEqual([
      'VERSCHIL in rm_actions (id="pleegzorg-3-2"): de rij verschilt',
      '  status: live "COMPLETED", herbouw "NOT_REPORTED"',
    ]);
    const rebuild = await server.cli(['replay']);
    expect(rebuild.code).toBe(0);
    expect(rebuild.stdout).toMatch(/\d+ gebeurtenissen toegepast/);
    expect((await server.cli(['replay', '--verify'])).code).toBe(0);
  });

  it('verify walks the hash chain: exit 0 with count and head hash; a direct UPDATE of one event makes it fail at that position', async () => {
    const ok = await server.cli(['verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: \d+ gebeurtenissen.*[0-9a-f]{64}/);
    expect(ok.stdout).toMatch(/^OK: \d+ gebeurtenissen, keten intact; kop-hash [0-9a-f]{64}\n$/);

    await server.kill('SIGTERM');
    const db = database();
    // An attacker with file access can drop the guard trigger; the chain still tells.
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").all() as Array<{
      name: string;
    }>) {
      db.exec(`DROP TRIGGER "${name}"`);
    }
    const changed = db.prepare(`UPDATE events SET data = json_set(data, '$.title', 'Herschreven titel') WHERE position = 60`).run();
    expect(changed.changes).toBe(1);
    db.close();

    const tampered = await server.cli(['verify']);
    expect(tampered.code).not.toBe(0);
    expect(tampered.stdout).toMatch(/positie 60: de opgeslagen hash klopt niet met de herberekende: de gebeurtenis is gewijzigd$/m);
    expect(tampered.stdout).not.toMatch(/altered|does not match/);
  });
});
