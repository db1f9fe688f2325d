import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_STATUSES } from './support/queries';
import { PLANS_DIR, startTestServer, TestServer } from './support/test-server';

interface FileAction {
  id: string;
  owners: string[];
  deadline: { text: string; start?: string | null; end: string } | null;
}
interface PlanFile {
  id: string;
  actionLines: Array<{ id: string; code: string; actions: FileAction[]; targets?: Array<{ id: string }> }>;
  sharedActions?: Array<{ actionId: string; actionLineId: string }>;
}

const readPlan = (file: string): PlanFile => JSON.parse(readFileSync(join(PLANS_DIR, file), 'utf8'));
const pleegzorg = readPlan('actieplan-pleegzorg-2017-2018.json');
const koers = readPlan('koers-gezinshuizen-2019-2021.json');
const partnersFile: Array<{ id: string; name: string }> = JSON.parse(readFileSync(join(PLANS_DIR, 'partners.json'), 'utf8'));
const regionsFile: { regions: Array<{ id: string; name: string }> } = JSON.parse(readFileSync(join(PLANS_DIR, 'regions.json'), 'utf8'));

const PLAN_TREE = `
  query ($id: ID!) {
    plan(id: $id) {
      id title period { text start end }
      actionLines { id code title actions { id status owners { id } deadline { text start end } } targets { id } }
    }
  }`;

describe('the two plans, imported on first start', () => {
  let server: TestServer;
  let partner: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { LOG_LEVEL: 'info' } });
    partner = await server.token('PARTNER', 'NVP');
  });
  afterAll(() => server.close());

  it.each([
    ['Actieplan Pleegzorg', pleegzorg],
    ['Koers Gezinshuizen', koers],
  ])('%s: every action of the data file is present with its owners and deadline, NOT_REPORTED', async (_name, file) => {
    const res = await server.gql(PLAN_TREE, { id: file.id }, partner);
    expect(res.errors).toBeUndefined();
    const served = new Map<string, any>();
    for (const line of res.data.plan.actionLines) for (const a of line.actions) served.set(a.id, a);
    for (const line of file.actionLines) {
      for (const action of line.actions) {
        const got = served.get(action.id);
        expect(got).toBeDefined();
        expect(got.status).toBe('NOT_REPORTED');
        expect(got.owners.map((o: any) => o.id)).toEqual(action.owners);
        if (action.deadline === null) expect(got.deadline).toBeNull();
        else expect(got.deadline).toMatchObject({ text: action.deadline.text, end: action.deadline.end });
      }
    }
    const expectedCount = file.actionLines.reduce((n, l) => n + l.actions.length, 0) + (file.sharedActions?.length ?? 0);
    expect(served.size).toBe(expectedCount);
  });

  it('gives the Actieplan Pleegzorg its four action lines, in order', async () => {
    const res = await server.gql(PLAN_TREE, { id: pleegzorg.id }, partner);
    expect(res.data.plan.actionLines.map((l: any) => l.code)).toEqual(['1', '2', '3', '4']);
    expect(res.data.plan.period).toEqual({ text: '2017-2018', start: '2017-01-01', end: '2018-12-31' });
  });

  it('reads the garbled owner cell "JN/, NG" as JN and VNG', async () => {
    const res = await server.gql(`{ action(id: "pleegzorg-3-4") { owners { id name } provenance { note } } }`, {}, partner);
    expect(res.data.action.owners.map((o: any) => o.id)).toEqual(['JN', 'VNG']);
    expect(res.data.action.owners[1].name).toBe('Vereniging Nederlandse Gemeenten');
    expect(res.data.action.provenance.note).toMatch(/JN\/, NG/);
  });

  it('keeps "Ruimte voor jeugdhulp in gezinsvormen" as one action in both plans', async () => {
    const shared = koers.sharedActions![0];
    const res = await server.gql(`query ($id: ID!) { action(id: $id) { plans { id } } }`, { id: shared.actionId }, partner);
    expect(res.data.action.plans.map((p: any) => p.id)).toEqual([pleegzorg.id, koers.id]);
  });

  it('keeps Koers commitments without a date as deadline null, and involved parties apart from owners', async () => {
    const res = await server.gql(
      `query ($planId: ID) { actions(planId: $planId) { id deadline { end } owners { id } involved { partnerId role } } }`,
      { planId: koers.id },
      partner,
    );
    const undated = res.data.actions.filter((a: any) => a.deadline === null);
    expect(undated.length).toBeGreaterThan(0);
    const involved = res.data.actions.flatMap((a: any) => a.involved);
    expect(involved.length).toBeGreaterThan(0);
    for (const a of res.data.actions) {
      const owners = new Set(a.owners.map((o: any) => o.id));
      for (const inv of a.involved) expect(owners.has(inv.partnerId)).toBe(false);
    }
  });

  it('gives a trajectory the level the plan states, with where it says so, and no level where it does not', async () => {
    const res = await server.gql(`query ($planId: ID) { actions(planId: $planId) { id level } }`, { planId: koers.id }, partner);
    expect(res.errors).toBeUndefined();
    const levels = res.data.actions.filter((a: any) => a.level !== null);
    const stated = koers.actionLines.flatMap((l) => l.actions).filter((a: any) => a.level);
    expect(stated.map((a: any) => [a.id, a.level.value])).toEqual([['koers-l-5', 'AANBIEDER']]);
    expect(levels).toEqual([{ id: 'koers-l-5', level: 'AANBIEDER' }]);
  });

  it('resolves the spellings the plans use: NJi and nji find NJI', async () => {
    const byId = await server.gql(`{ actions(partnerId: "NJI") { id } }`, {}, partner);
    const byAlias = await server.gql(`{ actions(partnerId: "NJi") { id } partner(id: "nji") { id name } }`, {}, partner);
    expect(byId.data.actions.length).toBeGreaterThan(0);
    expect(byAlias.data.actions).toEqual(byId.data.actions);
    expect(byAlias.data.partner).toEqual({ id: 'NJI', name: 'Nederlands Jeugdinstituut' });
  });

  it('registers every partner with its full name: the 40 of partners.json and the 42 regions of regions.json', async () => {
    const res = await server.gql(`{ partners { id name } }`, {}, partner);
    expect(partnersFile).toHaveLength(40);
    expect(regionsFile.regions).toHaveLength(42);
    expect(res.data.partners).toHaveLength(partnersFile.length + regionsFile.regions.length);
    expect(res.data.partners).toContainEqual({ id: 'VNG', name: 'Vereniging Nederlandse Gemeenten' });
    expect(res.data.partners).toContainEqual({ id: 'REGIO-AMSTERDAM-AMSTELLAND', name: 'Amsterdam-Amstelland' });
  });

  it('counts per partner add up: byStatus sums to total, and total to the actions listed', async () => {
    const res = await server.gql(PARTNER_STATUSES, { planId: pleegzorg.id }, partner);
    expect(res.errors).toBeUndefined();
    const statuses = res.data.partnerStatuses;
    for (const row of statuses) {
      expect(row.byStatus.reduce((n: number, s: any) => n + s.count, 0)).toBe(row.total);
      expect(row.actions).toHaveLength(row.total);
      expect(row.overdue).toBeLessThanOrEqual(row.total);
    }
    // Every owner of every Actieplan action is counted once per action it owns.
    const expected = new Map<string, number>();
    for (const line of pleegzorg.actionLines)
      for (const a of line.actions) for (const o of a.owners) expected.set(o, (expected.get(o) ?? 0) + 1);
    expect(new Map(statuses.map((r: any) => [r.partner.id, r.total]))).toEqual(expected);
  });

  it('judges overdue by each action’s own deadline: in 2026 every open action of 2017-2021 is overdue', async () => {
    const res = await server.gql(`{ actions { id overdue deadline { end } } }`, {}, partner);
    for (const a of res.data.actions) expect(a.overdue).toBe(a.deadline !== null && a.deadline.end < new Date().toISOString().slice(0, 10));
  });

  it('imports nothing on a second start', async () => {
    const auditor = await server.token('AUDITOR', null);
    const count = async () => {
      let after: string | null = null;
      let n = 0;
      do {
        const page: any = (
          await server.gql(
            `query ($after: String) { events(after: $after, first: 500) { nextAfter events { position } } }`,
            { after },
            auditor,
          )
        ).data.events;
        n += page.events.length;
        after = page.nextAfter;
      } while (after);
      return n;
    };
    const before = await count();
    expect(before).toBeGreaterThan(100);
    expect(server.output).not.toMatch(/nothing new/);
    await server.restart();
    expect(await count()).toBe(before);
    expect(server.output).toMatch(/nothing new/);
  });

  it('records the importer as the system actor', async () => {
    const auditor = await server.token('AUDITOR', null);
    const res = await server.gql(`{ events(first: 5) { events { actor { id partnerId role } } } }`, {}, auditor);
    for (const e of res.data.events.events) expect(e.actor).toEqual({ id: 'system', partnerId: null, role: null });
  });
});
