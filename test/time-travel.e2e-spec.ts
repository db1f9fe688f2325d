import { ACTION, CHANGE_STATUS, PARTNER_STATUSES, RECORD_MEASUREMENT } from './support/queries';
import { startTestServer, TestServer } from './support/test-server';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('reading any view as it was (asOf)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('shows the state before, between and after two status changes; partnerStatuses agrees', async () => {
    const coordinator = await server.token('COORDINATOR', 'NVP');
    const actionId = 'pleegzorg-2-2'; // NVP alone
    const t0 = new Date();
    await pause(20);
    await server.gql(CHANGE_STATUS, { input: { actionId, status: 'IN_PROGRESS' } }, coordinator);
    await pause(20);
    const t1 = new Date();
    await pause(20);
    await server.gql(CHANGE_STATUS, { input: { actionId, status: 'COMPLETED', note: 'Informatiepunt live' } }, coordinator);
    await pause(20);

    const at = async (asOf: Date | null) =>
      (await server.gql(ACTION, { id: actionId, asOf: asOf?.toISOString() }, coordinator)).data.action;
    expect((await at(t0)).status).toBe('NOT_REPORTED');
    expect((await at(t1)).status).toBe('IN_PROGRESS');
    expect((await at(null)).status).toBe('COMPLETED');

    const nvpAt = async (asOf: Date | null) => {
      const res = await server.gql(PARTNER_STATUSES, { planId: 'actieplan-pleegzorg-2017-2018', asOf: asOf?.toISOString() }, coordinator);
      const row = res.data.partnerStatuses.find((r: any) => r.partner.id === 'NVP');
      return Object.fromEntries(row.byStatus.map((s: any) => [s.status, s.count]));
    };
    expect(await nvpAt(t0)).toMatchObject({ IN_PROGRESS: 0, COMPLETED: 0 });
    expect(await nvpAt(t1)).toMatchObject({ IN_PROGRESS: 1, COMPLETED: 0 });
    expect(await nvpAt(null)).toMatchObject({ IN_PROGRESS: 0, COMPLETED: 1 });
  });

  it("shows an action's targets as they were: a measurement recorded later is not there before it", async () => {
    const coordinator = await server.token('COORDINATOR', 'JN');
    const targetId = 'pleegzorg-3-inschrijvingen-2017';
    const query = `query ($asOf: DateTime) { actions(planId: "actieplan-pleegzorg-2017-2018", asOf: $asOf) { id targets { id attainment measurements { value } } } }`;
    const targetAt = async (asOf: Date | null) => {
      const actions = (await server.gql(query, { asOf: asOf?.toISOString() }, coordinator)).data.actions;
      return actions.flatMap((a: any) => a.targets).find((t: any) => t.id === targetId);
    };
    const before = new Date();
    await pause(20);
    const res = await server.gql(RECORD_MEASUREMENT, { input: { targetId, value: 3, measuredAt: '2017-12-31' } }, coordinator);
    expect(res.errors).toBeUndefined();
    await pause(20);

    expect(await targetAt(before)).toMatchObject({ measurements: [], attainment: null });
    expect((await targetAt(null)).measurements).toEqual([{ value: 3 }]);
    expect((await targetAt(new Date())).measurements).toEqual([{ value: 3 }]);
  });

  it('refuses an asOf in the future', async () => {
    const partner = await server.token('PARTNER', 'JN');
    const res = await server.gql(ACTION, { id: 'pleegzorg-3-5', asOf: '2999-01-01T00:00:00Z' }, partner);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf', reason: 'asOf is in the future' });
    expect(res.errors?.[0].message).toBe('asOf: ligt in de toekomst');
  });
});
