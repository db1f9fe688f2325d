import type { MessageCatalogue } from '@actiemonitor/domain';

/**
 * What users read from the application layer: tokens, partners named by users, queries, command ids,
 * conflicts and authorization. The aggregates' own messages are in the domain's catalogues.
 */
export const APPLICATION_MESSAGES = {
  // API tokens (TokenService; also the PostgreSQL token table's unique name)
  tokenNameInvalid: {
    nl: "letters, cijfers, '.', '_' of '-', hoogstens 64 tekens",
    en: "invalid token name: letters, digits, '.', '_' or '-', up to 64 characters",
  },
  tokenRoleInvalid: (roles: string) => ({ nl: `kies uit ${roles}`, en: `choose one of ${roles}` }),
  tokenPartnerIdInvalid: (partnerId: string) => ({
    nl: `'${partnerId}' is geen partner-id, zoals VWS, VNG of JN`,
    en: `'${partnerId}' is not a partner id such as VWS, VNG or JN`,
  }),
  partnerTokenNeedsPartner: { nl: 'een PARTNER-token hoort bij een partner', en: 'a PARTNER token needs a partner' },
  tokenExpiryNotInFuture: { nl: 'moet een tijdstip in de toekomst zijn', en: 'must be a future ISO date-time' },
  tokenNameInUse: (name: string) => ({ nl: `er bestaat al een token '${name}'`, en: `a token named '${name}' already exists` }),

  /** A partner a user names (`tokens create --partner`) that is not registered; `nearest` is a likely typo's target. */
  unknownPartner: (input: string, nearest: string | null, known: string) => ({
    nl:
      `onbekende partner '${input}'.` +
      (nearest ? ` Bedoelt u ${nearest}?` : '') +
      (known ? ` Bekende partners: ${known}.` : ' Er zijn nog geen partners: start eerst de server, die de plannen importeert.'),
    en:
      `unknown partner '${input}'.` +
      (nearest ? ` Did you mean ${nearest}?` : '') +
      (known ? ` Known partners: ${known}.` : ' There are no partners yet: start the server first, it imports the plans.'),
  }),

  // Regions report on their own regional actions
  regionOnlyOwn: {
    nl: 'een partner-token mag alleen rapporteren op regionale acties van de eigen regio',
    en: "a partner token may only report on its own region's regional actions",
  },
  partnerMayNot: {
    nl: 'een partner-token mag dit niet; stel als eigenaar een voortgangsupdate voor, of vraag een coördinator',
    en: 'a partner token may not do this; as an owner, propose a progress update, or ask a coordinator',
  },

  // Partners' contact addresses (personal data: a refusal never repeats the address)
  emailRequired: { nl: 'is verplicht, bv. naam@organisatie.nl', en: 'required' },
  emailTooLong: (length: number, max: number) => ({
    nl: `is ${length} tekens lang; het maximum is ${max}`,
    en: `too long: ${length} characters, ${max} at most`,
  }),
  emailShape: {
    nl: "is geen e-mailadres: één '@' tussen naam en domein, bv. naam@organisatie.nl",
    en: 'not an e-mail address: one @ between name and domain',
  },
  emailLocalPart: {
    nl: "het deel vóór '@' mag letters zonder accent, cijfers en . _ - + bevatten, niet beginnen of eindigen met een punt en hoogstens 64 tekens lang zijn",
    en: 'invalid local part: unaccented letters, digits and . _ - +, no dot first or last, up to 64 characters',
  },
  emailDomain: { nl: "na '@' hoort een internetdomein, bv. organisatie.nl", en: 'invalid domain after @' },
  contactNameControl: { nl: 'bevat stuurtekens of regeleinden', en: 'control characters and line breaks are not allowed' },
  contactPartnerRequired: { nl: 'is verplicht, bv. NVP', en: 'required' },

  // The hash chain's findings (cli verify, the logbook)
  chainGap: (follows: string) => ({
    nl: `deze positie volgt op ${follows}: er ontbreekt een gebeurtenis of de volgorde klopt niet`,
    en: `follows ${follows}: an event is missing or out of order`,
  }),
  chainMissing: (nextAt: string) => ({
    nl: `deze positie ontbreekt: de volgende gebeurtenis staat op ${nextAt}`,
    en: `this position is missing: the next event is at ${nextAt}`,
  }),
  chainLink: { nl: 'de verwijzing naar de vorige hash klopt niet', en: 'prevHash does not link to the previous hash' },
  chainAltered: {
    nl: 'de opgeslagen hash klopt niet met de herberekende: de gebeurtenis is gewijzigd',
    en: 'the stored hash does not match the recomputed one: the event was altered',
  },

  // Queries
  asOfInvalid: { nl: 'geen geldig tijdstip', en: 'invalid date-time' },
  asOfInFuture: { nl: 'ligt in de toekomst', en: 'asOf is in the future' },
  meetingNotFound: (meetingId: string) => ({ nl: `Overleg '${meetingId}' bestaat niet`, en: `meeting '${meetingId}' not found` }),
  roundNotFound: (roundId: string) => ({ nl: `Rapportageronde '${roundId}' bestaat niet`, en: `reporting round '${roundId}' not found` }),
  staleDaysRange: { nl: 'een geheel aantal dagen van 1 tot 3650', en: 'a whole number of days from 1 to 3650' },
  positionInvalid: {
    nl: 'moet een positie zijn: een geheel getal als tekst, bv. "120"',
    en: 'must be a log position: a decimal integer as a string, e.g. "120"',
  },

  // Commands: idempotency keys and versions (for StreamCommandExecutor)
  commandIdInvalid: {
    nl: "letters, cijfers en ':._-', hoogstens 128 tekens",
    en: "invalid idempotency key: letters, digits and ':._-', up to 128 characters",
  },
  commandIdReused: (streamId: string) => ({
    nl: `is al gebruikt voor een andere opdracht (${streamId})`,
    en: `idempotency key reused: it was used for a command on ${streamId}`,
  }),
  staleVersion: (streamId: string, currentVersion: number, expectedVersion: number) => ({
    nl: `Versieconflict: ${streamId} staat op versie ${currentVersion}, verwacht was ${expectedVersion}; laad opnieuw`,
    en: `stale expectedVersion: ${streamId} is on version ${currentVersion}, not ${expectedVersion}; reload`,
  }),
  concurrentWrite: (streamId: string) => ({
    nl: `Versieconflict: ${streamId} is intussen gewijzigd; laad opnieuw`,
    en: `concurrent write: ${streamId} changed meanwhile; reload`,
  }),

  // Progress reports (changes and report over a period)
  reportDateInvalid: (value: string) => ({
    nl: `'${value}' is geen datum (JJJJ-MM-DD) of tijdstip (ISO 8601)`,
    en: `'${value}' is not a date (YYYY-MM-DD) or an ISO 8601 instant`,
  }),
  reportToBeforeFrom: (from: string, to: string) => ({
    nl: `het einde (${to}) ligt vóór het begin (${from}) van de periode`,
    en: `the end (${to}) lies before the start (${from}) of the period`,
  }),
  reportPeriodInFuture: (to: string) => ({
    nl: `${to} ligt in de toekomst: een rapportage gaat over een periode die (deels) voorbij is`,
    en: `${to} is in the future: a report covers a period that has (partly) passed`,
  }),
  reportUnknownPartner: (input: string) => ({
    nl: `onbekende partner '${input}'`,
    en: `unknown partner '${input}'`,
  }),
  reportOnlyOwnActions: {
    nl: 'een partner mag alleen een overzicht van de eigen acties opvragen',
    en: 'a partner may only ask about its own actions',
  },

  // Authorization
  unauthenticated: {
    nl: 'Geen geldig token: stuur "Authorization: Bearer <token>"',
    en: 'missing, unknown, expired or revoked token',
  },
  forbidden: (role: string, operation: string) => ({
    nl: `Rol ${role} mag dit niet: ${operation}`,
    en: `${operation} is not allowed for role ${role}`,
  }),
} satisfies MessageCatalogue;
