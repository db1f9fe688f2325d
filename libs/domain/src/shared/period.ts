/**
 * Deadlines as written in Dutch policy plans.
 *
 * Plans do not give dates but periods in policy language: "medio 2017", "2017/2018",
 * "1 juni 2019 – 1 maart 2020", "tot september 2018", "Q3 2020". We keep the text as
 * written and derive an optional start and an end: the last calendar day that still
 * meets the deadline. Where the text can be read in more than one way, the chosen
 * reading is recorded in Dutch in `readingNote`, so a coordinator can see (and correct)
 * how the text was understood.
 *
 * Pure TypeScript: no Date, no clock, no time zone. Dates are year/month/day
 * triples and all arithmetic is done on those numbers.
 */

import type { Message } from './message';
import { SHARED_MESSAGES } from './shared.messages';

// ─── Public types ─────────────────────────────────────────────────────────────

export interface Period {
  /** As written in the plan, verbatim (trimmed, inner whitespace runs collapsed to one space). */
  text: string;
  /** ISO calendar date YYYY-MM-DD, or null when the text names only an end point. */
  start: string | null;
  /** ISO calendar date YYYY-MM-DD: the last day that still meets the deadline. */
  end: string;
  /** How an ambiguous text was read (Dutch), e.g. "medio gelezen als uiterlijk 30 juni". Absent when unambiguous. */
  readingNote?: string;
}

/** A refusal's `message` says in Dutch what was not understood, with its English meaning. */
export type PeriodParseResult = { ok: true; period: Period } | { ok: false; message: Message };

// ─── Limits ───────────────────────────────────────────────────────────────────

const MAX_TEXT_LENGTH = 200;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

// ─── Calendar arithmetic ──────────────────────────────────────────────────────

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function calendarDate(year: number, month: number, day: number): CalendarDate {
  return { year, month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isExistingDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= lastDayOfMonth(year, month)
  );
}

function dayBefore(date: CalendarDate): CalendarDate {
  if (date.day > 1) return calendarDate(date.year, date.month, date.day - 1);
  if (date.month > 1) return calendarDate(date.year, date.month - 1, lastDayOfMonth(date.year, date.month - 1));
  return calendarDate(date.year - 1, 12, 31);
}

/** Negative when a lies before b, zero when equal, positive when after. */
function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function toIsoDate(date: CalendarDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function parseIsoDate(value: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isExistingDate(year, month, day) ? calendarDate(year, month, day) : null;
}

function isYearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

// ─── Dutch vocabulary ─────────────────────────────────────────────────────────

const MONTHS: ReadonlyArray<{ readonly name: string; readonly abbreviations: readonly string[] }> = [
  { name: 'januari', abbreviations: ['jan'] },
  { name: 'februari', abbreviations: ['feb', 'febr'] },
  { name: 'maart', abbreviations: ['mrt'] },
  { name: 'april', abbreviations: ['apr'] },
  { name: 'mei', abbreviations: [] },
  { name: 'juni', abbreviations: ['jun'] },
  { name: 'juli', abbreviations: ['jul'] },
  { name: 'augustus', abbreviations: ['aug'] },
  { name: 'september', abbreviations: ['sep', 'sept'] },
  { name: 'oktober', abbreviations: ['okt'] },
  { name: 'november', abbreviations: ['nov'] },
  { name: 'december', abbreviations: ['dec'] },
];

/** 1..12 for a Dutch month name or abbreviation ("maart", "mrt", "sept."), otherwise null. */
function monthFromDutchName(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((month) => month.name === key || month.abbreviations.includes(key));
  return index === -1 ? null : index + 1;
}

function monthName(month: number): string {
  return MONTHS[month - 1].name;
}

/** "1 maart" */
function formatDayAndMonth(date: CalendarDate): string {
  return `${date.day} ${monthName(date.month)}`;
}

/** "1 maart 2020" */
function formatDutchDate(date: CalendarDate): string {
  return `${formatDayAndMonth(date)} ${date.year}`;
}

/** "1 juni t/m 31 augustus 2017", or with both years when they differ. */
function formatDutchSpan(start: CalendarDate, end: CalendarDate): string {
  const from = start.year === end.year ? formatDayAndMonth(start) : formatDutchDate(start);
  return `${from} t/m ${formatDutchDate(end)}`;
}

interface Season {
  readonly names: readonly string[];
  readonly label: string;
  readonly firstMonth: number;
  readonly lastMonth: number;
}

/** Meteorological seasons. Winter is left out on purpose: it runs across the turn of the year. */
const SEASONS: readonly Season[] = [
  { names: ['voorjaar', 'lente'], label: 'het voorjaar', firstMonth: 3, lastMonth: 5 },
  { names: ['zomer'], label: 'de zomer', firstMonth: 6, lastMonth: 8 },
  { names: ['najaar', 'herfst'], label: 'het najaar', firstMonth: 9, lastMonth: 11 },
];

function seasonFromDutchName(word: string): Season | null {
  return SEASONS.find((season) => season.names.includes(word)) ?? null;
}

const ORDINAL_NAMES = ['eerste', 'tweede', 'derde', 'vierde'] as const;

const ORDINALS = new Map<string, number>([
  ['eerste', 1],
  ['1e', 1],
  ['1ste', 1],
  ['tweede', 2],
  ['2e', 2],
  ['2de', 2],
  ['derde', 3],
  ['3e', 3],
  ['3de', 3],
  ['vierde', 4],
  ['4e', 4],
  ['4de', 4],
]);

/** 1..4 for "q1".."q4", otherwise null. */
function quarterFromCode(word: string): number | null {
  const match = /^q([1-4])$/.exec(word);
  return match === null ? null : Number(match[1]);
}

type PartOfPeriod = 'begin' | 'medio' | 'eind';

const PARTS_OF_PERIOD = new Map<string, PartOfPeriod>([
  ['begin', 'begin'],
  ['medio', 'medio'],
  ['eind', 'eind'],
  ['einde', 'eind'],
]);

/** Words that only glue a phrase together: "eind van 2019", "rond de zomer", "in het najaar van 2017". */
const FILLER_WORDS = new Set(['de', 'het', 'van', 'in']);

/** Other words this module knows; used to tell "misplaced" from "unknown" in messages. */
const KEYWORDS = new Set(['rond', 'kwartaal', 'helft', 'gereed', 'uiterlijk', 'voor', 'vóór', 'winter']);

/** Texts that sound like a deadline but name no date or period at all. */
const VAGUE_PHRASES = [
  'binnenkort',
  'z.s.m.',
  'z.s.m',
  'zsm',
  'zo spoedig mogelijk',
  'zo snel mogelijk',
  'nader te bepalen',
  'nog te bepalen',
  'n.t.b.',
  'ntb',
  'p.m.',
  'pm',
  'n.v.t.',
  'nvt',
  'doorlopend',
  'continu',
  'structureel',
  'jaarlijks',
  'onbekend',
];

function isKnownWord(word: string): boolean {
  return (
    monthFromDutchName(word) !== null ||
    seasonFromDutchName(word) !== null ||
    ORDINALS.has(word) ||
    quarterFromCode(word) !== null ||
    PARTS_OF_PERIOD.has(word) ||
    KEYWORDS.has(word)
  );
}

// ─── Period bounds ────────────────────────────────────────────────────────────

interface Bounds {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

/** From the first day of firstMonth to the last day of lastMonth, within one year. */
function monthsBounds(year: number, firstMonth: number, lastMonth: number): Bounds {
  return {
    start: calendarDate(year, firstMonth, 1),
    end: calendarDate(year, lastMonth, lastDayOfMonth(year, lastMonth)),
  };
}

const yearBounds = (year: number): Bounds => monthsBounds(year, 1, 12);
const monthBounds = (year: number, month: number): Bounds => monthsBounds(year, month, month);
const quarterBounds = (year: number, quarter: number): Bounds => monthsBounds(year, quarter * 3 - 2, quarter * 3);
const halfYearBounds = (year: number, half: number): Bounds => monthsBounds(year, half * 6 - 5, half * 6);
const seasonBounds = (year: number, season: Season): Bounds => monthsBounds(year, season.firstMonth, season.lastMonth);

/** The deadline meant by "begin/medio/eind <year>". */
function positionInYear(position: PartOfPeriod, year: number): CalendarDate {
  switch (position) {
    case 'begin':
      return calendarDate(year, 3, 31); // end of the first quarter
    case 'medio':
      return calendarDate(year, 6, 30); // end of the first half
    case 'eind':
      return calendarDate(year, 12, 31);
  }
}

/** The deadline meant by "begin/medio/eind <month> <year>". */
function positionInMonth(position: PartOfPeriod, year: number, month: number): CalendarDate {
  switch (position) {
    case 'begin':
      return calendarDate(year, month, 10);
    case 'medio':
      return calendarDate(year, month, 15);
    case 'eind':
      return calendarDate(year, month, lastDayOfMonth(year, month));
  }
}

// ─── Readings: what a piece of text stands for ────────────────────────────────

/**
 * - point: only an end is known ("medio 2017", "eind 2019");
 * - day: one calendar day ("14 november 2016");
 * - span: one named period ("2017", "september 2018", "zomer 2017");
 * - range: from one thing to another ("2017/2018", "1 juni 2019 – 1 maart 2020").
 */
type Reading =
  | {
      readonly shape: 'point';
      readonly start: null;
      readonly end: CalendarDate;
      /** Short Dutch name used in reading notes ("medio 2017"). */
      readonly label: string;
      readonly notes: readonly string[];
    }
  | {
      readonly shape: 'day' | 'span' | 'range';
      readonly start: CalendarDate;
      readonly end: CalendarDate;
      /** Short Dutch name without the year, used in reading notes ("september", "1 maart", "de zomer"). */
      readonly label: string;
      readonly notes: readonly string[];
    };

function spanReading(bounds: Bounds, label: string): Reading {
  return { shape: 'span', start: bounds.start, end: bounds.end, label, notes: [] };
}

function dayReading(date: CalendarDate): Reading {
  return { shape: 'day', start: date, end: date, label: formatDayAndMonth(date), notes: [] };
}

function pointReading(end: CalendarDate, label: string, notes: readonly string[]): Reading {
  return { shape: 'point', start: null, end, label, notes };
}

function describeReading(reading: Reading): string {
  return reading.shape === 'point' || reading.shape === 'day'
    ? `uiterlijk ${formatDutchDate(reading.end)}`
    : formatDutchSpan(reading.start, reading.end);
}

// ─── Errors ───────────────────────────────────────────────────────────────────

/** Thrown inside the parser; parsePeriod turns it into { ok: false, message }. */
class NotUnderstood extends Error {
  constructor(readonly detail: Message) {
    super(detail.en);
    this.name = 'NotUnderstood';
  }
}

function checkYear(year: number): number {
  if (!isYearInRange(year)) {
    throw new NotUnderstood(SHARED_MESSAGES.yearOutOfRange(year, MIN_YEAR, MAX_YEAR));
  }
  return year;
}

/** A validated calendar date; `writtenAs` is how the date appears in messages. */
function existingDate(year: number, month: number, day: number, writtenAs: string): CalendarDate {
  checkYear(year);
  if (!isExistingDate(year, month, day)) throw new NotUnderstood(SHARED_MESSAGES.noSuchDate(writtenAs));
  return calendarDate(year, month, day);
}

// ─── Lexer ────────────────────────────────────────────────────────────────

type Lexeme =
  | { readonly kind: 'number'; readonly raw: string; readonly value: number }
  | { readonly kind: 'date'; readonly raw: string; readonly year: number; readonly month: number; readonly day: number }
  | { readonly kind: 'separator'; readonly raw: string }
  | { readonly kind: 'word'; readonly raw: string; readonly word: string };

const separatorLexeme = (raw: string): Lexeme => ({ kind: 'separator', raw });

/** "2019", "14", "2019." (a sentence-ending dot after a number is dropped), or a word. */
function chunkLexeme(raw: string): Lexeme {
  const digits = raw.replace(/\.$/, '');
  if (/^\d+$/.test(digits)) return { kind: 'number', raw: digits, value: Number(digits) };
  return { kind: 'word', raw, word: raw.toLowerCase() };
}

interface LexemeRule {
  readonly pattern: RegExp; // sticky: matches only at the current position
  readonly toLexeme: (raw: string) => Lexeme | null;
}

const TOKEN_RULES: readonly LexemeRule[] = [
  { pattern: /\s+/y, toLexeme: () => null },
  {
    // ISO: 2019-06-01
    pattern: /\d{4}-\d{2}-\d{2}(?!\d)/y,
    toLexeme: (raw) => {
      const [year, month, day] = raw.split('-').map(Number);
      return { kind: 'date', raw, year, month, day };
    },
  },
  {
    // Dutch numeric: 1-6-2019
    pattern: /\d{1,2}-\d{1,2}-\d{4}(?!\d)/y,
    toLexeme: (raw) => {
      const [day, month, year] = raw.split('-').map(Number);
      return { kind: 'date', raw, year, month, day };
    },
  },
  { pattern: /t\/m(?![\p{L}\p{N}])/iuy, toLexeme: () => separatorLexeme('t/m') },
  { pattern: /[-–—/]/y, toLexeme: separatorLexeme },
  { pattern: /[\p{L}\p{N}.]+/uy, toLexeme: chunkLexeme },
];

function matchLexemeAt(text: string, position: number): { lexeme: Lexeme | null; length: number } | null {
  for (const rule of TOKEN_RULES) {
    rule.pattern.lastIndex = position;
    const match = rule.pattern.exec(text);
    if (match !== null) return { lexeme: rule.toLexeme(match[0]), length: match[0].length };
  }
  return null;
}

function isWord(lexeme: Lexeme | undefined, word: string): boolean {
  return lexeme !== undefined && lexeme.kind === 'word' && lexeme.word === word;
}

/** Turns "tot en met" and "tot" into separators and drops filler words. */
function groupPhrases(lexemes: readonly Lexeme[]): Lexeme[] {
  const grouped: Lexeme[] = [];
  for (let i = 0; i < lexemes.length; i++) {
    const lexeme = lexemes[i];
    if (isWord(lexeme, 'tot')) {
      if (isWord(lexemes[i + 1], 'en') && isWord(lexemes[i + 2], 'met')) {
        grouped.push(separatorLexeme('tot en met'));
        i += 2;
      } else {
        grouped.push(separatorLexeme('tot'));
      }
    } else if (!(lexeme.kind === 'word' && FILLER_WORDS.has(lexeme.word))) {
      grouped.push(lexeme);
    }
  }
  return grouped;
}

function lex(text: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let position = 0;
  while (position < text.length) {
    const match = matchLexemeAt(text, position);
    if (match === null) {
      const character = String.fromCodePoint(text.codePointAt(position) ?? 0);
      throw new NotUnderstood(SHARED_MESSAGES.unknownCharacter(character));
    }
    if (match.lexeme !== null) lexemes.push(match.lexeme);
    position += match.length;
  }
  return groupPhrases(lexemes);
}

function unexpected(lexeme: Lexeme): NotUnderstood {
  if (lexeme.kind === 'word' && !isKnownWord(lexeme.word)) {
    return new NotUnderstood(SHARED_MESSAGES.unknownWord(lexeme.raw));
  }
  return new NotUnderstood(SHARED_MESSAGES.misplaced(lexeme.raw));
}

class LexemeReader {
  private index = 0;

  constructor(private readonly lexemes: readonly Lexeme[]) {}

  next(): Lexeme | undefined {
    return this.lexemes[this.index++];
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.index];
  }

  /** The separator's text ("-", "/", "tot", ...) when one comes next, otherwise null. */
  takeSeparator(): string | null {
    const lexeme = this.peek();
    if (lexeme?.kind !== 'separator') return null;
    this.index++;
    return lexeme.raw;
  }

  takeMonth(): number | null {
    const lexeme = this.peek();
    const month = lexeme?.kind === 'word' ? monthFromDutchName(lexeme.word) : null;
    if (month !== null) this.index++;
    return month;
  }

  /** A four-digit year when one comes next, otherwise undefined. */
  takeYear(): number | undefined {
    const lexeme = this.peek();
    if (lexeme?.kind !== 'number' || lexeme.raw.length !== 4) return undefined;
    this.index++;
    return checkYear(lexeme.value);
  }

  requireYear(after: string): number {
    const year = this.takeYear();
    if (year === undefined) throw new NotUnderstood(SHARED_MESSAGES.yearMissingAfter(after));
    return year;
  }

  expectEnd(): void {
    const lexeme = this.peek();
    if (lexeme !== undefined) throw unexpected(lexeme);
  }
}

// ─── Parser ───────────────────────────────────────────────────────────────────
//
//   text      := leading? range "gereed"?
//   leading   := "uiterlijk" | "vóór" | "voor" | "tot" | "t/m" | "tot en met"
//   range     := term (separator term)?
//   separator := "-" | "–" | "—" | "/" | "t/m" | "tot en met" | "tot"
//   term      := "rond" term
//              | ("begin" | "medio" | "eind" | "einde") month? year
//              | season year | ordinal ("kwartaal" | "helft") year | "Q1".."Q4" year
//              | date | day month? year? | month year? | year
//
// Fillers ("de", "het", "van", "in") are dropped before parsing. A term may leave out
// the parts that the other side of a range supplies: "1-8 november 2017", "juni – augustus 2019".

/** A calendar term that may still miss parts ("1" in "1-8 november 2017"). */
interface PartialDate {
  readonly kind: 'partial';
  readonly day?: number;
  readonly month?: number;
  readonly year?: number;
  /** As written, for messages. */
  readonly raw: string;
}

type Term = PartialDate | { readonly kind: 'reading'; readonly reading: Reading };

const asTerm = (reading: Reading): Term => ({ kind: 'reading', reading });

function readTerm(reader: LexemeReader): Term {
  const lexeme = reader.next();
  if (lexeme === undefined) throw new NotUnderstood(SHARED_MESSAGES.dateOrPeriodMissing);
  switch (lexeme.kind) {
    case 'date':
      return asTerm(dayReading(existingDate(lexeme.year, lexeme.month, lexeme.day, lexeme.raw)));
    case 'number':
      return readNumberTerm(lexeme, reader);
    case 'word':
      return readWordTerm(lexeme, reader);
    case 'separator':
      throw unexpected(lexeme);
  }
}

/** "2017", "14 november 2016", "1 juni", or a bare day "1". */
function readNumberTerm(lexeme: Extract<Lexeme, { kind: 'number' }>, reader: LexemeReader): Term {
  if (lexeme.raw.length === 4) return { kind: 'partial', year: checkYear(lexeme.value), raw: lexeme.raw };
  if (lexeme.raw.length > 2) throw new NotUnderstood(SHARED_MESSAGES.notDayOrYear(lexeme.raw));
  const month = reader.takeMonth();
  if (month === null) return { kind: 'partial', day: lexeme.value, raw: lexeme.raw };
  const year = reader.takeYear();
  const raw = [lexeme.raw, monthName(month), year].filter((part) => part !== undefined).join(' ');
  return { kind: 'partial', day: lexeme.value, month, year, raw };
}

function readWordTerm(lexeme: Extract<Lexeme, { kind: 'word' }>, reader: LexemeReader): Term {
  const month = monthFromDutchName(lexeme.word);
  if (month !== null) {
    const year = reader.takeYear();
    return { kind: 'partial', month, year, raw: year === undefined ? lexeme.raw : `${lexeme.raw} ${year}` };
  }
  if (lexeme.word === 'rond') return asTerm(readAround(reader));
  const position = PARTS_OF_PERIOD.get(lexeme.word);
  if (position !== undefined) return asTerm(readPosition(position, lexeme.raw, reader));
  if (lexeme.word === 'winter') {
    throw new NotUnderstood(SHARED_MESSAGES.winterIsAmbiguous);
  }
  const season = seasonFromDutchName(lexeme.word);
  if (season !== null) {
    return asTerm(spanReading(seasonBounds(reader.requireYear(lexeme.raw), season), season.label));
  }
  const ordinal = ORDINALS.get(lexeme.word);
  if (ordinal !== undefined) return asTerm(readOrdinalPart(ordinal, lexeme.raw, reader));
  const quarter = quarterFromCode(lexeme.word);
  if (quarter !== null) return asTerm(quarterReading(reader.requireYear(lexeme.raw), quarter));
  throw unexpected(lexeme);
}

function quarterReading(year: number, quarter: number): Reading {
  return spanReading(quarterBounds(year, quarter), `het ${ORDINAL_NAMES[quarter - 1]} kwartaal`);
}

/** "eerste kwartaal 2020", "tweede helft 2020". */
function readOrdinalPart(ordinal: number, ordinalRaw: string, reader: LexemeReader): Reading {
  const unit = reader.next();
  const unitWord = unit?.kind === 'word' ? unit.word : null;
  if (unit === undefined || (unitWord !== 'kwartaal' && unitWord !== 'helft')) {
    throw new NotUnderstood(SHARED_MESSAGES.quarterOrHalfExpected(ordinalRaw));
  }
  const written = `${ordinalRaw} ${unit.raw}`;
  if (unitWord === 'kwartaal') return quarterReading(reader.requireYear(written), ordinal);
  if (ordinal > 2) throw new NotUnderstood(SHARED_MESSAGES.noSuchHalf(written));
  return spanReading(halfYearBounds(reader.requireYear(written), ordinal), `de ${ORDINAL_NAMES[ordinal - 1]} helft`);
}

/** "medio 2017", "begin 2018", "eind 2019", "eind september 2018". */
function readPosition(position: PartOfPeriod, positionRaw: string, reader: LexemeReader): Reading {
  const month = reader.takeMonth();
  const written = month === null ? positionRaw : `${positionRaw} ${monthName(month)}`;
  const year = reader.requireYear(written);
  const end = month === null ? positionInYear(position, year) : positionInMonth(position, year, month);
  const label = `${written.toLowerCase()} ${year}`;
  if (position === 'eind') return pointReading(end, label, []); // unambiguous: the last day
  const what = month === null ? position : `${position} ${monthName(month)}`;
  return pointReading(end, label, [`${what} gelezen als uiterlijk ${formatDayAndMonth(end)}`]);
}

/** "rond de zomer van 2017": read as the period itself, with a note saying so. */
function readAround(reader: LexemeReader): Reading {
  const inner = completeTerm(readTerm(reader));
  const note = `rond ${inner.label} gelezen als ${describeReading(inner)}`;
  return { ...inner, label: `rond ${inner.label}`, notes: [note, ...inner.notes] };
}

function completeTerm(term: Term): Reading {
  if (term.kind === 'reading') return term.reading;
  const { day, month, year, raw } = term;
  if (day !== undefined && month === undefined) throw new NotUnderstood(SHARED_MESSAGES.monthMissing(raw));
  if (year === undefined) throw new NotUnderstood(SHARED_MESSAGES.yearMissing(raw));
  if (month === undefined) return spanReading(yearBounds(year), String(year));
  if (day === undefined) return spanReading(monthBounds(year, month), monthName(month));
  return dayReading(existingDate(year, month, day, `${day} ${monthName(month)} ${year}`));
}

function isYearOnly(term: Term): term is PartialDate & { year: number } {
  return term.kind === 'partial' && term.year !== undefined && term.month === undefined && term.day === undefined;
}

/** "2017/18": a bare two-digit number after a year is the next year ending in those digits. */
function expandShortYear(first: Term, second: Term): Term {
  if (!isYearOnly(first)) return second;
  if (second.kind !== 'partial' || second.month !== undefined || second.day === undefined) return second;
  if (second.raw.length !== 2) return second;
  let year = Math.floor(first.year / 100) * 100 + second.day;
  if (year <= first.year) year += 100;
  if (year - first.year > 10) throw new NotUnderstood(SHARED_MESSAGES.notAYear(second.raw, first.year));
  return { kind: 'partial', year: checkYear(year), raw: second.raw };
}

/** Fills what the first side of a range leaves out from the second: "1-8 november 2017". */
function borrowMissingParts(first: Term, second: Term): Term {
  if (first.kind !== 'partial' || first.year !== undefined) return first;
  if (second.kind !== 'partial' || second.year === undefined) {
    throw new NotUnderstood(SHARED_MESSAGES.yearMissing(first.raw));
  }
  if (first.month === undefined) {
    if (second.month === undefined || second.day === undefined) {
      throw new NotUnderstood(SHARED_MESSAGES.monthMissing(first.raw));
    }
    return { ...first, month: second.month, year: second.year };
  }
  return { ...first, year: second.year };
}

/** "tot september" is read as "tot en met september"; the note says so. */
function untilNote(reading: Reading): string[] {
  if (reading.shape !== 'day' && reading.shape !== 'span') return [];
  return [`tot ${reading.label} gelezen als tot en met ${reading.label}`];
}

function joinRange(firstTerm: Term, separator: string, secondTerm: Term): Reading {
  const second = expandShortYear(firstTerm, secondTerm);
  const last = completeTerm(second);
  const first = completeTerm(borrowMissingParts(firstTerm, second));
  if (first.shape === 'point') {
    throw new NotUnderstood(SHARED_MESSAGES.startUnknown(first.label));
  }
  if (compareDates(last.end, first.start) < 0) {
    throw new NotUnderstood(SHARED_MESSAGES.endBeforeStart(formatDutchDate(first.start), formatDutchDate(last.end)));
  }
  const notes = [...first.notes, ...last.notes, ...(separator === 'tot' ? untilNote(last) : [])];
  return { shape: 'range', start: first.start, end: last.end, label: `${first.label} t/m ${last.label}`, notes };
}

function readRange(reader: LexemeReader): Reading {
  const first = readTerm(reader);
  const separator = reader.takeSeparator();
  if (separator === null) return completeTerm(first);
  return joinRange(first, separator, readTerm(reader));
}

// ─── Qualifiers: "uiterlijk", "vóór", "tot", "gereed" ─────────────────────────

type Leading = 'uiterlijk' | 'vóór' | 'tot' | 'tot en met';

function leadingQualifier(lexeme: Lexeme | undefined): Leading | null {
  if (lexeme?.kind === 'word') {
    if (lexeme.word === 'uiterlijk') return 'uiterlijk';
    if (lexeme.word === 'vóór' || lexeme.word === 'voor') return 'vóór';
  }
  if (lexeme?.kind === 'separator') {
    if (lexeme.raw === 'tot') return 'tot';
    if (lexeme.raw === 't/m' || lexeme.raw === 'tot en met') return 'tot en met';
  }
  return null;
}

interface Outcome {
  readonly start: CalendarDate | null;
  readonly end: CalendarDate;
  readonly notes: readonly string[];
}

/**
 * - "uiterlijk X", "t/m X", "X gereed": only an end, X's last day;
 * - "tot X": the same, read as "tot en met X";
 * - "vóór X": the day before X begins ("vóór 1 maart 2020" → 29 februari);
 *   X being an end point ("voor eind 2019") it is that end point.
 */
function applyQualifiers(reading: Reading, leading: Leading | null, done: boolean): Outcome {
  switch (leading) {
    case 'vóór':
      return { start: null, end: reading.shape === 'point' ? reading.end : dayBefore(reading.start), notes: reading.notes };
    case 'tot':
      return { start: null, end: reading.end, notes: [...reading.notes, ...untilNote(reading)] };
    case 'uiterlijk':
    case 'tot en met':
      return { start: null, end: reading.end, notes: reading.notes };
    case null: {
      // A single day is a deadline, not a one-day period.
      const deadlineOnly = done || reading.shape === 'point' || reading.shape === 'day';
      return { start: deadlineOnly ? null : reading.start, end: reading.end, notes: reading.notes };
    }
  }
}

function rejectVagueText(lowerCaseText: string): void {
  const padded = ` ${lowerCaseText} `;
  const phrase = VAGUE_PHRASES.find((candidate) => padded.includes(` ${candidate} `));
  if (phrase !== undefined) throw new NotUnderstood(SHARED_MESSAGES.vague(phrase));
}

function readDeadlineText(text: string): Outcome {
  const parseable = text.normalize('NFC');
  rejectVagueText(parseable.toLowerCase());
  let lexemes = lex(parseable);
  const leading = leadingQualifier(lexemes[0]);
  if (leading !== null) lexemes = lexemes.slice(1);
  const done = isWord(lexemes[lexemes.length - 1], 'gereed');
  if (done) lexemes = lexemes.slice(0, -1);
  if (lexemes.length === 0) throw new NotUnderstood(SHARED_MESSAGES.noDateOrPeriod);

  const reader = new LexemeReader(lexemes);
  const reading = readRange(reader);
  reader.expectEnd();
  const outcome = applyQualifiers(reading, leading, done);
  if (!isYearInRange(outcome.end.year)) {
    // Only "vóór" can step out of range: "vóór 1900" ends on 31 december 1899.
    throw new NotUnderstood(SHARED_MESSAGES.endOutOfRange(formatDutchDate(outcome.end), MIN_YEAR, MAX_YEAR));
  }
  return outcome;
}

// ─── Public functions ─────────────────────────────────────────────────────────

function normalizeText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function characterCount(text: string): number {
  return Array.from(text).length;
}

function toPeriod(text: string, outcome: Outcome): Period {
  const period: Period = {
    text,
    start: outcome.start === null ? null : toIsoDate(outcome.start),
    end: toIsoDate(outcome.end),
  };
  if (outcome.notes.length > 0) period.readingNote = outcome.notes.join('; ');
  return period;
}

/** Reads a Dutch deadline text. A refusal's message is a Dutch sentence naming what was not understood. */
export function parsePeriod(text: string): PeriodParseResult {
  if (typeof text !== 'string') return { ok: false, message: SHARED_MESSAGES.periodMissing };
  const normalized = normalizeText(text);
  if (normalized === '') return { ok: false, message: SHARED_MESSAGES.periodEmpty };
  const length = characterCount(normalized);
  if (length > MAX_TEXT_LENGTH) {
    return { ok: false, message: SHARED_MESSAGES.periodTooLong(length, MAX_TEXT_LENGTH, normalized.slice(0, 40)) };
  }
  try {
    return { ok: true, period: toPeriod(normalized, readDeadlineText(normalized)) };
  } catch (error) {
    if (error instanceof NotUnderstood) {
      return { ok: false, message: SHARED_MESSAGES.periodNotUnderstood(normalized, error.detail) };
    }
    throw error;
  }
}

/** What is wrong with a date string, or null when it is a usable calendar date. */
function calendarDateProblem(value: string): Message | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return SHARED_MESSAGES.notIsoDate(value);
  const date = parseIsoDate(value);
  if (date === null) return SHARED_MESSAGES.noSuchDate(value);
  if (!isYearInRange(date.year)) return SHARED_MESSAGES.dateYearOutOfRange(date.year, value, MIN_YEAR, MAX_YEAR);
  return null;
}

/**
 * Validates an explicitly given period (text + dates), e.g. from a data file or an API input
 * that sets the dates by hand: dates must be real calendar dates (2019-02-30 is not), end
 * required, start <= end. A refusal about a date starts with the field name: "start: ..." / "end: ...".
 */
export function validatePeriod(input: {
  text: string;
  start?: string | null;
  end: string;
  readingNote?: string | null;
}): PeriodParseResult {
  const text = typeof input.text === 'string' ? normalizeText(input.text) : '';
  if (text === '') return { ok: false, message: SHARED_MESSAGES.periodTextEmpty };
  const length = characterCount(text);
  if (length > MAX_TEXT_LENGTH) return { ok: false, message: SHARED_MESSAGES.periodTextTooLong(length, MAX_TEXT_LENGTH) };

  if (typeof input.end !== 'string' || input.end === '') return { ok: false, message: SHARED_MESSAGES.periodEndMissing };
  const endProblem = calendarDateProblem(input.end);
  if (endProblem !== null) return { ok: false, message: SHARED_MESSAGES.periodDate('end', endProblem) };

  const start = input.start ?? null;
  if (start !== null) {
    const startProblem = typeof start === 'string' ? calendarDateProblem(start) : SHARED_MESSAGES.notText;
    if (startProblem !== null) return { ok: false, message: SHARED_MESSAGES.periodDate('start', startProblem) };
    // Zero-padded ISO dates compare correctly as strings.
    if (input.end < start) {
      return { ok: false, message: SHARED_MESSAGES.periodDate('end', SHARED_MESSAGES.endBeforeStartDate(input.end, start)) };
    }
  }

  const period: Period = { text, start, end: input.end };
  const note = typeof input.readingNote === 'string' ? normalizeText(input.readingNote) : '';
  if (note !== '') period.readingNote = note;
  return { ok: true, period };
}

/** True when the string is an existing calendar date in YYYY-MM-DD form. */
export function isCalendarDate(value: string): boolean {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

/**
 * True when the period's end lies before the given calendar date (YYYY-MM-DD): the deadline has passed.
 * On the end day itself the deadline is still met. Throws a RangeError when either date is not a
 * calendar date: that is a programming error, not a matter of reading policy text.
 */
export function isPastEnd(period: Pick<Period, 'end'>, today: string): boolean {
  if (!isCalendarDate(period.end)) throw new RangeError(`isPastEnd: end "${period.end}" is not a date (YYYY-MM-DD)`);
  if (!isCalendarDate(today)) throw new RangeError(`isPastEnd: today "${today}" is not a date (YYYY-MM-DD)`);
  // Zero-padded ISO dates compare correctly as strings.
  return period.end < today;
}
