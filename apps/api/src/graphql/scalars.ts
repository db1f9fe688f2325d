import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { isCalendarDate, Message, SHARED_MESSAGES } from '@actiemonitor/domain';
import { API_MESSAGES } from '../errors/api.messages';

/**
 * ISO 8601 calendar date ("2018-06-30"). Kept as a string end to end: a deadline is a day in the
 * Netherlands, not an instant, and converting it to a JS Date would shift it across time zones.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Kalenderdatum JJJJ-MM-DD, bv. "2018-06-30" (ISO 8601 calendar date).',
  serialize: (value) => {
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    // A date the server made itself: a bug, not the user's input.
    throw new GraphQLError(`Date cannot represent '${String(value)}'`);
  },
  parseValue: (value) => parseCalendarDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError(API_MESSAGES.dateNotText.nl, { nodes: ast, extensions: { reason: API_MESSAGES.dateNotText.en } });
    }
    return parseCalendarDate(ast.value);
  },
});

/** Plans, deadlines and measurements fall in these years; anything outside is a typo or a probe. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

function parseCalendarDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) {
    const year = Number(value.slice(0, 4));
    if (year >= FIRST_YEAR && year <= LAST_YEAR) return value;
    throw badDate(API_MESSAGES.dateOutOfRange(value, FIRST_YEAR, LAST_YEAR));
  }
  throw badDate(SHARED_MESSAGES.notCalendarDate(String(value).slice(0, 40)));
}

function badDate(message: Message): GraphQLError {
  return new GraphQLError(message.nl, { extensions: { code: 'BAD_USER_INPUT', reason: message.en } });
}

/** Arbitrary JSON, for event data. */
export const JSONScalar = JSONResolver;

/** ISO 8601 instant ("2018-06-30T00:00:00.000Z"); arguments arrive as JS Dates. */
export const DateTimeScalar = DateTimeResolver;
