import type { ActionStatus } from '@actiemonitor/domain';
import { regionalReadout, regionalTotal, rollUp } from './regional';
import type { ActionView } from './views/action-view';
import type { RegionalFiguresView, TargetView } from './views/target-view';

const instance = (regionId: string, status: ActionStatus) => ({ id: `x-${regionId}`, regionId, status }) as ActionView;
const figures = (regionId: string, start: number, measured: number[]): RegionalFiguresView => ({
  regionId,
  unit: 'inschrijvingen',
  startfoto: { value: start, measuredAt: '2016-09-30', source: null, goal: null, recordedAt: '2017-01-01T00:00:00Z' },
  measurements: measured.map((value, i) => ({
    id: `m${i}`,
    value,
    measuredAt: `2017-0${i + 1}-01`,
    source: null,
    recordedAt: '2017-12-31T00:00:00Z',
  })),
});
const target = (regions: RegionalFiguresView[]) =>
  ({ unit: '% toename t.o.v. september 2016', direction: 'INCREASE', targetValue: 5, regions }) as unknown as TargetView;

describe('the regional roll-up of a national action', () => {
  it('counts the regions and their instances per status, in the statuses’ order', () => {
    expect(rollUp([instance('A', 'IN_PROGRESS'), instance('B', 'NOT_REPORTED'), instance('A', 'IN_PROGRESS')])).toEqual({
      regions: 2,
      instances: 3,
      byStatus: [
        { status: 'NOT_REPORTED', count: 1 },
        { status: 'IN_PROGRESS', count: 2 },
      ],
    });
    expect(rollUp([])).toEqual({ regions: 0, instances: 0, byStatus: [] });
  });
});

describe('regional figures', () => {
  it('give a region’s attainment from its startfoto, end point and latest measurement', () => {
    const readout = regionalReadout(target([]), figures('A', 200, [205, 208]));
    expect(readout).toMatchObject({ goal: 210, latest: 208 });
    expect(readout.attainment).toBeCloseTo(0.8);
  });

  it('add up to a national figure over the regions that measured, naming every region that did not', () => {
    const all = ['A', 'B', 'C', 'D'];
    expect(regionalTotal(target([figures('A', 200, [208]), figures('B', 100, []), figures('C', 50, [40, 45])]), all)).toEqual({
      unit: 'inschrijvingen',
      total: 253,
      startfotoTotal: 250,
      reporting: ['A', 'C'],
      notReporting: ['B', 'D'],
    });
    expect(regionalTotal(target([]), all)).toBeNull();
  });
});
