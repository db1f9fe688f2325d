import { deciderSpecification } from '../shared/decider-specification.testing';
import { InvalidInput } from '../shared/errors';
import { regionalGoal, RecordRegionalBaseline, RecordRegionalMeasurement } from './regional-figures';
import { targetDecider } from './target.decider';
import { TargetEvent } from './target.events';

const spec = deciderSpecification(targetDecider);
const TARGET = 'pleegzorg-3-inschrijvingen-2017';
const context = { knownPartners: new Set<string>(), knownRegions: new Set(['REGIO-HAAGLANDEN', 'REGIO-TWENTE']) };
const defined: TargetEvent = {
  type: 'TargetDefined',
  schemaVersion: 1,
  data: {
    targetId: TARGET,
    planId: 'actieplan-pleegzorg-2017-2018',
    actionLineId: '3',
    actionIds: [],
    owners: ['JN'],
    description: 'Toename inschrijvingen met 5%',
    sourceText: null,
    unit: '% toename t.o.v. september 2016',
    baseline: 0,
    baselineDate: null,
    baselineNote: null,
    targetValue: 5,
    dueDate: '2017-12-31',
    direction: 'INCREASE',
    note: null,
  },
};
const startfoto: RecordRegionalBaseline = {
  type: 'RecordRegionalBaseline',
  targetId: TARGET,
  regionId: 'REGIO-HAAGLANDEN',
  value: 200,
  measuredAt: '2016-09-30',
  unit: 'inschrijvingen',
  source: null,
  goal: null,
};
const measurement: RecordRegionalMeasurement = {
  type: 'RecordRegionalMeasurement',
  targetId: TARGET,
  regionId: 'REGIO-HAAGLANDEN',
  value: 208,
  measuredAt: '2017-12-31',
  source: 'telling regio',
};
const startfotoRecorded = spec
  .given([defined])
  .when(startfoto, context)
  .then([{ type: 'RegionalBaselineRecorded' }]);

describe('a region’s figures for a national target', () => {
  it('records a startfoto, then measurements numbered per region', () => {
    spec
      .given([defined, ...startfotoRecorded])
      .when(measurement, context)
      .then([{ type: 'RegionalMeasurementRecorded', data: { measurementId: `${TARGET}-regio-haaglanden-m1`, value: 208 } }]);
  });

  it('refuses a measurement before the region’s startfoto, or dated before it', () => {
    spec.given([defined]).when(measurement, context).thenThrows(InvalidInput, { field: 'regionId' });
    spec
      .given([defined, ...startfotoRecorded])
      .when({ ...measurement, measuredAt: '2016-01-01' }, context)
      .thenThrows(InvalidInput, { field: 'measuredAt' });
  });

  it('refuses what is not a jeugdzorgregio, a count that is not whole, and a unit other than the regions already use', () => {
    spec
      .given([defined])
      .when({ ...startfoto, regionId: 'VNG' }, context)
      .thenThrows(InvalidInput, { field: 'regionId' });
    spec
      .given([defined])
      .when({ ...startfoto, value: 12.5 }, context)
      .thenThrows(InvalidInput, { field: 'value' });
    spec
      .given([defined])
      .when({ ...startfoto, value: -1 }, context)
      .thenThrows(InvalidInput, { field: 'value' });
    spec
      .given([defined, ...startfotoRecorded])
      .when({ ...startfoto, regionId: 'REGIO-TWENTE', unit: 'pleeggezinnen' }, context)
      .thenThrows(InvalidInput, { field: 'unit' });
  });
});

describe('regionalGoal', () => {
  const relative = { unit: '% toename t.o.v. september 2016', direction: 'INCREASE', targetValue: 5 };
  it('is the region’s own end point when it set one', () => {
    expect(regionalGoal(relative, { value: 200, goal: 230 })).toBe(230);
  });
  it('applies a national percentage increase to the region’s startfoto', () => {
    expect(regionalGoal(relative, { value: 200, goal: null })).toBe(210);
  });
  it('is none for a national threshold, which says nothing about one region’s share', () => {
    expect(
      regionalGoal({ unit: 'ervaringsdeskundige pleegouders', direction: 'AT_LEAST', targetValue: 300 }, { value: 10, goal: null }),
    ).toBeNull();
  });
});
