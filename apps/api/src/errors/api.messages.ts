import type { MessageCatalogue } from '@actiemonitor/domain';

/**
 * What users read from the API's edge: input shape checks before the domain sees a command, the date
 * scalar, query limits, and the errors that are not the user's (internal, store unavailable, health).
 * The rule for messages is in the domain's shared/errors.ts.
 */
export const API_MESSAGES = {
  // Input shapes (class-validator decorators and argument pipes, graphql/inputs/validation.ts)
  slugId: {
    nl: "kleine letters, cijfers en '-', hoogstens 80 tekens",
    en: "not a slug: lower-case letters, digits and '-', up to 80 characters",
  },
  partnerId: {
    nl: "hoofdletters, cijfers en '-', bv. VWS of NJI",
    en: "not a partner id: an upper-case acronym of letters, digits and '-', e.g. VWS or NJI",
  },
  measurementId: {
    nl: "een meting-id zoals 'pleegzorg-3-inschrijvingen-2017-m1'",
    en: "not a measurement id such as 'pleegzorg-3-inschrijvingen-2017-m1'",
  },
  streamId: { nl: "een stroom zoals 'action-pleegzorg-3-4'", en: "not a stream id such as 'action-pleegzorg-3-4'" },
  position: { nl: 'een positie als tekst, bv. "120"', en: 'not a decimal log position such as "120"' },
  positionBeyondLog: { nl: 'voorbij het einde van het logboek', en: 'position out of range' },
  maxCharacters: (max: number) => ({ nl: `hoogstens ${max} tekens`, en: `too long: up to ${max} characters` }),
  characterCount: (max: number) => ({ nl: `1 tot ${max} tekens`, en: `must be 1 to ${max} characters` }),
  notText: { nl: 'moet tekst zijn', en: 'must be a string' },
  maxItems: (max: number) => ({ nl: `hoogstens ${max} waarden`, en: `too many values: up to ${max}` }),
  integer: { nl: 'een geheel getal', en: 'must be an integer' },
  notNegative: { nl: 'niet negatief', en: 'must be ≥ 0' },
  notBelow: (min: number) => ({ nl: `niet kleiner dan ${min}`, en: `must be ≥ ${min}` }),
  notAbove: (max: number) => ({ nl: `niet groter dan ${max}`, en: `must be ≤ ${max}` }),
  tooLarge: { nl: 'te groot', en: 'too large' },
  finiteNumber: { nl: 'een eindig getal', en: 'must be a finite number' },
  invalidInput: { nl: 'ongeldige invoer', en: 'invalid input' },

  // The Date scalar
  dateNotText: { nl: 'Date: verwacht tekst JJJJ-MM-DD', en: 'Date: expected a string YYYY-MM-DD' },
  dateOutOfRange: (value: string, firstYear: number, lastYear: number) => ({
    nl: `'${value}' ligt niet tussen ${firstYear} en ${lastYear}`,
    en: `date out of range: '${value}' is not within ${firstYear}–${lastYear}`,
  }),

  // Query limits and rate limiting
  notAcceptable: {
    nl: 'Accept-header niet ondersteund: vraag application/graphql-response+json of application/json',
    en: 'unsupported Accept header: ask for application/graphql-response+json or application/json',
  },
  unknownOperation: (name: string | null) => ({
    nl: name === null ? 'Het document bevat meer operaties: kies er een met operationName' : `Onbekende operatie ${name}`,
    en: name === null ? 'the document holds several operations: choose one with operationName' : `unknown operation ${name}`,
  }),
  notGraphQL: { nl: 'de query is geen GraphQL-document', en: 'the query is not a GraphQL document' },
  tooManySubscriptions: (maximum: number) => ({
    nl: `Te veel abonnementen op deze verbinding: hoogstens ${maximum}; beëindig er een of open een nieuwe verbinding`,
    en: `too many subscriptions on this connection: up to ${maximum}; complete one or open another connection`,
  }),
  subscriptionsOverWebSocket: {
    nl: 'Abonnementen (subscription) lopen over een WebSocket (graphql-transport-ws) op /graphql, niet over HTTP',
    en: 'subscriptions are served over a WebSocket (graphql-transport-ws) on /graphql, not over HTTP',
  },
  queryTooCostly: (cost: number | null, maximum: number) => ({
    nl: `Query te duur: geschatte kosten ${cost ?? 'onbegrensd'}, maximum ${maximum}; vraag minder geneste lijsten`,
    en: `query cost limit exceeded: estimated ${cost ?? 'unbounded'}, maximum ${maximum}; ask for fewer nested lists`,
  }),
  tooManyRequests: (seconds: number, perMinute: number) => ({
    nl: `Te veel verzoeken; probeer het over ${seconds} seconden opnieuw`,
    en: `rate limit of ${perMinute} per minute exceeded; retry in ${seconds} seconds`,
  }),

  // Errors that are not the user's
  internal: { nl: 'Interne fout; probeer het later opnieuw', en: 'internal error' },
  storeUnavailable: {
    nl: 'De opslag is tijdelijk niet bereikbaar; probeer het zo opnieuw, met dezelfde commandId',
    en: 'store unavailable; retry with the same commandId',
  },

  // Health (/health/ready)
  storeNotAnswering: { nl: 'de gebeurtenissenopslag antwoordt niet', en: 'event store not answering' },
  projectionStopped: { nl: 'projectie gestopt', en: 'projection stopped' },
  readModelsBehind: { nl: 'leesmodellen lopen achter', en: 'read models behind' },
} satisfies MessageCatalogue;
