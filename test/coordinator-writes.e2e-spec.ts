import { ACTION, CHANGE_STATUS, EVENTS, RECORD_MEASUREMENT } from './support/queries';
import { startTestServer, TestServer } from './support/test-server';

const ACTION_ID = 'pleegzorg-3-4'; // "Verzamelen en verspreiden van goede voorbeelden", JN and VNG

describe('a coordinator keeps an action current (GraphQL, end to end)', () => {
  let server: TestServer;
  let coordinator: string;

  beforeAll(async () => {
    server = await startTestServer();
    coordinator = await server.token('COORDINATOR', 'VWS');
  });
  afterAll(() => server.close());

  async function eventCount(): Promise<number> {
    const res = await server.gql(EVENTS, { streamId: `action-${ACTION_ID}`, first: 500 }, coordinator);
    return res.data.events.events.length;
  }

  it('changes a status with expectedVersion and commandId, and the answer shows the new state', async () => {
    const before = await server.gql(ACTION, { id: ACTION_ID }, coordinator);
    expect(before.data.action.status).toBe('NOT_REPORTED');

    const res = await server.gql(
      CHANGE_STATUS,
      {
        input: {
          actionId: ACTION_ID,
          status: 'IN_PROGRESS',
          note: 'Eerste voorbeelden verzameld',
          expectedVersion: before.data.action.version,
          commandId: 'cmd-status-1',
        },
      },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.changeActionStatus).toMatchObject({
      status: 'IN_PROGRESS',
      statusNote: 'Eerste voorbeelden verzameld',
      version: before.data.action.version + 1,
    });
  });

  it('records nothing new when the same commandId is sent again', async () => {
    const countBefore = await eventCount();
    const res = await server.gql(
      CHANGE_STATUS,
      {
        input: {
          actionId: ACTION_ID,
          status: 'IN_PROGRESS',
          note: 'Eerste voorbeelden verzameld',
          expectedVersion: 1,
          commandId: 'cmd-status-1',
        },
      },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.changeActionStatus.status).toBe('IN_PROGRESS');
    expect(await eventCount()).toBe(countBefore);
  });

  it('answers a stale expectedVersion with CONFLICT and the current version, writing nothing', async () => {
    const countBefore = await eventCount();
    const res = await server.gql(CHANGE_STATUS, { input: { actionId: ACTION_ID, status: 'DELAYED', expectedVersion: 1 } }, coordinator);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
      reason: expect.stringMatching(/^stale expectedVersion/),
    });
    expect(res.errors?.[0].message).toBe(`Versieconflict: action-${ACTION_ID} staat op versie 2, verwacht was 1; laad opnieuw`);
    expect(await eventCount()).toBe(countBefore);
  });

  it('refuses STOPPED without a note as BAD_USER_INPUT naming the field, writing nothing', async () => {
    const countBefore = await eventCount();
    const res = await server.gql(CHANGE_STATUS, { input: { actionId: ACTION_ID, status: 'STOPPED' } }, coordinator);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'note',
      reason: 'a note is required when stopping: why did the action stop?',
    });
    expect(res.errors?.[0].message).toBe('note: een toelichting is verplicht bij STOPPED: waarom is de actie gestopt?');
    expect(await eventCount()).toBe(countBefore);
  });

  it('refuses an over-long note at the edge, naming the field', async () => {
    const res = await server.gql(CHANGE_STATUS, { input: { actionId: ACTION_ID, status: 'AT_RISK', note: 'x'.repeat(2001) } }, coordinator);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note', reason: 'too long: up to 2000 characters' });
    expect(res.errors?.[0].message).toBe('note: hoogstens 2000 tekens');
  });

  it('answers an unknown action with NOT_FOUND', async () => {
    const res = await server.gql(CHANGE_STATUS, { input: { actionId: 'bestaat-niet', status: 'IN_PROGRESS' } }, coordinator);
    expect(res.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', reason: "action 'bestaat-niet' not found" });
    expect(res.errors?.[0].message).toBe("Actie 'bestaat-niet' bestaat niet");
  });

  it('refuses a partner token with FORBIDDEN and no token with UNAUTHENTICATED', async () => {
    const partner = await server.token('PARTNER', 'JN');
    const forbidden = await server.gql(CHANGE_STATUS, { input: { actionId: ACTION_ID, status: 'COMPLETED' } }, partner);
    // Partners pass the edge (a region reports on its own regional actions); on a national action the application refuses.
    expect(forbidden.errors?.[0].extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'a partner token may not do this; as an owner, propose a progress update, or ask a coordinator',
    });
    expect(forbidden.errors?.[0].message).toBe(
      'een partner-token mag dit niet; stel als eigenaar een voortgangsupdate voor, of vraag een coördinator',
    );
    const anonymous = await server.gql(CHANGE_STATUS, { input: { actionId: ACTION_ID, status: 'COMPLETED' } });
    expect(anonymous.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'missing, unknown, expired or revoked token' });
    expect(anonymous.errors?.[0].message).toBe('Geen geldig token: stuur "Authorization: Bearer <token>"');
    const forged = await server.gql(ACTION, { id: ACTION_ID }, 'am_forged-token-value');
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(ACTION, { id: ACTION_ID }, coordinator)).data.action.status).toBe('IN_PROGRESS');
  });

  it('shows the change to an auditor in the event log, with its actor', async () => {
    const auditor = await server.token('AUDITOR', null);
    const res = await server.gql(EVENTS, { streamId: `action-${ACTION_ID}` }, auditor);
    const changed = res.data.events.events.find((e: any) => e.type === 'ActionStatusChanged');
    expect(changed).toMatchObject({
      version: 2,
      actor: { partnerId: 'VWS', role: 'COORDINATOR' },
      data: { status: 'IN_PROGRESS', previousStatus: 'NOT_REPORTED' },
    });
    expect(changed.actor.id).toMatch(/^tok-/);
    const registered = res.data.events.events.find((e: any) => e.type === 'ActionRegistered');
    expect(registered.actor).toEqual({ id: 'system', partnerId: null, role: null });
  });

  it('refuses the event log to a partner', async () => {
    const res = await server.gql(EVENTS, {}, await server.token('PARTNER', 'JN'));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the change across a restart', async () => {
    await server.restart();
    const res = await server.gql(ACTION, { id: ACTION_ID }, coordinator);
    expect(res.data.action).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
  });

  it('gives an attainment once a measurement is recorded on the inschrijvingen target', async () => {
    const res = await server.gql(
      RECORD_MEASUREMENT,
      { input: { targetId: 'pleegzorg-3-inschrijvingen-2017', value: 4, measuredAt: '2017-12-31', source: 'Pleegzorg Nederland' } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    const target = res.data.recordMeasurement;
    expect(target.attainment).toBeCloseTo((4 - target.baseline) / (target.targetValue - target.baseline));
    expect(target.measurements).toEqual([expect.objectContaining({ value: 4, measuredAt: '2017-12-31', source: 'Pleegzorg Nederland' })]);
  });

  it('refuses a measurement date that does not exist', async () => {
    const res = await server.gql(
      RECORD_MEASUREMENT,
      { input: { targetId: 'pleegzorg-3-inschrijvingen-2017', value: 4, measuredAt: '2017-02-30' } },
      coordinator,
    );
    expect(res.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(res.errors?.[0].message).toMatch(/measuredAt|Date/);
    expect(res.errors?.[0].message).toContain("'2017-02-30' is geen bestaande datum in de vorm JJJJ-MM-DD");
    expect(res.errors?.[0].extensions).toMatchObject({
      field: 'measuredAt',
      reason: "'2017-02-30' is not a real calendar date YYYY-MM-DD",
    });
  });

  it('corrects a measurement by a new event, keeping the original in the log', async () => {
    const target = (await server.gql(`{ target(id: "pleegzorg-3-inschrijvingen-2017") { measurements { id } } }`, {}, coordinator)).data
      .target;
    const res = await server.gql(
      `mutation ($input: CorrectMeasurementInput!) { correctMeasurement(input: $input) { attainment measurements { id value correction { reason } } } }`,
      {
        input: {
          targetId: 'pleegzorg-3-inschrijvingen-2017',
          measurementId: target.measurements[0].id,
          value: 5,
          measuredAt: '2017-12-31',
          reason: 'Telfout in de regio-opgave',
        },
      },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.correctMeasurement.measurements[0]).toMatchObject({ value: 5, correction: { reason: 'Telfout in de regio-opgave' } });
    const log = await server.gql(EVENTS, { streamId: 'target-pleegzorg-3-inschrijvingen-2017' }, coordinator);
    expect(log.data.events.events.map((e: any) => e.type)).toEqual(['TargetDefined', 'MeasurementRecorded', 'MeasurementCorrected']);
  });

  it('reschedules a deadline with a reason and reads the new text', async () => {
    const res = await server.gql(
      `mutation ($input: RescheduleActionInput!) { rescheduleAction(input: $input) { deadline { text start end } version } }`,
      { input: { actionId: ACTION_ID, deadline: { text: 'medio 2019' }, reason: 'Verlengd na tussenevaluatie' } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.rescheduleAction.deadline).toEqual({ text: 'medio 2019', start: null, end: '2019-06-30' });
  });

  it('assigns and removes owners, refusing an unknown partner', async () => {
    const assign = `mutation ($input: OwnerChangeInput!) { assignOwner(input: $input) { owners { id } } }`;
    const remove = `mutation ($input: OwnerChangeInput!) { removeOwner(input: $input) { owners { id } } }`;
    const added = await server.gql(assign, { input: { actionId: ACTION_ID, partnerId: 'NVP' } }, coordinator);
    expect(added.data.assignOwner.owners.map((o: any) => o.id)).toEqual(['JN', 'VNG', 'NVP']);
    const unknown = await server.gql(assign, { input: { actionId: ACTION_ID, partnerId: 'XYZ' } }, coordinator);
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'partnerId',
      reason: "unknown partner 'XYZ'; register the partner first",
    });
    expect(unknown.errors?.[0].message).toBe("partnerId: onbekende partner 'XYZ'; registreer de partner eerst");
    const removed = await server.gql(
      remove,
      { input: { actionId: ACTION_ID, partnerId: 'NVP', reason: 'Toch niet betrokken' } },
      coordinator,
    );
    expect(removed.data.removeOwner.owners.map((o: any) => o.id)).toEqual(['JN', 'VNG']);
  });

  it('registers a new plan, action line and action', async () => {
    const plan = await server.gql(
      `mutation { registerPlan(input: { planId: "actieplan-test-2027", title: "Testplan", period: { text: "2027" } }) { id period { start end } } }`,
      {},
      coordinator,
    );
    expect(plan.data.registerPlan.period).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    await server.gql(
      `mutation { registerActionLine(input: { planId: "actieplan-test-2027", actionLineId: "test-1", code: "1", title: "Lijn" }) { id } }`,
      {},
      coordinator,
    );
    const action = await server.gql(
      `mutation ($input: RegisterActionInput!) { registerAction(input: $input) { id status owners { id } deadline { end } actionLine { code } } }`,
      {
        input: {
          actionId: 'test-1-1',
          planId: 'actieplan-test-2027',
          actionLineId: 'test-1',
          title: 'Proef',
          owners: ['VWS'],
          deadline: { text: 'eind 2027' },
        },
      },
      coordinator,
    );
    expect(action.errors).toBeUndefined();
    expect(action.data.registerAction).toEqual({
      id: 'test-1-1',
      status: 'NOT_REPORTED',
      owners: [{ id: 'VWS' }],
      deadline: { end: '2027-12-31' },
      actionLine: { code: '1' },
    });
  });

  it('answers NOT_FOUND, not an empty list, for a plan that does not exist (now and as of a moment)', async () => {
    const asOf = new Date().toISOString();
    for (const [query, variables] of [
      [`{ actions(planId: "bestaat-niet") { id } }`, {}],
      [`{ partnerStatuses(planId: "bestaat-niet") { total } }`, {}],
      [`query ($asOf: DateTime!) { actions(planId: "bestaat-niet", asOf: $asOf) { id } }`, { asOf }],
      [`query ($asOf: DateTime!) { partnerStatuses(planId: "bestaat-niet", asOf: $asOf) { total } }`, { asOf }],
    ] as const) {
      const res = await server.gql(query, variables, coordinator);
      expect({ query, code: res.errors?.[0]?.extensions?.code }).toEqual({ query, code: 'NOT_FOUND' });
      expect({ query, message: res.errors?.[0]?.message, reason: res.errors?.[0]?.extensions?.reason }).toEqual({
        query,
        message: "Plan 'bestaat-niet' bestaat niet",
        reason: "plan 'bestaat-niet' not found",
      });
    }
    const known = await server.gql(`{ actions(planId: "actieplan-pleegzorg-2017-2018") { id } }`, {}, coordinator);
    expect(known.data.actions.length).toBeGreaterThan(20);
  });
});
