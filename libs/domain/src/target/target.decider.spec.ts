import { deciderSpecification } from '../shared/decider-specification.testing';
import { fold } from '../shared/decider';
import { InvalidInput, NotFound } from '../shared/errors';
import { planDecider, PlanEvent } from '../plan/plan';
import { targetDecider, TargetContext } from './target.decider';
import { DefineTarget } from './target.commands';
import { TargetEvent } from './target.events';
import { attainment } from './attainment';

const spec = deciderSpecification(targetDecider);
const plan = fold(planDecider, [
  {
    type: 'PlanRegistered',
    schemaVersion: 1,
    data: {
      planId: 'actieplan-pleegzorg-2017-2018',
      title: 'Actieplan Pleegzorg',
      period: { text: '2017-2018', start: '2017-01-01', end: '2018-12-31' },
      sourceDocument: null,
    },
  },
  {
    type: 'ActionLineRegistered',
    schemaVersion: 1,
    data: { planId: 'actieplan-pleegzorg-2017-2018', actionLineId: 'pleegzorg-3', code: '3', title: 'Werven en screenen' },
  },
] as PlanEvent[]);
const context: TargetContext = { knownPartners: new Set(['JN', 'VNG']), plan, existingActionIds: new Set(['pleegzorg-3-1']) };

const define: DefineTarget = {
  type: 'DefineTarget',
  targetId: 'pleegzorg-3-inschrijvingen-2017',
  planId: 'actieplan-pleegzorg-2017-2018',
  actionLineId: 'pleegzorg-3',
  actionIds: ['pleegzorg-3-1'],
  owners: ['JN'],
  description: '+5% inschrijvingen nieuwe pleegouders in 2017 ten opzichte van september 2016',
  unit: '% toename t.o.v. september 2016',
  baseline: 0,
  baselineDate: '2016-09-30',
  targetValue: 5,
  dueDate: '2017-12-31',
  direction: 'INCREASE',
};
const defined: TargetEvent = {
  type: 'TargetDefined',
  schemaVersion: 1,
  data: { ...define, sourceText: null, baselineNote: null, note: null },
} as TargetEvent;
const measure = {
  type: 'RecordMeasurement' as const,
  targetId: define.targetId,
  value: 3,
  measuredAt: '2017-12-31',
  source: 'Pleegzorg Nederland',
};

describe('target decider', () => {
  it('defines a target linked to existing actions', () => {
    spec
      .given([])
      .when(define, context)
      .then([{ type: 'TargetDefined', data: { targetValue: 5, baseline: 0 } }]);
  });

  it('refuses a target for an unknown action or a due date that does not exist', () => {
    spec
      .given([])
      .when({ ...define, actionIds: ['nope'] }, context)
      .thenThrows(InvalidInput, { field: 'actionIds[0]' });
    spec
      .given([])
      .when({ ...define, dueDate: '2017-02-29' }, context)
      .thenThrows(InvalidInput, { field: 'dueDate' });
  });

  it('records a measurement with a stable id', () => {
    spec
      .given([defined])
      .when(measure, context)
      .then([{ type: 'MeasurementRecorded', data: { measurementId: `${define.targetId}-m1`, value: 3 } }]);
  });

  it('refuses a measurement date that is not a real date', () => {
    spec
      .given([defined])
      .when({ ...measure, measuredAt: '2017-13-01' }, context)
      .thenThrows(InvalidInput, { field: 'measuredAt' });
    spec
      .given([defined])
      .when({ ...measure, measuredAt: '31-12-2017' }, context)
      .thenThrows(InvalidInput, { field: 'measuredAt' });
  });

  it('refuses a value that is not a finite number', () => {
    spec
      .given([defined])
      .when({ ...measure, value: Number.NaN }, context)
      .thenThrows(InvalidInput, { field: 'value' });
    spec
      .given([defined])
      .when({ ...measure, value: Number.POSITIVE_INFINITY }, context)
      .thenThrows(InvalidInput, { field: 'value' });
  });

  it('refuses a measurement on a target that does not exist', () => {
    spec.given([]).when(measure, context).thenThrows(NotFound);
  });

  it('corrects a measurement with a reason, naming the measurement it corrects', () => {
    const recorded: TargetEvent = {
      type: 'MeasurementRecorded',
      schemaVersion: 1,
      data: { targetId: define.targetId, measurementId: `${define.targetId}-m1`, value: 3, measuredAt: '2017-12-31', source: null },
    };
    spec
      .given([defined, recorded])
      .when(
        {
          type: 'CorrectMeasurement',
          targetId: define.targetId,
          measurementId: `${define.targetId}-m1`,
          value: 4,
          measuredAt: '2017-12-31',
          source: null,
          reason: 'Telfout',
        },
        context,
      )
      .then([{ type: 'MeasurementCorrected', data: { measurementId: `${define.targetId}-m1`, value: 4, reason: 'Telfout' } }]);
    spec
      .given([defined, recorded])
      .when(
        {
          type: 'CorrectMeasurement',
          targetId: define.targetId,
          measurementId: 'other',
          value: 4,
          measuredAt: '2017-12-31',
          source: null,
          reason: 'x',
        },
        context,
      )
      .thenThrows(InvalidInput, { field: 'measurementId' });
  });
});

describe('attainment', () => {
  it('is the share of the distance from baseline to target covered by the latest measurement', () => {
    expect(
      attainment(0, 5, [
        { value: 2, measuredAt: '2017-06-30' },
        { value: 4, measuredAt: '2017-12-31' },
      ]),
    ).toBeCloseTo(0.8);
    expect(attainment(100, 50, [{ value: 75, measuredAt: '2018-01-01' }])).toBeCloseTo(0.5);
  });

  it('uses the latest date, not the latest recorded', () => {
    expect(
      attainment(0, 10, [
        { value: 9, measuredAt: '2018-12-31' },
        { value: 1, measuredAt: '2018-01-31' },
      ]),
    ).toBeCloseTo(0.9);
  });

  it('is null without measurements, baseline or numeric target', () => {
    expect(attainment(0, 5, [])).toBeNull();
    expect(attainment(null, 5, [{ value: 1, measuredAt: '2018-01-01' }])).toBeNull();
    expect(attainment(0, null, [{ value: 1, measuredAt: '2018-01-01' }])).toBeNull();
    expect(attainment(5, 5, [{ value: 1, measuredAt: '2018-01-01' }])).toBeNull();
  });
});
