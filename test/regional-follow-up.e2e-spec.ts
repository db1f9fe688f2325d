import { EVENTS } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { startTestServer, TestServer } from './support/test-server';

const NATIONAL = 'koers-o-7'; // "Regionale plannen": the Koers's national action that the 42 regions carry out
const HAAGLANDEN = 'REGIO-HAAGLANDEN';
const TWENTE = 'REGIO-TWENTE';
const INSTANCE = `${NATIONAL}-regio-haaglanden`;
const TARGET = 'pleegzorg-3-inschrijvingen-2017'; // +5% inschrijvingen in 2017 t.o.v. september 2016

const TAKE_UP = `mutation ($input: TakeUpNationalActionInput!) {
  takeUpNationalAction(input: $input) { id status owners { id } region { id kind } carriesOut { id } plan { id regionId } deadline { text end } } }`;
const CHANGE = `mutation ($input: ChangeActionStatusInput!) { changeActionStatus(input: $input) { id status statusNote } }`;
const ROLL_UP = `query ($id: ID!, $asOf: DateTime) {
  action(id: $id, asOf: $asOf) { regionalRollUp { regions instances byStatus { status count } } regionalInstances { id status region { id } } } }`;
const STARTFOTO = `mutation ($input: RecordRegionalStartfotoInput!) { recordRegionalStartfoto(input: $input) { id } }`;
const MEASURE = `mutation ($input: RecordRegionalMeasurementInput!) { recordRegionalMeasurement(input: $input) { id } }`;
const FIGURES = `query ($id: ID!) { target(id: $id) {
  regions { regionId unit startfoto { value measuredAt source goal } measurements { value measuredAt } goal latest attainment }
  regionalTotal { unit total startfotoTotal reporting notReporting } } }`;
const REGION = `query ($id: ID!) { partner(id: $id) { regionalPlans { id title regionId } regionalActions { id status carriesOut { id } } } }`;

const RECORD_MEETING = `mutation ($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`;
const RECORD_AGREEMENT = `mutation ($input: RecordAgreementInput!) { recordAgreement(input: $input) { agreements { action { id status region { id } } } } }`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A region takes up a national action, reports on it with its own token, and records its figures; on each store. */
function regionalFollowUp(label: string, start: () => Promise<{ server: TestServer; cleanUp?: () => Promise<void> }>) {
  describe(`regional follow-up of national actions (${label})`, () => {
    let server: TestServer;
    let cleanUp: (() => Promise<void>) | undefined;
    let coordinator: string;
    let haaglanden: string;
    let twente: string;
    let nationalPartner: string;
    let auditor: string;
    let beforeReports: string;

    const instanceEvents = async () =>
      (await server.gql(EVENTS, { streamId: `action-${INSTANCE}`, first: 100 }, auditor)).data.events.events as Array<{
        type: string;
        actor: { partnerId: string | null; role: string };
      }>;

    beforeAll(async () => {
      ({ server, cleanUp } = await start());
      [coordinator, haaglanden, twente, nationalPartner, auditor] = await Promise.all([
        server.token('COORDINATOR', 'VWS'),
        server.token('PARTNER', HAAGLANDEN),
        server.token('PARTNER', TWENTE),
        server.token('PARTNER', 'OZJ'),
        server.token('AUDITOR', null),
      ]);
    });
    afterAll(async () => {
      await server.close();
      await cleanUp?.();
    });

    it('lets a region take up a national action with its own token: an instance it owns, in its follow-up plan, linked to the national action', async () => {
      const res = await server.gql(
        TAKE_UP,
        { input: { actionId: NATIONAL, regionId: HAAGLANDEN, deadline: { text: 'eind 2020' } } },
        haaglanden,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.takeUpNationalAction).toEqual({
        id: INSTANCE,
        status: 'NOT_REPORTED',
        owners: [{ id: HAAGLANDEN }],
        region: { id: HAAGLANDEN, kind: 'REGION' },
        carriesOut: { id: NATIONAL },
        plan: { id: 'opvolging-regio-haaglanden-koers-gezinshuizen-2019-2021', regionId: HAAGLANDEN },
        deadline: { text: 'eind 2020', end: '2020-12-31' },
      });
    });

    it('refuses another region’s token, for taking up on its behalf and for reporting on its instance: FORBIDDEN, nothing written', async () => {
      const takeUp = await server.gql(TAKE_UP, { input: { actionId: NATIONAL, regionId: HAAGLANDEN } }, twente);
      expect(takeUp.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const report = await server.gql(CHANGE, { input: { actionId: INSTANCE, status: 'IN_PROGRESS' } }, twente);
      expect(report.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const national = await server.gql(CHANGE, { input: { actionId: NATIONAL, status: 'IN_PROGRESS' } }, haaglanden);
      expect(national.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // A partner that is not a region, reporting on a regional instance it does not own:
      const other = await server.gql(CHANGE, { input: { actionId: INSTANCE, status: 'IN_PROGRESS' } }, nationalPartner);
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await instanceEvents()).map((e) => e.type)).toEqual(['ActionRegistered']);
    });

    it('lets the region report status on its own instance, recorded with the region as actor', async () => {
      await pause(20);
      beforeReports = new Date().toISOString();
      await pause(20);
      const res = await server.gql(
        CHANGE,
        { input: { actionId: INSTANCE, status: 'IN_PROGRESS', note: 'Koers besproken in de regio' } },
        haaglanden,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.changeActionStatus).toEqual({ id: INSTANCE, status: 'IN_PROGRESS', statusNote: 'Koers besproken in de regio' });
      const last = (await instanceEvents()).pop()!;
      expect(last).toMatchObject({ type: 'ActionStatusChanged', actor: { partnerId: HAAGLANDEN, role: 'PARTNER' } });
    });

    it('answers the national action’s roll-up per status, now and as of an earlier date', async () => {
      const twenteUp = await server.gql(TAKE_UP, { input: { actionId: NATIONAL, regionId: TWENTE } }, coordinator);
      expect(twenteUp.errors).toBeUndefined();
      const now = await server.gql(ROLL_UP, { id: NATIONAL }, auditor);
      expect(now.errors).toBeUndefined();
      expect(now.data.action.regionalRollUp).toEqual({
        regions: 2,
        instances: 2,
        byStatus: [
          { status: 'NOT_REPORTED', count: 1 },
          { status: 'IN_PROGRESS', count: 1 },
        ],
      });
      const then = await server.gql(ROLL_UP, { id: NATIONAL, asOf: beforeReports }, auditor);
      expect(then.errors).toBeUndefined();
      expect(then.data.action.regionalRollUp).toEqual({ regions: 1, instances: 1, byStatus: [{ status: 'NOT_REPORTED', count: 1 }] });
      expect(then.data.action.regionalInstances).toEqual([{ id: INSTANCE, status: 'NOT_REPORTED', region: { id: HAAGLANDEN } }]);
    });

    it('shows the region its plans and actions', async () => {
      const res = await server.gql(REGION, { id: HAAGLANDEN }, haaglanden);
      expect(res.errors).toBeUndefined();
      expect(res.data.partner.regionalPlans).toEqual([
        {
          id: 'opvolging-regio-haaglanden-koers-gezinshuizen-2019-2021',
          title: 'Regionale opvolging Koers Gezinshuizen: Haaglanden',
          regionId: HAAGLANDEN,
        },
      ]);
      expect(res.data.partner.regionalActions).toEqual([{ id: INSTANCE, status: 'IN_PROGRESS', carriesOut: { id: NATIONAL } }]);
      // Twente's plans are Twente's: Haaglanden's token cannot add a line to them.
      const line = `mutation { registerActionLine(input: { planId: "opvolging-regio-twente-koers-gezinshuizen-2019-2021", actionLineId: "eigen", code: "E", title: "Eigen" }) { id } }`;
      expect((await server.gql(line, {}, haaglanden)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('lets the region record its own meeting, whose agreement becomes an action in its follow-up plan; not in another region', async () => {
      const planId = 'opvolging-regio-haaglanden-koers-gezinshuizen-2019-2021';
      const meeting = { meetingId: 'regio-haaglanden-overleg-2019-10-01', planId, regionId: HAAGLANDEN, heldOn: '2019-10-01' };
      const input = { ...meeting, participants: [HAAGLANDEN, 'OZJ'], subject: 'Startbijeenkomst Koers in de regio' };
      const foreign = await server.gql(RECORD_MEETING, { input: { ...input, meetingId: 'twente-namens-haaglanden' } }, twente);
      expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await server.gql(RECORD_MEETING, { input }, haaglanden)).errors).toBeUndefined();
      const agreement = {
        meetingId: meeting.meetingId,
        actionId: 'haaglanden-gezinshuizen-in-beeld',
        actionLineId: 'opvolging',
        title: 'Gezinshuizen in de regio in beeld brengen',
        owners: [HAAGLANDEN],
        deadline: { text: 'eind 2019' },
      };
      const res = await server.gql(RECORD_AGREEMENT, { input: agreement }, haaglanden);
      expect(res.errors).toBeUndefined();
      expect(res.data.recordAgreement.agreements).toEqual([
        { action: { id: 'haaglanden-gezinshuizen-in-beeld', status: 'NOT_REPORTED', region: { id: HAAGLANDEN } } },
      ]);
    });

    it('refuses a startfoto that is not a count, naming the field, and writes nothing', async () => {
      const res = await server.gql(
        STARTFOTO,
        { input: { targetId: TARGET, regionId: HAAGLANDEN, value: 12.5, measuredAt: '2016-09-30', unit: 'inschrijvingen' } },
        haaglanden,
      );
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toBe('value');
      expect((await server.gql(FIGURES, { id: TARGET }, auditor)).data.target.regions).toEqual([]);
    });

    it('gives a region’s attainment from its startfoto and two measurements, and a national sum naming the regions that did not report', async () => {
      const input = { targetId: TARGET, regionId: HAAGLANDEN };
      const steps = [
        server.gql(
          STARTFOTO,
          { input: { ...input, value: 200, measuredAt: '2016-09-30', unit: 'inschrijvingen', source: 'Pleegzorg Haaglanden' } },
          haaglanden,
        ),
      ];
      expect((await steps[0]).errors).toBeUndefined();
      expect((await server.gql(MEASURE, { input: { ...input, value: 205, measuredAt: '2017-06-30' } }, haaglanden)).errors).toBeUndefined();
      expect((await server.gql(MEASURE, { input: { ...input, value: 208, measuredAt: '2017-12-31' } }, haaglanden)).errors).toBeUndefined();
      // Twente's startfoto, recorded by a coordinator; Twente measures nothing yet. Twente's token may not write Haaglanden's figures.
      const foreign = await server.gql(MEASURE, { input: { ...input, value: 1, measuredAt: '2017-12-31' } }, twente);
      expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const twenteStart = { targetId: TARGET, regionId: TWENTE, value: 100, measuredAt: '2016-09-30', unit: 'inschrijvingen' };
      expect((await server.gql(STARTFOTO, { input: twenteStart }, coordinator)).errors).toBeUndefined();

      const res = await server.gql(FIGURES, { id: TARGET }, auditor);
      expect(res.errors).toBeUndefined();
      const [haag, twen] = res.data.target.regions;
      expect(haag).toEqual({
        regionId: HAAGLANDEN,
        unit: 'inschrijvingen',
        startfoto: { value: 200, measuredAt: '2016-09-30', source: 'Pleegzorg Haaglanden', goal: null },
        measurements: [
          { value: 205, measuredAt: '2017-06-30' },
          { value: 208, measuredAt: '2017-12-31' },
        ],
        goal: 210, // the national +5% on the region's own startfoto
        latest: 208,
        attainment: 0.8,
      });
      expect(twen).toMatchObject({ regionId: TWENTE, goal: 105, latest: null, attainment: null });
      const total = res.data.target.regionalTotal;
      expect(total).toMatchObject({ unit: 'inschrijvingen', total: 208, startfotoTotal: 200, reporting: [HAAGLANDEN] });
      expect(total.notReporting).toHaveLength(41);
      expect(total.notReporting).toContain(TWENTE);
      expect(total.notReporting).not.toContain(HAAGLANDEN);
    });

    it('lets a region register its own regional plan, whose action carries out the national one and counts in its roll-up', async () => {
      const plan = `mutation { registerPlan(input: { planId: "actieplan-haaglanden-2019", title: "Actieplan gezinshuizen Haaglanden",
        period: { text: "2019-2020" }, regionId: "${HAAGLANDEN}" }) { id regionId } }`;
      expect((await server.gql(plan, {}, twente)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await server.gql(plan, {}, haaglanden)).data.registerPlan).toEqual({ id: 'actieplan-haaglanden-2019', regionId: HAAGLANDEN });
      const line = `mutation { registerActionLine(input: { planId: "actieplan-haaglanden-2019", actionLineId: "werving", code: "1",
        title: "Werving gezinshuisouders" }) { id } }`;
      expect((await server.gql(line, {}, haaglanden)).errors).toBeUndefined();
      const register = `mutation ($input: RegisterActionInput!) { registerAction(input: $input) { id region { id } carriesOut { id } } }`;
      const input = {
        actionId: 'haaglanden-koers-verbinden',
        planId: 'actieplan-haaglanden-2019',
        actionLineId: 'werving',
        title: 'Koers verbinden met het regionale transformatieplan',
        owners: [HAAGLANDEN],
        carriesOut: NATIONAL,
      };
      const notNational = await server.gql(register, { input: { ...input, carriesOut: INSTANCE } }, haaglanden);
      expect(notNational.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'carriesOut' });
      const res = await server.gql(register, { input }, haaglanden);
      expect(res.errors).toBeUndefined();
      expect(res.data.registerAction).toEqual({ id: input.actionId, region: { id: HAAGLANDEN }, carriesOut: { id: NATIONAL } });
      const rollUp = await server.gql(ROLL_UP, { id: NATIONAL }, auditor);
      expect(rollUp.data.action.regionalRollUp).toMatchObject({ regions: 2, instances: 3 });
    });

    it('replay --verify is exact with the regional events in the log', async () => {
      const verify = await server.cli(['replay', '--verify']);
      expect(verify.stderr).toBe('');
      expect(verify.code).toBe(0);
    });
  });
}

regionalFollowUp('SQLite', async () => ({ server: await startTestServer() }));

describeWithPostgres('on PostgreSQL', probePostgres(), () => {
  regionalFollowUp('PostgreSQL', async () => {
    const database = await createTestDatabase();
    const server = await startTestServer({ env: { EVENT_STORE: 'postgres', DATABASE_URL: database.url } });
    return { server, cleanUp: () => database.drop() };
  });
});
