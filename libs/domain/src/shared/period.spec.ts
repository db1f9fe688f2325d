import type { Message } from './message';
import { isCalendarDate, isPastEnd, parsePeriod, Period, PeriodParseResult, validatePeriod } from './period';

function expectPeriod(result: PeriodParseResult): Period {
  if (!result.ok) throw new Error(`expected ok, got: ${result.message.nl}`);
  return result.period;
}

/** The refusal, Dutch text and English meaning. */
function expectRefusal(result: PeriodParseResult): Message {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.period)}`);
  expect(result.message.en.trim()).not.toBe('');
  return result.message;
}

/** The Dutch text of the refusal, what a user reads. */
function expectReason(result: PeriodParseResult): string {
  return expectRefusal(result).nl;
}

describe('parsePeriod', () => {
  describe('reads deadline texts', () => {
    it.each<[string, string | null, string]>([
      // whole years
      ['2017', '2017-01-01', '2017-12-31'],
      ['2017/2018', '2017-01-01', '2018-12-31'],
      ['2017-2018', '2017-01-01', '2018-12-31'],
      ['2017-2019', '2017-01-01', '2019-12-31'],
      ['2017 – 2019', '2017-01-01', '2019-12-31'],
      ['2017–2019', '2017-01-01', '2019-12-31'],
      ['2017 — 2019', '2017-01-01', '2019-12-31'],
      ['2017 t/m 2019', '2017-01-01', '2019-12-31'],
      ['2017 tot en met 2019', '2017-01-01', '2019-12-31'],
      ['van 2017 tot 2019', '2017-01-01', '2019-12-31'],
      ['2017/18', '2017-01-01', '2018-12-31'],
      // points in a year
      ['medio 2017', null, '2017-06-30'],
      ['Medio 2017', null, '2017-06-30'],
      ['tot medio 2019', null, '2019-06-30'],
      ['begin 2018', null, '2018-03-31'],
      ['eind 2019', null, '2019-12-31'],
      ['einde 2019', null, '2019-12-31'],
      ['eind van 2019', null, '2019-12-31'],
      ['EIND 2019', null, '2019-12-31'],
      ['uiterlijk eind 2019', null, '2019-12-31'],
      ['eind september 2018', null, '2018-09-30'],
      ['eind februari 2020', null, '2020-02-29'],
      ['medio september 2018', null, '2018-09-15'],
      // seasons
      ['voorjaar 2017', '2017-03-01', '2017-05-31'],
      ['lente 2017', '2017-03-01', '2017-05-31'],
      ['zomer 2017', '2017-06-01', '2017-08-31'],
      ['rond de zomer van 2017', '2017-06-01', '2017-08-31'],
      ['najaar 2017', '2017-09-01', '2017-11-30'],
      ['in het najaar van 2017', '2017-09-01', '2017-11-30'],
      // quarters and halves
      ['Q1 2020', '2020-01-01', '2020-03-31'],
      ['Q2 2020', '2020-04-01', '2020-06-30'],
      ['Q3 2020', '2020-07-01', '2020-09-30'],
      ['Q4 2020', '2020-10-01', '2020-12-31'],
      ['q3 2020', '2020-07-01', '2020-09-30'],
      ['eerste kwartaal 2020', '2020-01-01', '2020-03-31'],
      ['tweede kwartaal 2020', '2020-04-01', '2020-06-30'],
      ['derde kwartaal 2020', '2020-07-01', '2020-09-30'],
      ['vierde kwartaal 2020', '2020-10-01', '2020-12-31'],
      ['het eerste kwartaal van 2021', '2021-01-01', '2021-03-31'],
      ['1e kwartaal 2021', '2021-01-01', '2021-03-31'],
      ['eerste helft 2020', '2020-01-01', '2020-06-30'],
      ['tweede helft 2020', '2020-07-01', '2020-12-31'],
      // months
      ['september 2018', '2018-09-01', '2018-09-30'],
      ['sept 2018', '2018-09-01', '2018-09-30'],
      ['sep. 2018', '2018-09-01', '2018-09-30'],
      ['februari 2020', '2020-02-01', '2020-02-29'],
      ['februari 2019', '2019-02-01', '2019-02-28'],
      ['tot september 2018', null, '2018-09-30'],
      ['t/m september 2018', null, '2018-09-30'],
      ['juni 2019 – maart 2020', '2019-06-01', '2020-03-31'],
      ['juni – augustus 2019', '2019-06-01', '2019-08-31'],
      ['mrt 2020 - okt 2020', '2020-03-01', '2020-10-31'],
      // days
      ['1-8 november 2017', '2017-11-01', '2017-11-08'],
      ['1 tot en met 8 november 2017', '2017-11-01', '2017-11-08'],
      ['1 t/m 8 nov 2017', '2017-11-01', '2017-11-08'],
      ['1 juni 2019 – 1 maart 2020', '2019-06-01', '2020-03-01'],
      ['1 juni 2019 - 1 maart 2020', '2019-06-01', '2020-03-01'],
      ['1 juni – 1 september 2019', '2019-06-01', '2019-09-01'],
      ['14 november 2016', null, '2016-11-14'],
      ['uiterlijk 1 juni 2019', null, '2019-06-01'],
      ['1-3-2020', null, '2020-03-01'],
      // ISO
      ['2020-03-01', null, '2020-03-01'],
      ['2019-06-01/2020-03-01', '2019-06-01', '2020-03-01'],
      ['2019-06-01 – 2020-03-01', '2019-06-01', '2020-03-01'],
      // "gereed": done by then
      ['2018 gereed', null, '2018-12-31'],
      ['Q2 2020 gereed', null, '2020-06-30'],
      ['2017-2019 gereed', null, '2019-12-31'],
      // "vóór": the day before
      ['vóór 1 maart 2020', null, '2020-02-29'],
      ['voor 1 maart 2019', null, '2019-02-28'],
      ['Vóór 1 januari 2020', null, '2019-12-31'],
      ['voor september 2018', null, '2018-08-31'],
      ['vóór 2019', null, '2018-12-31'],
      ['voor de zomer van 2017', null, '2017-05-31'],
      ['voor eind 2019', null, '2019-12-31'],
    ])('%s → %s .. %s', (text, start, end) => {
      const period = expectPeriod(parsePeriod(text));
      expect(period.start).toBe(start);
      expect(period.end).toBe(end);
      expect(period.text).toBe(text);
    });
  });

  it('keeps the text verbatim, trimmed and with whitespace runs collapsed', () => {
    const period = expectPeriod(parsePeriod('  1 juni 2019 \t –\n 1 maart   2020 '));
    expect(period.text).toBe('1 juni 2019 – 1 maart 2020');
    expect(period.start).toBe('2019-06-01');
    expect(period.end).toBe('2020-03-01');
  });

  describe('notes how an ambiguous text was read', () => {
    it.each<[string, string]>([
      ['medio 2017', 'medio gelezen als uiterlijk 30 juni'],
      ['tot medio 2019', 'medio gelezen als uiterlijk 30 juni'],
      ['begin 2018', 'begin gelezen als uiterlijk 31 maart'],
      ['medio september 2018', 'medio september gelezen als uiterlijk 15 september'],
      ['tot september 2018', 'tot september gelezen als tot en met september'],
      ['tot 2019', 'tot 2019 gelezen als tot en met 2019'],
      ['2017 tot 2019', 'tot 2019 gelezen als tot en met 2019'],
      ['rond de zomer van 2017', 'rond de zomer gelezen als 1 juni t/m 31 augustus 2017'],
      ['2017 – medio 2018', 'medio gelezen als uiterlijk 30 juni'],
    ])('%s → "%s"', (text, note) => {
      expect(expectPeriod(parsePeriod(text)).readingNote).toBe(note);
    });

    it.each([
      '2017',
      '2017/2018',
      'eind 2019',
      'zomer 2017',
      'Q1 2020',
      'september 2018',
      't/m september 2018',
      '14 november 2016',
      '1 juni 2019 – 1 maart 2020',
      'vóór 1 maart 2020',
      '2018 gereed',
    ])('%s has no readingNote', (text) => {
      expect(expectPeriod(parsePeriod(text))).not.toHaveProperty('readingNote');
    });
  });

  describe('rejects texts it cannot read, naming the offending part', () => {
    it.each<[string, string[]]>([
      ['binnenkort', ['binnenkort']],
      ['z.s.m.', ['z.s.m.']],
      ['Z.s.m.', ['z.s.m.']],
      ['zo spoedig mogelijk', ['zo spoedig mogelijk']],
      ['doorlopend', ['doorlopend']],
      ['ergens in 2019', ['"ergens"', 'niet herkend']],
      ['2019 ongeveer', ['"ongeveer"', 'niet herkend']],
      ['winter 2017', ['winter', 'jaargrens']],
      ['winter', ['winter']],
      ['31 februari 2019', ['31 februari 2019', 'bestaat niet']],
      ['31 april 2020', ['31 april 2020', 'bestaat niet']],
      ['2019-02-30', ['2019-02-30', 'bestaat niet']],
      ['2019-13-01', ['2019-13-01', 'bestaat niet']],
      ['32-1-2020', ['32-1-2020', 'bestaat niet']],
      ['1 maart 2020 – 1 juni 2019', ['einde ligt vóór begin', '1 maart 2020', '1 juni 2019']],
      ['2019-2017', ['einde ligt vóór begin']],
      ['1850', ['1850', '1900–2200']],
      ['2201', ['2201', '1900–2200']],
      ['medio 1899', ['1899']],
      ['2019-06-01/2250-01-01', ['2250']],
      ['12345', ['12345']],
      ['medio', ['medio', 'jaartal']],
      ['juni', ['juni', 'jaartal']],
      ['1 juni', ['1 juni', 'jaartal']],
      ['Q5 2020', ['"Q5"']],
      ['derde helft 2020', ['derde helft', 'twee helften']],
      ['eerste 2020', ['"eerste"', '"kwartaal" of "helft"']],
      ['vóór 1900', ['31 december 1899', '1900–2200']],
      ['medio 2017 – 2018', ['begin van de periode', 'medio 2017']],
      ['2017 -', ['ontbreekt een datum of periode']],
      ['2017 2018', ['"2018"', 'onverwachte plek']],
      ['2017?', ['"?"']],
      ['gereed', ['geen datum of periode']],
      ['uiterlijk', ['geen datum of periode']],
    ])('%s', (text, mentions) => {
      const refusal = expectRefusal(parsePeriod(text));
      expect(refusal.nl).toContain(`"${text}"`);
      for (const part of mentions) expect(refusal.nl).toContain(part);
      expect(refusal.en).toContain(`deadline "${text}" not understood: `);
    });

    it('rejects an empty or blank text', () => {
      expect(expectReason(parsePeriod(''))).toMatch(/leeg/);
      expect(expectReason(parsePeriod('   \n\t '))).toMatch(/leeg/);
    });

    it('rejects a text longer than 200 characters', () => {
      const text = `eind 2019 ${'x'.repeat(200)}`;
      expect(expectReason(parsePeriod(text))).toMatch(/te lang \(210 tekens, maximaal 200\)/);
    });

    it('accepts a text of exactly 200 characters', () => {
      const text = `eind${' van'.repeat(47)} de 2019`;
      expect(text).toHaveLength(200);
      expect(expectPeriod(parsePeriod(text)).end).toBe('2019-12-31');
      expect(expectReason(parsePeriod(`${text}.`))).toMatch(/te lang/);
    });

    it('never throws, whatever it is given', () => {
      for (const text of ['—', '/', 't/m', 'tot en met', '-2019', '..', 'de het van', '0', '00-00-0000', '٢٠١٩']) {
        expect(parsePeriod(text).ok).toBe(false);
      }
      expect(parsePeriod(undefined as unknown as string).ok).toBe(false);
    });
  });

  describe('leap years', () => {
    it.each<[string, string]>([
      ['29 februari 2020', '2020-02-29'],
      ['29 februari 2000', '2000-02-29'],
      ['2024-02-29', '2024-02-29'],
      ['vóór 1 maart 2020', '2020-02-29'],
      ['vóór 1 maart 2100', '2100-02-28'],
      ['tot februari 2024', '2024-02-29'],
    ])('%s → %s', (text, end) => {
      expect(expectPeriod(parsePeriod(text)).end).toBe(end);
    });

    it.each(['29 februari 2019', '29 februari 1900', '29 februari 2100', '2019-02-29'])('%s is rejected', (text) => {
      const reason = expectReason(parsePeriod(text));
      expect(reason).toContain('bestaat niet');
      expect(reason).toContain(text);
    });
  });

  describe('real deadline texts from Actieplan Pleegzorg and Koers Gezinshuizen', () => {
    const realTexts = [
      '2017/2018',
      'tot medio 2019',
      '2017-2019',
      '2018-2019',
      '2018',
      '2018 gereed',
      'tot september 2018',
      'medio 2017',
      '1-8 november 2017',
      '2017',
      'eind 2019',
      '1 juni 2019 – 1 maart 2020',
      '1 juni 2019 – 1 juni 2021',
      '1 juni 2019 – 1 juni 2020',
      '1 juni 2019 – 1 oktober 2019',
      '1 juni 2019 – 1 januari 2021',
      '1 juni 2019 – 1 januari 2020',
    ];

    it.each(realTexts)('%s parses to a valid period', (text) => {
      const period = expectPeriod(parsePeriod(text));
      expect(period.text).toBe(text);
      expect(isCalendarDate(period.end)).toBe(true);
      if (period.start !== null) {
        expect(isCalendarDate(period.start)).toBe(true);
        expect(period.start <= period.end).toBe(true);
      }
      // What the parser produces is accepted as an explicit period too.
      expect(validatePeriod(period)).toEqual({ ok: true, period });
    });

    it.each<[string, string, string]>([
      ['1 juni 2019 – 1 juni 2021', '2019-06-01', '2021-06-01'],
      ['1 juni 2019 – 1 juni 2020', '2019-06-01', '2020-06-01'],
      ['1 juni 2019 – 1 oktober 2019', '2019-06-01', '2019-10-01'],
      ['1 juni 2019 – 1 januari 2021', '2019-06-01', '2021-01-01'],
      ['1 juni 2019 – 1 januari 2020', '2019-06-01', '2020-01-01'],
      ['2018-2019', '2018-01-01', '2019-12-31'],
    ])('%s → %s .. %s', (text, start, end) => {
      expect(expectPeriod(parsePeriod(text))).toMatchObject({ start, end });
    });
  });
});

describe('validatePeriod', () => {
  it('accepts a period with start and end, normalising the text', () => {
    expect(validatePeriod({ text: '  zomer   2017 ', start: '2017-06-01', end: '2017-08-31' })).toEqual({
      ok: true,
      period: { text: 'zomer 2017', start: '2017-06-01', end: '2017-08-31' },
    });
  });

  it('accepts an end without start (null or left out)', () => {
    expect(expectPeriod(validatePeriod({ text: 'eind 2019', start: null, end: '2019-12-31' })).start).toBeNull();
    expect(expectPeriod(validatePeriod({ text: 'eind 2019', end: '2019-12-31' })).start).toBeNull();
  });

  it('accepts start equal to end', () => {
    expect(validatePeriod({ text: '14 november 2016', start: '2016-11-14', end: '2016-11-14' }).ok).toBe(true);
  });

  it('keeps a readingNote, and drops an empty one', () => {
    const withNote = { text: 'medio 2017', start: null, end: '2017-06-30', readingNote: 'medio gelezen als uiterlijk 30 juni' };
    expect(expectPeriod(validatePeriod(withNote)).readingNote).toBe('medio gelezen als uiterlijk 30 juni');
    expect(expectPeriod(validatePeriod({ ...withNote, readingNote: null }))).not.toHaveProperty('readingNote');
    expect(expectPeriod(validatePeriod({ ...withNote, readingNote: '  ' }))).not.toHaveProperty('readingNote');
  });

  it.each<[string, { text: string; start?: string | null; end: string }, string[]]>([
    ['end is not a real date', { text: 'x', end: '2019-02-30' }, ['end:', '2019-02-30']],
    ['end 29 Feb in a common year', { text: 'x', end: '2019-02-29' }, ['end:', '2019-02-29']],
    ['end is empty', { text: 'x', end: '' }, ['end:']],
    ['end is missing', { text: 'x' } as { text: string; end: string }, ['end:']],
    ['end is not ISO', { text: 'x', end: '31-12-2019' }, ['end:', '31-12-2019', 'JJJJ-MM-DD']],
    ['end without padding', { text: 'x', end: '2019-6-1' }, ['end:', '2019-6-1']],
    ['start is not a real date', { text: 'x', start: '2019-13-01', end: '2019-12-31' }, ['start:', '2019-13-01']],
    ['start is empty', { text: 'x', start: '', end: '2019-12-31' }, ['start:']],
    ['start year out of range', { text: 'x', start: '1850-01-01', end: '2019-12-31' }, ['start:', '1850']],
    ['end year out of range', { text: 'x', end: '2300-01-01' }, ['end:', '2300']],
    ['start after end', { text: 'x', start: '2020-03-01', end: '2019-06-01' }, ['end:', 'ligt vóór begin', '2020-03-01']],
    ['text is empty', { text: '  ', end: '2019-12-31' }, ['text:']],
    ['text is too long', { text: 'x'.repeat(201), end: '2019-12-31' }, ['text:', 'te lang']],
  ])('rejects when %s', (_case, input, mentions) => {
    const refusal = expectRefusal(validatePeriod(input));
    expect(refusal.nl.startsWith(mentions[0])).toBe(true);
    for (const part of mentions) expect(refusal.nl).toContain(part);
    expect(refusal.en.startsWith(mentions[0])).toBe(true);
  });
});

describe('isCalendarDate', () => {
  it.each<[string, boolean]>([
    ['2020-02-29', true],
    ['2000-02-29', true],
    ['2019-02-29', false],
    ['2100-02-29', false],
    ['2019-02-28', true],
    ['2019-12-31', true],
    ['2019-04-31', false],
    ['2019-00-10', false],
    ['2019-01-00', false],
    ['2019-1-01', false],
    ['2019-01-01T00:00', false],
    [' 2019-01-01', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('isPastEnd', () => {
  it.each<[string, string, boolean]>([
    ['2019-12-31', '2020-01-01', true],
    ['2019-12-31', '2019-12-31', false],
    ['2019-12-31', '2019-06-01', false],
    ['2020-02-29', '2020-03-01', true],
    ['2017-06-30', '2024-05-01', true],
  ])('end %s, today %s → %s', (end, today, expected) => {
    expect(isPastEnd({ end }, today)).toBe(expected);
  });

  it('works on a parsed period', () => {
    const period = expectPeriod(parsePeriod('medio 2017'));
    expect(isPastEnd(period, '2017-06-30')).toBe(false);
    expect(isPastEnd(period, '2017-07-01')).toBe(true);
  });

  it('throws on a date that is not a calendar date', () => {
    expect(() => isPastEnd({ end: '2019-02-30' }, '2020-01-01')).toThrow(RangeError);
    expect(() => isPastEnd({ end: '2019-12-31' }, 'vandaag')).toThrow(RangeError);
  });
});
