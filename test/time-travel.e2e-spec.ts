import { ACTION, CHANGE_STATUS, PARTNER_STATUSES } from './support/queries';
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

    const at = async (asOf: Date | null) => (await server.gql(ACTION, { id: actionId, asOf: asOf?.toISOString() }, coordinator)).data.action;
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

  it('refuses an asOf in the future', async () => {
    const partner = await server.token('PARTNER', 'JN');
    const res = await server.gql(ACTION, { id: 'pleegzorg-3-5', asOf: '2999-01-01T00:00:00Z' }, partner);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });
});
