import type { MessageCatalogue } from '@actiemonitor/domain';

/**
 * What the CLI says to the people who run it: command and option descriptions (`--help`), refusals on
 * stderr, results on stdout. They read the Dutch; the rule for messages is in the domain's shared/errors.ts.
 */
export const CLI_MESSAGES = {
  failed: (detail: string) => ({ nl: `Fout: ${detail}`, en: `error: ${detail}` }),

  // contacts and reminders
  contacts: { nl: 'Contactadressen van partners voor herinneringen beheren', en: 'manage partner contact addresses' },
  contactsUsage: { nl: 'gebruik: contacts add | list | remove', en: 'usage: contacts add, list or remove' },
  contactsAdd: { nl: 'Registreer een contactadres van een partner voor herinneringen', en: 'register a contact address' },
  contactsList: { nl: 'Toon de contactadressen, van één partner of van alle', en: 'list contact addresses' },
  contactsRemove: { nl: 'Wis een contactadres; er blijft niets van bewaard', en: 'erase a contact address' },
  contactPartnerRequired: { nl: '--partner: verplicht, bv. NVP', en: '--partner: required' },
  contactEmailRequired: { nl: '--email: verplicht, bv. naam@organisatie.nl', en: '--email: required' },
  reminders: {
    nl: 'Herinneringen voor een rapportageronde: per partner met ontbrekende updates één e-mail; zonder --send alleen tonen',
    en: 'reminders for a reporting round: one e-mail per partner with missing updates; printed unless --send',
  },
  roundRequired: { nl: '--round: verplicht, het id van de rapportageronde', en: '--round: required, the reporting round id' },
  addressesRejected: (rejected: number) => ({ nl: `; ${rejected} geweigerd`, en: `; ${rejected} rejected` }),
  notSent: (partnerId: string, error: string) => ({ nl: `${partnerId}: niet verstuurd: ${error}`, en: `${partnerId}: not sent: ${error}` }),
  dryRun: (messages: number) => ({
    nl: `Niets verstuurd (proefrun): ${messages} ${messages === 1 ? 'bericht' : 'berichten'}; versturen met --send.`,
    en: `nothing sent (dry run): ${messages} messages; send with --send`,
  }),

  // tokens
  tokens: { nl: 'API-tokens beheren', en: 'manage API tokens' },
  tokensUsage: { nl: 'gebruik: tokens create | revoke | list', en: 'usage: tokens create, revoke or list' },
  tokensCreate: {
    nl: 'Maak een API-token; het token staat alleen op de laatste regel',
    en: 'create an API token; the token is alone on the last line',
  },
  tokensRevoke: { nl: 'Trek een token in; het werkt meteen niet meer', en: 'revoke a token; it stops working at once' },
  tokensList: { nl: 'Toon alle tokens, zonder geheimen', en: 'list all tokens, without secrets' },
  roleOption: { nl: 'coordinator | partner | auditor', en: 'the role: coordinator, partner or auditor' },
  partnerOption: { nl: 'partner-id, bv. VWS, VNG, JN', en: 'partner id, e.g. VWS, VNG, JN' },
  nameOption: { nl: 'uniek label, bv. vws-coordinator', en: 'unique label, e.g. vws-coordinator' },
  expiresOption: { nl: 'vervaldatum, bv. 2027-12-31T23:59:59Z', en: 'expiry date-time, e.g. 2027-12-31T23:59:59Z' },
  revokeNameOption: { nl: 'het label van het token', en: "the token's label" },
  roleChoice: (roles: string) => ({ nl: `--role: kies uit ${roles}`, en: `--role: choose one of ${roles}` }),
  nameRequiredToCreate: { nl: '--name: verplicht, een herkenbaar label', en: '--name: required, a recognisable label' },
  nameRequired: { nl: '--name: verplicht', en: '--name: required' },
  noActiveToken: (name: string) => ({
    nl: `--name: geen actief token met de naam '${name}'`,
    en: `--name: no active token named '${name}'`,
  }),
  tokenCreated: (name: string, holder: string) => ({
    nl: `Token '${name}' (${holder}) aangemaakt; bewaar het nu, het wordt niet opnieuw getoond.`,
    en: `token '${name}' (${holder}) created; keep it now, it is not shown again`,
  }),
  tokenRevoked: (name: string) => ({ nl: `Token '${name}' ingetrokken`, en: `token '${name}' revoked` }),
  tokenRevokedAt: (at: string) => ({ nl: `ingetrokken ${at}`, en: `revoked ${at}` }),
  tokenValidUntil: (at: string) => ({ nl: `geldig tot ${at}`, en: `valid until ${at}` }),
  tokenActive: { nl: 'actief', en: 'active' },

  // import
  import: { nl: 'Importeer de plannen uit PLANS_DIR; een tweede keer legt niets dubbel vast', en: 'import the plans (idempotent)' },
  imported: (applied: number, total: number) => ({
    nl: `${applied} van ${total} onderdelen nieuw vastgelegd`,
    en: `${applied} of ${total} items imported`,
  }),

  // replay
  replay: {
    nl: 'Bouw alle leesmodellen opnieuw op uit het logboek; met --verify alleen vergelijken',
    en: 'rebuild the read models from the log; --verify compares only',
  },
  verifyOption: {
    nl: 'vergelijk alleen, rij voor rij; exit 1 bij het eerste verschil',
    en: 'compare only, row by row; exit 1 on the first difference',
  },
  replayIdentical: (events: number, perSecond: number) => ({
    nl: `OK: leesmodellen gelijk aan een herbouw uit ${events} gebeurtenissen (${perSecond}/s)`,
    en: `OK: the read models are identical to a rebuild from ${events} events`,
  }),
  rebuilt: (events: number, seconds: string, perSecond: number) => ({
    nl: `Herbouwd: ${events} gebeurtenissen toegepast in ${seconds} s (${perSecond}/s)`,
    en: `rebuilt: ${events} events applied in ${seconds} s`,
  }),

  // verify
  verify: {
    nl: 'Controleer de hashketen van het hele logboek: het bewijs dat het niet is herschreven',
    en: 'walk the hash chain: proof the log was not rewritten',
  },
  chainIntact: (count: number, headHash: string) => ({
    nl: `OK: ${count} gebeurtenissen, keten intact; kop-hash ${headHash}`,
    en: `OK: ${count} events, chain intact; head hash ${headHash}`,
  }),
  /** `detail` is the event store's finding, which it words in English: see docs/decisions.md (68). */
  chainBroken: (position: string, detail: string) => ({
    nl: `FOUT op positie ${position}: ${detail}`,
    en: `broken chain at position ${position}: ${detail}`,
  }),

  verifyUntilOption: {
    nl: 'controleer alleen t/m deze logpositie en toon de kop-hash op die positie (zoals op een rapportage)',
    en: 'verify up to this log position only and print the head hash there (as a report states it)',
  },
  positionInvalid: (value: string) => ({
    nl: `--until: '${value}' is geen logpositie (een geheel getal vanaf 1)`,
    en: `--until: '${value}' is not a log position (an integer from 1)`,
  }),
  positionBeyondHead: (value: string, head: string) => ({
    nl: `--until: positie ${value} bestaat nog niet; het logboek loopt t/m ${head}`,
    en: `--until: position ${value} does not exist yet; the log ends at ${head}`,
  }),
  chainIntactUntil: (position: string, headHash: string) => ({
    nl: `OK: keten intact t/m positie ${position}; kop-hash ${headHash}`,
    en: `OK: chain intact up to position ${position}; head hash ${headHash}`,
  }),

  // report
  report: {
    nl: 'Maak een voortgangsrapportage van een plan over een periode (docx, html of md)',
    en: 'make a progress report of a plan over a period (docx, html or md)',
  },
  reportPlanOption: { nl: 'het plan, bv. actieplan-pleegzorg-2017-2018', en: 'the plan id' },
  reportFromOption: { nl: 'begin van de periode: datum (2018-01-01) of ISO-tijdstip', en: 'start of the period: date or ISO instant' },
  reportToOption: { nl: 'eind van de periode: datum (2018-06-30) of ISO-tijdstip', en: 'end of the period: date or ISO instant' },
  reportFormatOption: { nl: 'docx | html | md (standaard md)', en: 'docx, html or md (default md)' },
  reportPartnerOption: { nl: 'alleen de acties van deze partner, bv. NVP', en: "only this partner's actions" },
  reportOutputOption: { nl: 'schrijf naar dit bestand (anders naar stdout)', en: 'write to this file (stdout otherwise)' },
  reportMadeOnOption: {
    nl: 'datum opgemaakt op de titelpagina (standaard vandaag); geef hem mee om een rapportage exact na te maken',
    en: 'the date made on the title page (default today); pass it to reproduce a report exactly',
  },
  reportArgumentRequired: (name: string, example: string) => ({
    nl: `--${name}: verplicht, bv. ${example}`,
    en: `--${name}: required, e.g. ${example}`,
  }),
  reportFormatChoice: (format: string) => ({
    nl: `--format: kies docx, html of md, niet '${format}'`,
    en: `--format: choose docx, html or md, not '${format}'`,
  }),
  reportMadeOnInvalid: (value: string) => ({
    nl: `--made-on: '${value}' is geen datum (JJJJ-MM-DD)`,
    en: `--made-on: '${value}' is not a date (YYYY-MM-DD)`,
  }),
  reportWritten: (file: string, position: string, hash: string) => ({
    nl: `Rapportage geschreven naar ${file} (logpositie ${position}, kop-hash ${hash})`,
    en: `report written to ${file} (log position ${position}, head hash ${hash})`,
  }),

  // export
  export: {
    nl: 'Exporteer het logboek (--format ndjson) of de stand per actie (--format csv, voor Excel)',
    en: 'export the log (ndjson) or the status per action (csv, for Excel)',
  },
  formatOption: {
    nl: 'ndjson (alle gebeurtenissen) of csv (stand per actie)',
    en: 'ndjson for every event, csv for the status per action',
  },
  outputOption: { nl: 'schrijf naar een bestand in plaats van stdout', en: 'write to a file instead of stdout' },
  formatChoice: (format: string) => ({
    nl: `--format: kies ndjson of csv, niet '${format}'`,
    en: `--format: choose ndjson or csv, not '${format}'`,
  }),
} satisfies MessageCatalogue;
