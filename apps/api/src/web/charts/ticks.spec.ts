import { countTicks, timeAxis } from './ticks';

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

describe('countTicks', () => {
  it('counts in whole steps of 1, 2, 5, 10, … and reaches past the largest total', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(41)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(countTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
  });
});

describe('timeAxis', () => {
  it('has nothing to place without dates', () => {
    expect(timeAxis([])).toBeNull();
  });

  it('ticks on years over long spans', () => {
    const axis = timeAxis([utc(2010, 1, 1), utc(2020, 12, 31)]);
    expect(axis?.ticks.map(axis.format)).toEqual(['2010', '2012', '2014', '2016', '2018', '2020']);
  });

  it('widens a single date to a few months around it', () => {
    const axis = timeAxis([utc(2017, 12, 31)]);
    expect(axis?.ticks.map(axis.format)).toEqual(['nov 2017', 'dec 2017', 'jan 2018', 'feb 2018', 'mrt 2018']);
    expect(axis!.domain[0].getTime()).toBeLessThan(utc(2017, 12, 31).getTime());
    expect(axis!.domain[1].getTime()).toBeGreaterThan(utc(2017, 12, 31).getTime());
  });

  it('never places more than seven ticks', () => {
    for (const years of [1, 2, 3, 5, 8, 15, 40]) {
      const axis = timeAxis([utc(2000, 1, 1), utc(2000 + years, 1, 1)]);
      expect(axis!.ticks.length).toBeLessThanOrEqual(7);
      expect(axis!.ticks.length).toBeGreaterThanOrEqual(2);
    }
  });
});
