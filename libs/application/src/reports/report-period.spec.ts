import { InvalidInput } from '@actiemonitor/domain';
import { readReportPeriod } from './report-period';

const NOW = new Date('2026-11-30T12:00:00.000Z');

describe('reading a report period', () => {
  it('reads dates as whole Dutch days, winter and summer time alike', () => {
    expect(readReportPeriod('2018-01-01', '2018-06-30', NOW)).toEqual({ from: '2017-12-31T23:00:00.000Z', to: '2018-06-30T21:59:59.999Z' });
  });

  it('takes ISO instants as they are', () => {
    expect(readReportPeriod('2026-11-30T10:00:00Z', '2026-11-30T11:00:00.5Z', NOW)).toEqual({
      from: '2026-11-30T10:00:00.000Z',
      to: '2026-11-30T11:00:00.500Z',
    });
  });

  it('reads a period up to today up to now', () => {
    expect(readReportPeriod('2026-11-01', '2026-11-30', NOW).to).toBe(NOW.toISOString());
  });

  const refusal = (from: string, to: string) => {
    try {
      readReportPeriod(from, to, NOW);
    } catch (error) {
      return error instanceof InvalidInput ? { field: error.field, text: error.text } : error;
    }
    return null;
  };

  it('refuses what is not a date, a period that ends before it starts, and one in the future, naming the argument', () => {
    expect(refusal('2018-02-30', '2018-06-30')).toMatchObject({
      field: 'from',
      text: expect.stringContaining("'2018-02-30' is geen datum"),
    });
    expect(refusal('2018-07-01', '2018-06-30')).toMatchObject({ field: 'to', text: expect.stringContaining('ligt vóór het begin') });
    expect(refusal('2026-11-01', '2026-12-01')).toMatchObject({ field: 'to', text: expect.stringContaining('ligt in de toekomst') });
    expect(refusal('2026-11-01', '2026-11-30T13:00:00Z')).toMatchObject({ field: 'to', text: expect.stringContaining('toekomst') });
  });
});
