import type { ActionEvent } from '@actiemonitor/domain';
import type { Actor, RecordedEvent } from '@actiemonitor/event-store';
import { ActionView, buildReportModel, evolveActionView, PlanView, ReportModel } from '@actiemonitor/read-models';

/**
 * A small history of one plan with two actions and a target: events before, inside and after the period
 * (2018-01-01 … 2018-06-30), so a spec can tell what the report takes from where.
 */
export const PERIOD = { from: '2017-12-31T23:00:00.000Z', to: '2018-06-30T21:59:59.999Z' };

const PLAN: PlanView = {
  id: 'plan-x',
  title: 'Actieplan X',
  period: { text: '2017-2018', start: '2017-01-01', end: '2018-12-31' },
  sourceDocument: null,
  actionLines: [
    { id: 'lijn-1', code: '1', title: 'Eerste lijn' },
    { id: 'lijn-2', code: '2', title: 'Tweede lijn' },
  ],
};

const coordinator: Actor = { id: 'tok-1', partnerId: 'JN', role: 'COORDINATOR' };
const system: Actor = { id: 'system', partnerId: null, role: 'SYSTEM' };

let position = 0n;
function event(streamId: string, version: number, recordedAt: string, type: string, data: object, actor = coordinator): RecordedEvent {
  position += 1n;
  return {
    position,
    streamId,
    version,
    type,
    schemaVersion: 1,
    data: data as Record<string, unknown>,
    metadata: { actor, commandId: `c-${position}`, correlationId: `r-${position}`, recordedAt },
    hash: position.toString(16).padStart(64, '0'),
    prevHash: (position - 1n).toString(16).padStart(64, '0'),
  };
}

const registered = (actionId: string, line: string, deadline: object) =>
  event(
    `action-${actionId}`,
    1,
    '2017-03-01T10:00:00.000Z',
    'ActionRegistered',
    {
      actionId,
      planId: 'plan-x',
      actionLineId: line,
      title: `Actie ${actionId}`,
      result: null,
      owners: ['NVP'],
      ownerScope: null,
      involved: [],
      deadline,
      provenance: { origin: null, sourceText: null, note: null },
    },
    system,
  );

export function reportHistory() {
  position = 0n;
  const a1 = [registered('a-1', 'lijn-1', { text: 'medio 2018', start: null, end: '2018-06-30' })];
  const a2 = [registered('a-2', 'lijn-2', { text: 'eind 2017', start: null, end: '2017-12-31' })];
  const target = [
    event(
      'target-t-1',
      1,
      '2017-03-01T10:00:01.000Z',
      'TargetDefined',
      {
        targetId: 't-1',
        planId: 'plan-x',
        actionLineId: 'lijn-1',
        actionIds: ['a-1'],
        owners: ['NVP'],
        description: 'Meer pleeggezinnen',
        sourceText: null,
        unit: 'gezinnen',
        baseline: 100,
        baselineDate: '2016-09-01',
        baselineNote: null,
        targetValue: 200,
        dueDate: '2018-12-31',
        direction: 'INCREASE',
        note: null,
      },
      system,
    ),
  ];
  a1.push(
    event('action-a-1', 2, '2017-11-01T09:00:00.000Z', 'ActionStatusChanged', {
      actionId: 'a-1',
      status: 'NOT_STARTED',
      previousStatus: 'NOT_REPORTED',
      note: 'Nog niet begonnen',
    }),
  );
  a1.push(
    event('action-a-1', 3, '2018-02-01T09:00:00.000Z', 'ActionStatusChanged', {
      actionId: 'a-1',
      status: 'IN_PROGRESS',
      previousStatus: 'NOT_STARTED',
      note: 'Gestart met werving',
    }),
  );
  a1.push(
    event('action-a-1', 4, '2018-03-01T09:00:00.000Z', 'ActionRescheduled', {
      actionId: 'a-1',
      deadline: { text: 'eind 2019', start: null, end: '2019-12-31' },
      previousDeadline: { text: 'medio 2018', start: null, end: '2018-06-30' },
      reason: 'vanwege het ontbreken van (project)financiering',
    }),
  );
  target.push(
    event('target-t-1', 2, '2018-04-01T09:00:00.000Z', 'MeasurementRecorded', {
      targetId: 't-1',
      measurementId: 'm-1',
      value: 150,
      measuredAt: '2018-03-31',
      source: 'CBS',
    }),
  );
  a2.push(
    event('action-a-2', 2, '2018-05-01T09:00:00.000Z', 'ActionStatusChanged', {
      actionId: 'a-2',
      status: 'STOPPED',
      previousStatus: 'NOT_REPORTED',
      note: 'Opgegaan in actie a-1',
    }),
  );
  a2.push(
    event('action-a-2', 3, '2018-05-02T09:00:00.000Z', 'OwnerAssigned', {
      actionId: 'a-2',
      partnerId: 'JN',
      reason: 'JN neemt de coördinatie over',
    }),
  );
  a2.push(
    event('action-a-2', 4, '2018-05-03T09:00:00.000Z', 'ActionStatusCorrected', {
      actionId: 'a-2',
      correctsVersion: 2,
      status: 'DELAYED',
      previousStatus: 'STOPPED',
      note: 'Loopt nog, met vertraging',
      reason: 'Stopzetting was een vergissing',
    }),
  );
  // After the period: must not show.
  a1.push(
    event('action-a-1', 5, '2018-08-01T09:00:00.000Z', 'ActionStatusChanged', {
      actionId: 'a-1',
      status: 'COMPLETED',
      previousStatus: 'IN_PROGRESS',
      note: 'Klaar',
    }),
  );
  target.push(
    event('target-t-1', 3, '2018-09-01T09:00:00.000Z', 'MeasurementRecorded', {
      targetId: 't-1',
      measurementId: 'm-2',
      value: 210,
      measuredAt: '2018-08-31',
      source: 'CBS',
    }),
  );
  return { a1, a2, target };
}

function viewAt(events: RecordedEvent[], at: string): ActionView | null {
  let view: ActionView | null = null;
  for (const e of events)
    if (e.metadata.recordedAt <= at) view = evolveActionView(view, e as unknown as ActionEvent, e.metadata.recordedAt);
  return view;
}

/** The report over PERIOD, as the query handler would assemble it from this history. */
export function fixtureReport(extra: { madeOn?: string } = {}): ReportModel {
  const { a1, a2, target } = reportHistory();
  const at = (instant: string) => [viewAt(a1, instant), viewAt(a2, instant)].filter((v): v is ActionView => v !== null);
  return buildReportModel({
    plan: PLAN,
    partnerId: null,
    period: PERIOD,
    madeOn: extra.madeOn ?? '2018-07-02',
    head: { position: '7', hash: 'f'.repeat(64) },
    actionsAtFrom: at(PERIOD.from),
    actionsAtTo: at(PERIOD.to),
    actionEvents: new Map([
      ['a-1', a1],
      ['a-2', a2],
    ]),
    targetEvents: new Map([['t-1', target]]),
    planEvents: [],
  });
}
