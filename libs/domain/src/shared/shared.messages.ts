import type { Message, MessageCatalogue } from './message';

/** What every aggregate checks the same way: free text, ids, numbers, dates and deadlines. */
export const SHARED_MESSAGES = {
  // Free text (text.ts)
  required: { nl: 'is verplicht en mag niet leeg zijn', en: 'is required and may not be empty' },
  tooLong: (length: number, max: number) => ({
    nl: `is ${length} tekens lang; het maximum is ${max}`,
    en: `is ${length} characters long; the maximum is ${max}`,
  }),
  controlCharacters: { nl: 'bevat stuurtekens', en: 'control characters are not allowed' },

  // Ids, numbers and calendar dates
  invalidSlugId: (value: string) => ({
    nl: `'${value}' is geen geldige id: kleine letters, cijfers en '-', hoogstens 80 tekens`,
    en: `'${value}' is not a valid id: lower-case letters, digits and '-', up to 80 characters`,
  }),
  notFinite: { nl: 'moet een eindig getal zijn', en: 'must be a finite number' },
  outOfRange: (min: number, max: number) => ({
    nl: `moet tussen ${min} en ${max} liggen`,
    en: `must lie between ${min} and ${max}`,
  }),
  notCalendarDate: (value: string) => ({
    nl: `'${value}' is geen bestaande datum in de vorm JJJJ-MM-DD`,
    en: `'${value}' is not a real calendar date YYYY-MM-DD`,
  }),

  // Deadlines as written (period.ts): the whole refusal, then what exactly was not understood
  periodMissing: {
    nl: 'Termijn ontbreekt: verwacht een tekst zoals "eind 2019".',
    en: 'deadline missing: expected a text like "eind 2019"',
  },
  periodEmpty: {
    nl: 'Termijn is leeg: vul een datum of periode in, bijvoorbeeld "eind 2019".',
    en: 'deadline is empty: give a date or period, e.g. "eind 2019"',
  },
  periodTooLong: (length: number, max: number, beginning: string) => ({
    nl: `Termijn is te lang (${length} tekens, maximaal ${max}): "${beginning}…".`,
    en: `deadline too long: ${length} characters, the maximum is ${max}`,
  }),
  periodNotUnderstood: (text: string, detail: Message) => ({
    nl: `Termijn "${text}" niet begrepen: ${detail.nl}.`,
    en: `deadline "${text}" not understood: ${detail.en}`,
  }),
  yearOutOfRange: (year: number, min: number, max: number) => ({
    nl: `jaartal ${year} valt buiten ${min}–${max}`,
    en: `year ${year} lies outside ${min}–${max}`,
  }),
  noSuchDate: (writtenAs: string) => ({ nl: `de datum ${writtenAs} bestaat niet`, en: `the date ${writtenAs} does not exist` }),
  unknownCharacter: (character: string) => ({
    nl: `het teken "${character}" wordt niet herkend`,
    en: `the character "${character}" is not recognised`,
  }),
  unknownWord: (word: string) => ({ nl: `het woord "${word}" wordt niet herkend`, en: `the word "${word}" is not recognised` }),
  misplaced: (written: string) => ({ nl: `"${written}" staat op een onverwachte plek`, en: `"${written}" is in an unexpected place` }),
  yearMissingAfter: (after: string) => ({ nl: `na "${after}" ontbreekt een jaartal`, en: `a year is missing after "${after}"` }),
  dateOrPeriodMissing: { nl: 'er ontbreekt een datum of periode', en: 'a date or period is missing' },
  notDayOrYear: (number: string) => ({
    nl: `het getal "${number}" is geen dag of jaartal`,
    en: `the number "${number}" is neither a day nor a year`,
  }),
  winterIsAmbiguous: {
    nl:
      'de winter loopt over de jaargrens (december t/m februari), dus het jaar is niet eenduidig; ' +
      'noem de maanden, bijvoorbeeld "december 2017 – februari 2018"',
    en: 'winter spans the turn of the year, so its year is ambiguous; name the months instead',
  },
  quarterOrHalfExpected: (ordinal: string) => ({
    nl: `na "${ordinal}" wordt "kwartaal" of "helft" verwacht`,
    en: `"kwartaal" (quarter) or "helft" (half) expected after "${ordinal}"`,
  }),
  noSuchHalf: (written: string) => ({
    nl: `"${written}" bestaat niet: een jaar heeft twee helften`,
    en: `"${written}" does not exist: a year has two halves`,
  }),
  monthMissing: (written: string) => ({ nl: `bij "${written}" ontbreekt de maand`, en: `the month is missing from "${written}"` }),
  yearMissing: (written: string) => ({ nl: `bij "${written}" ontbreekt het jaartal`, en: `the year is missing from "${written}"` }),
  notAYear: (written: string, after: number) => ({
    nl: `"${written}" na ${after} is geen jaartal`,
    en: `"${written}" after ${after} is not a year`,
  }),
  startUnknown: (written: string) => ({
    nl: `het begin van de periode is niet te bepalen uit "${written}"; noem een maand of datum, bijvoorbeeld "juli 2017"`,
    en: `the start of the period cannot be told from "${written}"; name a month or a date`,
  }),
  endBeforeStart: (start: string, end: string) => ({
    nl: `einde ligt vóór begin (begin ${start}, einde ${end})`,
    en: `the end (${end}) lies before the start (${start})`,
  }),
  vague: (phrase: string) => ({ nl: `"${phrase}" noemt geen datum of periode`, en: `"${phrase}" names no date or period` }),
  noDateOrPeriod: { nl: 'er staat geen datum of periode in', en: 'it holds no date or period' },
  endOutOfRange: (end: string, min: number, max: number) => ({
    nl: `het einde (${end}) valt buiten ${min}–${max}`,
    en: `the end (${end}) lies outside ${min}–${max}`,
  }),

  // Deadlines with their dates given (validatePeriod): a date's refusal starts with its field, "start: " or "end: "
  periodTextEmpty: { nl: 'text: de tekst van de termijn is leeg.', en: 'text: the deadline text is empty' },
  periodTextTooLong: (length: number, max: number) => ({
    nl: `text: de tekst is te lang (${length} tekens, maximaal ${max}).`,
    en: `text: too long, ${length} characters, the maximum is ${max}`,
  }),
  periodEndMissing: { nl: 'end: de einddatum ontbreekt (verwacht JJJJ-MM-DD).', en: 'end: the end date is missing (expected YYYY-MM-DD)' },
  periodDate: (side: string, problem: Message) => ({ nl: `${side}: ${problem.nl}.`, en: `${side}: ${problem.en}` }),
  notIsoDate: (value: string) => ({
    nl: `"${value}" is geen datum in de vorm JJJJ-MM-DD`,
    en: `"${value}" is not a date in the form YYYY-MM-DD`,
  }),
  dateYearOutOfRange: (year: number, value: string, min: number, max: number) => ({
    nl: `jaartal ${year} in ${value} valt buiten ${min}–${max}`,
    en: `year ${year} of ${value} lies outside ${min}–${max}`,
  }),
  notText: { nl: 'is geen tekst', en: 'is not a string' },
  endBeforeStartDate: (end: string, start: string) => ({
    nl: `einde ${end} ligt vóór begin ${start}`,
    en: `the end ${end} lies before the start ${start}`,
  }),
} satisfies MessageCatalogue;
