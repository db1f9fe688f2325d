import type { MessageCatalogue } from '@actiemonitor/domain';

/**
 * What the dashboard says in its own words when it refuses or informs: form fields it reads itself (a
 * number, a status), access and signing in, the peildatum and the logbook's filters. Pages show the
 * Dutch; the domain's refusals come from its catalogues (InvalidInput.text). Page copy (titles, help
 * text, table captions) lives in the pages.
 */
export const WEB_MESSAGES = {
  // Forms
  number: { nl: 'vul een getal in, bv. 3,2', en: 'not a number: write one like 3,2' },
  status: { nl: 'kies een status', en: 'choose a status' },
  unknownForm: { nl: 'Dit formulier bestaat niet.', en: 'unknown form' },
  formRefusedTitle: { nl: 'Formulier geweigerd', en: 'form refused' },
  formRefused: {
    nl: 'Het formulier is verlopen of kwam niet van deze site. Er is niets opgeslagen; open de pagina opnieuw.',
    en: 'the form expired or came from another site (CSRF); nothing was saved',
  },

  // Rapportage
  reportSignInNeeded: {
    nl: 'Een rapportage noemt wie wat wijzigde: log in om er een te maken.',
    en: 'a report names who changed what: sign in to make one',
  },
  reportFieldRequired: { nl: 'vul dit in', en: 'required' },
  reportFormat: { nl: 'kies Afdrukweergave (HTML), Word of Markdown', en: 'choose html, docx or md' },

  // Access and signing in
  noAccessTitle: { nl: 'Geen toegang', en: 'forbidden' },
  logbookRefused: {
    nl: 'Het logboek is alleen te zien voor auditors en coördinatoren.',
    en: 'the logbook is for auditors and coordinators',
  },
  writeRefused: { nl: 'Alleen coördinatoren (VWS, VNG, JN) kunnen dit wijzigen.', en: 'only coordinators may change this' },
  refusedNothingSaved: (refusal: string) => ({ nl: `${refusal}. Er is niets opgeslagen.`, en: 'refused; nothing was saved' }),
  reportOwnOrganisationOnly: (partnerId: string) => ({
    nl: `U kunt alleen voor uw eigen organisatie (${partnerId}) een voortgangsupdate indienen. Er is niets opgeslagen.`,
    en: `you can only submit progress updates for your own organisation (${partnerId})`,
  }),
  staleDaysNumber: { nl: 'vul een geheel aantal dagen in, van 1 tot 3650', en: 'a whole number of days from 1 to 3650' },
  measurementTargetMissing: {
    nl: 'kies het doel waarvoor de meting geldt, of laat waarde en datum leeg',
    en: 'choose the target the measurement is for, or leave value and date empty',
  },
  meetingTaken: (meetingId: string) => ({
    nl: `er is al een overleg met deze datum en dit onderwerp (${meetingId}); kies een ander onderwerp`,
    en: `a meeting with this date and subject already exists (${meetingId})`,
  }),
  agreementActionTaken: (actionId: string) => ({
    nl: `er is al een actie met id ${actionId}; kies een andere titel`,
    en: `an action with id ${actionId} already exists`,
  }),
  roundTitleRequired: { nl: 'is verplicht en mag niet leeg zijn', en: 'required' },
  roundTitleNoSlug: { nl: 'gebruik letters of cijfers in de titel', en: 'the title needs letters or digits' },
  reportRefused: {
    nl: 'Alleen eigenaren van een actie (partners en coördinatoren met hun organisatie in hun token) kunnen een voortgangsupdate indienen.',
    en: 'only owners of an action may submit a progress update',
  },
  signInFormRefused: {
    nl: 'Het formulier is verlopen of kwam niet van deze site; probeer het opnieuw.',
    en: 'the sign-in form expired or came from another site (CSRF)',
  },
  tokenMissing: { nl: 'Vul uw token in.', en: 'no token given' },
  tokenRefused: { nl: 'Dit token is onbekend, verlopen of ingetrokken.', en: 'unknown, expired or revoked token' },
  sessionEnded: {
    nl: 'Uw sessie is beëindigd: het token is verlopen of ingetrokken. Log opnieuw in.',
    en: 'session ended: the token expired or was revoked',
  },
  signedOut: { nl: 'U bent uitgelogd.', en: 'signed out' },
  signOutRefused: {
    nl: 'Uitloggen mislukt: het formulier was verlopen. Probeer het opnieuw.',
    en: 'sign-out failed: the form had expired',
  },
  oidcFailed: {
    nl: 'Inloggen bij uw organisatie is niet gelukt. Probeer het opnieuw, of log in met een token.',
    en: "signing in with the organisation's identity provider failed",
  },
  oidcNotConfigured: { nl: 'Inloggen via een identiteitsprovider is hier niet ingesteld.', en: 'OIDC sign-in is not configured' },

  // ?peildatum=
  noSuchDate: { nl: 'deze datum bestaat niet', en: 'the date does not exist' },
  before1900: { nl: 'kies een datum na 1900', en: 'the date lies before 1900' },
  inFuture: { nl: 'ligt in de toekomst', en: 'the moment lies in the future' },
  noSuchMoment: { nl: 'dit tijdstip bestaat niet', en: 'the date-time does not exist' },
  peildatumForm: {
    nl: 'schrijf een datum als 2018-06-30, of een datum en tijd als 2018-06-30T14:00',
    en: 'not a date like 2018-06-30 or a date-time like 2018-06-30T14:00',
  },

  // The logbook's filters
  streamFilter: { nl: 'geen stroom-id; schrijf bv. action-pleegzorg-3-4', en: 'not a stream id such as action-pleegzorg-3-4' },
  actorFilter: { nl: 'letters, cijfers en : . _ -', en: 'an actor id has letters, digits and : . _ - only' },
  dateFilter: { nl: 'schrijf de datum als 2018-06-30', en: 'not a date like 2018-06-30' },
} satisfies MessageCatalogue;
