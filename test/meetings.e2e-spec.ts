import { EVENTS } from './support/queries';
import { createTestDatabase, describeWithPostgres, probePostgres } from './support/postgres-database';
import { rawRequest, startTestServer, TestServer } from './support/test-server';

const PLAN = 'actieplan-pleegzorg-2017-2018';
const LINE = 'pleegzorg-1';
const MEETING_ID = 'overleg-pleegzorg-2018-03-12';

const MEETING_FIELDS = `id planId regionId heldOn participants otherParticipants subject notes
  agreements { actionId action { id title status owners { id } deadline { text end } plan { id } } }`;
const RECORD_MEETING = `mutation ($input: RecordMeetingInput!) { recordMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const RECORD_AGREEMENT = `mutation ($input: RecordAgreementInput!) { recordAgreement(input: $input) { ${MEETING_FIELDS} } }`;
const MEETING = `query ($id: ID!, $asOf: DateTime) { meeting(id: $id, asOf: $asOf) { ${MEETING_FIELDS} } }`;
const MEETINGS = `query ($planId: ID!, $asOf: DateTime) { meetings(planId: $planId, asOf: $asOf) { id heldOn agreements { actionId } } }`;
const ACTION_MEETING = `query ($id: ID!, $asOf: DateTime) { action(id: $id, asOf: $asOf) { id meeting { id subject heldOn } } }`;
const CHANGE_STATUS = `mutation ($input: ChangeActionStatusInput!) { changeActionStatus(input: $input) { id status } }`;

const meetingInput = {
  meetingId: MEETING_ID,
  planId: PLAN,
  heldOn: '2018-03-12',
  participants: ['VWS', 'JN', 'NVP'],
  otherParticipants: ['Pleegouder A. de Vries'],
  subject: 'Vervolg scholing pleegouders',
  notes: 'Benoem de vervolgafspraken en ieders verantwoordelijkheid hierin.',
};
const agreement = (actionId: string, owners: string[], title: string) => ({
  meetingId: MEETING_ID,
  actionId,
  actionLineId: LINE,
  title,
  owners,
  deadline: { text: 'eind 2018' },
  commandId: `afspraak-${actionId}`,
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Issue 12 item 5's "done when", and the rest of the machinery around it; run on each store. */
function meetingFlow(label: string, start: () => Promise<{ server: TestServer; cleanUp?: () => Promise<void> }>) {
  describe(`meetings and their agreements (${label})`, () => {
    let server: TestServer;
    let cleanUp: (() => Promise<void>) | undefined;
    let coordinator: string;
    let partner: string;
    let auditor: string;
    let beforeStatusChange: string;

    const eventCount = async () => (await rawRequest(server, { method: 'GET', path: '/health' })).body.events as string;
    const streamEvents = async (streamId: string) =>
      (await server.gql(EVENTS, { streamId, first: 100 }, auditor)).data.events.events as Array<{
        type: string;
        streamId: string;
        position: string;
      }>;

    beforeAll(async () => {
      ({ server, cleanUp } = await start());
      coordinator = await server.token('COORDINATOR', 'VWS');
      partner = await server.token('PARTNER', 'NVP');
      auditor = await server.token('AUDITOR', null);
    });
    afterAll(async () => {
      await server?.close();
      await cleanUp?.();
    });

    it('a meeting with two agreements yields two owned actions that the meeting lists with their status', async () => {
      const recorded = await server.gql(RECORD_MEETING, { input: meetingInput }, coordinator);
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data.recordMeeting).toMatchObject({ heldOn: '2018-03-12', participants: ['VWS', 'JN', 'NVP'], agreements: [] });

      const first = await server.gql(
        RECORD_AGREEMENT,
        { input: agreement('pleegzorg-overleg-1', ['JN'], 'Scholingsaanbod uitwerken') },
        coordinator,
      );
      expect(first.errors).toBeUndefined();
      const second = await server.gql(
        RECORD_AGREEMENT,
        { input: agreement('pleegzorg-overleg-2', ['NVP', 'VWS'], 'Terugkoppeling aan de deelnemers') },
        coordinator,
      );
      expect(second.errors).toBeUndefined();

      const meeting = (await server.gql(MEETING, { id: MEETING_ID }, partner)).data.meeting;
      expect(meeting.agreements).toEqual([
        {
          actionId: 'pleegzorg-overleg-1',
          action: {
            id: 'pleegzorg-overleg-1',
            title: 'Scholingsaanbod uitwerken',
            status: 'NOT_REPORTED',
            owners: [{ id: 'JN' }],
            deadline: { text: 'eind 2018', end: '2018-12-31' },
            plan: { id: PLAN },
          },
        },
        {
          actionId: 'pleegzorg-overleg-2',
          action: expect.objectContaining({ status: 'NOT_REPORTED', owners: [{ id: 'NVP' }, { id: 'VWS' }] }),
        },
      ]);
      const listed = (await server.gql(MEETINGS, { planId: PLAN }, partner)).data.meetings;
      expect(listed).toEqual([
        { id: MEETING_ID, heldOn: '2018-03-12', agreements: [{ actionId: 'pleegzorg-overleg-1' }, { actionId: 'pleegzorg-overleg-2' }] },
      ]);
      const back = (await server.gql(ACTION_MEETING, { id: 'pleegzorg-overleg-2' }, partner)).data.action;
      expect(back.meeting).toEqual({ id: MEETING_ID, subject: 'Vervolg scholing pleegouders', heldOn: '2018-03-12' });
      expect((await server.gql(ACTION_MEETING, { id: 'pleegzorg-1-1' }, partner)).data.action.meeting).toBeNull();
    });

    it('a retried agreement records nothing new', async () => {
      const before = await eventCount();
      const again = await server.gql(
        RECORD_AGREEMENT,
        { input: agreement('pleegzorg-overleg-1', ['JN'], 'Scholingsaanbod uitwerken') },
        coordinator,
      );
      expect(again.errors).toBeUndefined();
      expect(again.data.recordAgreement.agreements).toHaveLength(2);
      expect(await eventCount()).toBe(before);
    });

    it("an action's status change shows on the meeting; asOf before it shows the old status", async () => {
      await pause(20);
      beforeStatusChange = new Date().toISOString();
      await pause(20);
      const changed = await server.gql(CHANGE_STATUS, { input: { actionId: 'pleegzorg-overleg-1', status: 'IN_PROGRESS' } }, coordinator);
      expect(changed.errors).toBeUndefined();
      const now = (await server.gql(MEETING, { id: MEETING_ID }, auditor)).data.meeting;
      expect(now.agreements.map((a: any) => a.action.status)).toEqual(['IN_PROGRESS', 'NOT_REPORTED']);
      const then = (await server.gql(MEETING, { id: MEETING_ID, asOf: beforeStatusChange }, auditor)).data.meeting;
      expect(then.agreements.map((a: any) => a.action.status)).toEqual(['NOT_REPORTED', 'NOT_REPORTED']);
      const before = await server.gql(MEETING, { id: MEETING_ID, asOf: '2017-01-01T00:00:00Z' }, auditor);
      expect(before.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await server.gql(MEETINGS, { planId: PLAN, asOf: '2017-01-01T00:00:00Z' }, auditor)).data.meetings).toEqual([]);
      const early = await server.gql(ACTION_MEETING, { id: 'pleegzorg-overleg-1', asOf: beforeStatusChange }, auditor);
      expect(early.data.action.meeting.id).toBe(MEETING_ID);
    });

    it('bad input names the field and writes nothing', async () => {
      const before = await eventCount();
      const refusals: Array<[string, object, string]> = [
        [RECORD_MEETING, { ...meetingInput, meetingId: 'overleg-2', participants: ['VWS', 'ONBEKEND'] }, 'participants[1]'],
        [RECORD_MEETING, { ...meetingInput, meetingId: 'overleg-2', heldOn: '2018-02-30' }, 'heldOn'],
        [RECORD_MEETING, { ...meetingInput, meetingId: 'overleg-2', regionId: 'VWS' }, 'regionId'],
        [RECORD_MEETING, { ...meetingInput, meetingId: 'overleg-2', subject: '  ' }, 'subject'],
        [RECORD_AGREEMENT, { ...agreement('pleegzorg-overleg-3', ['ONBEKEND'], 'Iets'), commandId: null }, 'owners[0]'],
        [
          RECORD_AGREEMENT,
          { ...agreement('pleegzorg-overleg-3', ['JN'], 'Iets'), actionLineId: 'koers-1', commandId: null },
          'actionLineId',
        ],
        [
          RECORD_AGREEMENT,
          { ...agreement('pleegzorg-overleg-3', ['JN'], 'Iets'), deadline: { text: 'ooit' }, commandId: null },
          'deadline',
        ],
      ];
      for (const [document, input, field] of refusals) {
        const res = await server.gql(document, { input }, coordinator);
        expect([field, res.errors?.[0]?.extensions?.code, res.errors?.[0]?.message]).toEqual([
          field,
          'BAD_USER_INPUT',
          expect.stringContaining(field),
        ]);
      }
      const unknown = await server.gql(
        RECORD_AGREEMENT,
        { input: { ...agreement('pleegzorg-overleg-3', ['JN'], 'Iets'), meetingId: 'bestaat-niet', commandId: null } },
        coordinator,
      );
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(await eventCount()).toBe(before);
      expect((await server.gql(ACTION_MEETING, { id: 'pleegzorg-overleg-3' }, auditor)).data.action).toBeNull();
    });

    it('a partner token is FORBIDDEN to record meetings or agreements', async () => {
      const meeting = await server.gql(RECORD_MEETING, { input: { ...meetingInput, meetingId: 'overleg-partner' } }, partner);
      expect(meeting.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const agreed = await server.gql(RECORD_AGREEMENT, { input: agreement('pleegzorg-overleg-4', ['NVP'], 'Zelf bedacht') }, partner);
      expect(agreed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('records the meeting in its own stream, each agreement after its action', async () => {
      const streams = [`meeting-${MEETING_ID}`, 'action-pleegzorg-overleg-1', 'action-pleegzorg-overleg-2'];
      const events = (await Promise.all(streams.map(streamEvents))).flat().sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
      expect(events.map((e) => `${e.streamId} ${e.type}`)).toEqual([
        `meeting-${MEETING_ID} MeetingRecorded`,
        'action-pleegzorg-overleg-1 ActionRegistered',
        `meeting-${MEETING_ID} AgreementRecorded`,
        'action-pleegzorg-overleg-2 ActionRegistered',
        `meeting-${MEETING_ID} AgreementRecorded`,
        'action-pleegzorg-overleg-1 ActionStatusChanged',
      ]);
    });

    it('replay --verify is exact with the meeting events in the log', async () => {
      const verify = await server.cli(['replay', '--verify']);
      expect(verify.stderr).toBe('');
      expect(verify.code).toBe(0);
    });
  });
}

meetingFlow('SQLite', async () => ({ server: await startTestServer() }));

describeWithPostgres('on PostgreSQL', probePostgres(), () => {
  meetingFlow('PostgreSQL', async () => {
    const database = await createTestDatabase();
    const server = await startTestServer({ env: { EVENT_STORE: 'postgres', DATABASE_URL: database.url } });
    return { server, cleanUp: () => database.drop() };
  });
});
