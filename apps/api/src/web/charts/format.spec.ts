import { formatDate, formatMonthYear, formatNumber, formatValue, parseIsoDate, truncate } from './format';

describe('chart formatting', () => {
  it('writes numbers the Dutch way', () => {
    expect(formatNumber(3.2)).toBe('3,2');
    expect(formatNumber(1234.567)).toBe('1.234,57');
    expect(formatNumber(-0.5)).toBe('-0,5');
  });

  it('adds the unit: % directly, € in front, anything else after a space', () => {
    expect(formatValue(5, '%')).toBe('5%');
    expect(formatValue(12.5, '€')).toBe('€ 12,5');
    expect(formatValue(12, 'gezinshuizen')).toBe('12 gezinshuizen');
    expect(formatValue(12, null)).toBe('12');
    expect(formatValue(12, '  ')).toBe('12');
  });

  it('reads calendar dates in UTC and rejects impossible ones', () => {
    expect(parseIsoDate('2017-12-31')?.toISOString()).toBe('2017-12-31T00:00:00.000Z');
    expect(parseIsoDate('2017-02-30')).toBeNull();
    expect(parseIsoDate('31-12-2017')).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });

  it('writes dates as 31-12-2017 and months as "mrt 2018"', () => {
    expect(formatDate(new Date(Date.UTC(2017, 11, 31)))).toBe('31-12-2017');
    expect(formatDate(new Date(Date.UTC(2015, 0, 1)))).toBe('01-01-2015');
    expect(formatMonthYear(new Date(Date.UTC(2018, 2, 1)))).toBe('mrt 2018');
  });

  it('cuts long text with an ellipsis, counting characters not UTF-16 units', () => {
    expect(truncate('kort', 28)).toBe('kort');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncate('ab cdef', 4)).toBe('ab…');
    expect(truncate('😀😀😀😀😀😀', 4)).toBe('😀😀😀…');
  });
});
