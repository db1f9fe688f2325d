import { EVENTS } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { startTestServer, TestServer } from './support/test-server';

const PLAN = 'actieplan-pleegzorg-2017-2018';
const ACTION_ID = 'pleegzorg-2-1'; // owners JN and NVP; serves target pleegzorg-2-a-scholing-samenwerking
const TARGET = 'pleegzorg-2-a-scholing-samenwerking';

const UPDATE_FIELDS = 'id partnerId roundId status note state returnComment evidenceUrl measurement { targetId value measuredAt }';
const SUBMIT = `mutation ($input: SubmitProgressUpdateInput!) { submitProgressUpdate(input: $input) { id status version updates { ${UPDATE_FIELDS} } } }`;
const APPROVE = `mutation ($input: ReviewProgressUpdateInput!) { approveProgressUpdate(input: $input) { id status statusNote updates { ${UPDATE_FIELDS} } } }`;
const RETURN = `mutation ($input: ReviewProgressUpdateInput!) { returnProgressUpdate(input: $input) { id updates { ${UPDATE_FIELDS} } } }`;
const OPEN_ROUND = `mutation ($input: OpenReportingRoundInput!) { openReportingRound(input: $input) { id planId title actionIds } }`;
const ROUND = `query ($id: ID!, $asOf: DateTime) {
  reportingRound(id: $id, asOf: $asOf) { round { id } partners { partnerId submitted approved returned missing } items { actionId partnerId state late } } }`;
const PENDING = `query ($planId: ID) { pendingUpdates(planId: $planId) { action { id } update { id partnerId state } } }`;
const STALE = `query ($planId: ID, $partnerId: ID, $days: Int) { staleActions(planId: $planId, partnerId: $partnerId, days: $days) { id } }`;
const NEEDED = `query ($partnerId: ID!) { actionsNeedingUpdate(partnerId: $partnerId) { round { id } action { id } returned { id returnComment } } }`;
const ACTIONS = `query ($planId: ID) { actions(planId: $planId) { id status owners { id } } }`;
const TARGET_QUERY = `query ($id: ID!) { target(id: $id) { measurements { value measuredAt source } } }`;

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The owners' reporting flow, as the issue's "done when" puts it; run on each store. */
function reportingFlow(label: string, start: () => Promise<{ server: TestServer; cleanUp?: () => Promise<void> }>) {
  describe(`owners report, coordinators approve (${label})`, () => {
    let server: TestServer;
    let cleanUp: (() => Promise<void>) | undefined;
    let coordinator: string;
    let nvp: string;
    let jn: string;
    let rvdk: string;
    let auditor: string;
    let beforeSecondUpdate: string;

    const actionEvents = async () =>
      (await server.gql(EVENTS, { streamId: `action-${ACTION_ID}`, first: 500 }, auditor)).data.events.events as Array<{
        type: string;
        data: any;
      }>;

    beforeAll(async () => {
      ({ server, cleanUp } = await start());
      coordinator = await server.token('COORDINATOR', 'VWS');
      nvp = await server.token('PARTNER', 'NVP');
      jn = await server.token('PARTNER', 'JN');
      rvdk = await server.token('PARTNER', 'RVDK');
      auditor = await server.token('AUDITOR', null);
      const round = await server.gql(
        OPEN_ROUND,
        { input: { roundId: 'q-test', planId: PLAN, title: 'Voortgang testronde', opensOn: today(), closesOn: inDays(30) } },
        coordinator,
      );
      expect(round.errors).toBeUndefined();
    });
    afterAll(async () => {
      await server?.close();
      await cleanUp?.();
    });

    it('a round covers every action of the plan when none are named', async () => {
      const actions = (await server.gql(ACTIONS, { planId: PLAN }, auditor)).data.actions as Array<{ id: string }>;
      const round = (await server.gql(ROUND, { id: 'q-test' }, auditor)).data.reportingRound;
      expect(new Set(round.items.map((i: { actionId: string }) => i.actionId))).toEqual(new Set(actions.map((a) => a.id)));
    });

    it("an owner's update waits for review: the action's status does not change", async () => {
      const res = await server.gql(
        SUBMIT,
        {
          input: {
            actionId: ACTION_ID,
            roundId: 'q-test',
            status: 'IN_PROGRESS',
            note: 'Scholing loopt in vier regio’s',
            measurement: { targetId: TARGET, value: 40, measuredAt: today() },
            evidenceUrl: 'https://www.pleegzorg.nl/verslag',
          },
        },
        nvp,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.submitProgressUpdate.status).toBe('NOT_REPORTED');
      expect(res.data.submitProgressUpdate.updates).toEqual([
        expect.objectContaining({ id: `${ACTION_ID}-u1`, partnerId: 'NVP', state: 'PENDING', status: 'IN_PROGRESS', roundId: 'q-test' }),
      ]);
      const pending = (await server.gql(PENDING, { planId: PLAN }, coordinator)).data.pendingUpdates;
      expect(pending).toEqual([{ action: { id: ACTION_ID }, update: { id: `${ACTION_ID}-u1`, partnerId: 'NVP', state: 'PENDING' } }]);
    });

    it('a partner that does not own the action is FORBIDDEN, and nothing is written', async () => {
      const before = (await actionEvents()).length;
      const res = await server.gql(SUBMIT, { input: { actionId: ACTION_ID, status: 'COMPLETED' } }, rvdk);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await actionEvents()).length).toBe(before);
    });

    it('an auditor may not submit, and a partner may not approve', async () => {
      const byAuditor = await server.gql(SUBMIT, { input: { actionId: ACTION_ID, status: 'COMPLETED' } }, auditor);
      expect(byAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const byPartner = await server.gql(APPROVE, { input: { actionId: ACTION_ID, updateId: `${ACTION_ID}-u1` } }, nvp);
      expect(byPartner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('the second owner submits too; a bad evidence link is refused naming the field', async () => {
      const bad = await server.gql(SUBMIT, { input: { actionId: ACTION_ID, status: 'AT_RISK', evidenceUrl: 'javascript:alert(1)' } }, jn);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidenceUrl' });
      await pause(20);
      beforeSecondUpdate = new Date().toISOString();
      await pause(20);
      const res = await server.gql(
        SUBMIT,
        { input: { actionId: ACTION_ID, roundId: 'q-test', status: 'AT_RISK', note: 'Budget onzeker' } },
        jn,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.submitProgressUpdate.updates.map((u: { id: string; state: string }) => [u.id, u.state])).toEqual([
        [`${ACTION_ID}-u1`, 'PENDING'],
        [`${ACTION_ID}-u2`, 'PENDING'],
      ]);
    });

    it('approval gives the action the proposed status, with an event naming the update, and the measurement to the target', async () => {
      const res = await server.gql(APPROVE, { input: { actionId: ACTION_ID, updateId: `${ACTION_ID}-u1` } }, coordinator);
      expect(res.errors).toBeUndefined();
      expect(res.data.approveProgressUpdate).toMatchObject({ status: 'IN_PROGRESS', statusNote: 'Scholing loopt in vier regio’s' });
      const events = await actionEvents();
      expect(events.slice(-2).map((e) => [e.type, e.data.updateId])).toEqual([
        ['ProgressUpdateApproved', `${ACTION_ID}-u1`],
        ['ActionStatusChanged', `${ACTION_ID}-u1`],
      ]);
      const target = (await server.gql(TARGET_QUERY, { id: TARGET }, auditor)).data.target;
      expect(target.measurements).toEqual([{ value: 40, measuredAt: today(), source: `voortgangsupdate ${ACTION_ID}-u1` }]);
      const again = await server.gql(APPROVE, { input: { actionId: ACTION_ID, updateId: `${ACTION_ID}-u1` } }, coordinator);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'updateId' });
    });

    it('the round counts per partner, now and as it was between the two updates', async () => {
      const actions = (await server.gql(ACTIONS, { planId: PLAN }, auditor)).data.actions as Array<{
        id: string;
        owners: { id: string }[];
      }>;
      const owned = (partner: string) => actions.filter((a) => a.owners.some((o) => o.id === partner)).length;
      const now = (await server.gql(ROUND, { id: 'q-test' }, auditor)).data.reportingRound.partners;
      const row = (rows: any[], partner: string) => rows.find((r) => r.partnerId === partner);
      expect(row(now, 'NVP')).toEqual({ partnerId: 'NVP', submitted: 0, approved: 1, returned: 0, missing: owned('NVP') - 1 });
      expect(row(now, 'JN')).toEqual({ partnerId: 'JN', submitted: 1, approved: 0, returned: 0, missing: owned('JN') - 1 });
      const then = (await server.gql(ROUND, { id: 'q-test', asOf: beforeSecondUpdate }, auditor)).data.reportingRound.partners;
      expect(row(then, 'NVP')).toEqual({ partnerId: 'NVP', submitted: 1, approved: 0, returned: 0, missing: owned('NVP') - 1 });
      expect(row(then, 'JN')).toEqual({ partnerId: 'JN', submitted: 0, approved: 0, returned: 0, missing: owned('JN') });
    });

    it('a returned update shows its comment to the owner, who has the action to update again', async () => {
      const noComment = await server.gql(RETURN, { input: { actionId: ACTION_ID, updateId: `${ACTION_ID}-u2` } }, coordinator);
      expect(noComment.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
      const res = await server.gql(
        RETURN,
        { input: { actionId: ACTION_ID, updateId: `${ACTION_ID}-u2`, comment: 'Welk budget? Noem de regio’s.' } },
        coordinator,
      );
      expect(res.errors).toBeUndefined();
      const needed = (await server.gql(NEEDED, { partnerId: 'JN' }, jn)).data.actionsNeedingUpdate;
      expect(needed.find((n: any) => n.action.id === ACTION_ID)).toEqual({
        round: { id: 'q-test' },
        action: { id: ACTION_ID },
        returned: { id: `${ACTION_ID}-u2`, returnComment: 'Welk budget? Noem de regio’s.' },
      });
      const nvpNeeds = (await server.gql(NEEDED, { partnerId: 'NVP' }, nvp)).data.actionsNeedingUpdate;
      expect(nvpNeeds.map((n: any) => n.action.id)).not.toContain(ACTION_ID);
    });

    it('the stale list holds exactly the open actions without a status report in the last N days', async () => {
      const actions = (await server.gql(ACTIONS, { planId: PLAN }, auditor)).data.actions as Array<{ id: string; status: string }>;
      const expected = actions.filter((a) => a.status === 'NOT_REPORTED').map((a) => a.id);
      expect(expected).not.toContain(ACTION_ID);
      const stale = (await server.gql(STALE, { planId: PLAN, days: 90 }, auditor)).data.staleActions.map((a: { id: string }) => a.id);
      expect(stale).toEqual(expected);
      const ofJn = (await server.gql(STALE, { planId: PLAN, partnerId: 'JN' }, auditor)).data.staleActions.map((a: { id: string }) => a.id);
      expect(ofJn.length).toBeGreaterThan(0);
      expect(ofJn.every((id: string) => expected.includes(id))).toBe(true);
    });

    it('replay --verify is exact with all these events in the log', async () => {
      const verify = await server.cli(['replay', '--verify']);
      expect(verify.stderr).toBe('');
      expect(verify.code).toBe(0);
    });
  });
}

reportingFlow('SQLite', async () => ({ server: await startTestServer() }));

describeWithPostgres('on PostgreSQL', probePostgres(), () => {
  reportingFlow('PostgreSQL', async () => {
    const database = await createTestDatabase();
    const server = await startTestServer({ env: { EVENT_STORE: 'postgres', DATABASE_URL: database.url } });
    return { server, cleanUp: () => database.drop() };
  });
});
