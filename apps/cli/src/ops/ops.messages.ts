import type { MessageCatalogue } from '@actiemonitor/domain';

/** What the operations commands (verify --file, backup, restore, copy-log) tell the operator. */
export const OPS_MESSAGES = {
  fileOption: {
    nl: 'controleer een geëxporteerd logboek (export --format ndjson) zonder server of database',
    en: 'check an exported log (export --format ndjson) without a server or database',
  },
  fileIntact: (count: number, headHash: string) => ({
    nl: `OK: ${count} regels, keten intact; kop-hash ${headHash}`,
    en: `OK: ${count} lines, chain intact; head hash ${headHash}`,
  }),
  fileBroken: (line: number, position: string, detail: string) => ({
    nl: `FOUT op regel ${line} (positie ${position}): ${detail}`,
    en: `broken chain at line ${line} (position ${position}): ${detail}`,
  }),
  fileUnreadable: (file: string, detail: string) => ({
    nl: `bestand ${file} niet leesbaar: ${detail}`,
    en: `cannot read file ${file}: ${detail}`,
  }),
  lineMalformed: (field: string) => ({
    nl: field === 'json' ? 'de regel is geen JSON-object' : `veld ${field} ontbreekt of heeft de verkeerde vorm`,
    en: field === 'json' ? 'the line is not a JSON object' : `field ${field} is missing or malformed`,
  }),
  fileEmpty: (file: string) => ({ nl: `bestand ${file} bevat geen gebeurtenissen`, en: `file ${file} holds no events` }),
  // backup and restore
  backupOnlySqlite: (store: string) => ({
    nl: `backup maakt een kopie van de ingebouwde SQLite-opslag; met EVENT_STORE=${store} maakt u een backup met de gereedschappen van die database (pg_dump voor PostgreSQL, zie docs/operations.md)`,
    en: `backup copies the embedded SQLite store; with EVENT_STORE=${store} back up with that database's own tools (pg_dump for PostgreSQL, see docs/operations.md)`,
  }),
  noStore: (file: string) => ({ nl: `geen opslag gevonden in ${file}`, en: `no store found at ${file}` }),
  outputExists: (file: string) => ({
    nl: `${file} bestaat al; kies een nieuwe bestandsnaam (een backup overschrijft niets)`,
    en: `${file} already exists; choose a new file name (a backup overwrites nothing)`,
  }),
  backupDone: (file: string, count: number, headHash: string) => ({
    nl: `OK: backup ${file} geschreven en gecontroleerd: ${count} gebeurtenissen, keten intact; kop-hash ${headHash}`,
    en: `OK: backup ${file} written and checked: ${count} events, chain intact; head hash ${headHash}`,
  }),
  copyBroken: (position: string, detail: string) => ({
    nl: `de kopie is niet bruikbaar: keten gebroken op positie ${position}: ${detail}`,
    en: `the copy is not usable: chain broken at position ${position}: ${detail}`,
  }),
  notABackup: (file: string) => ({
    nl: `${file} is geen backup van Actiemonitor (geen SQLite-bestand met een logboek)`,
    en: `${file} is not an Actiemonitor backup (not a SQLite file holding a log)`,
  }),
  dataDirNotEmpty: (dir: string, entries: string) => ({
    nl: `DATA_DIR ${dir} is niet leeg (${entries}); restore vult alleen een lege map en heeft niets geschreven`,
    en: `DATA_DIR ${dir} is not empty (${entries}); restore fills an empty directory only and wrote nothing`,
  }),
  restoreDone: (dir: string, count: number, headHash: string) => ({
    nl: `OK: ${dir} hersteld: ${count} gebeurtenissen, keten intact; kop-hash ${headHash}; de leesmodellen komen mee en worden bij de start bijgewerkt`,
    en: `OK: ${dir} restored: ${count} events, chain intact; head hash ${headHash}; the read models come along and catch up at start`,
  }),
  optionMissing: (option: string) => ({ nl: `${option} <bestand> ontbreekt`, en: `${option} <file> is missing` }),
  backupCommand: {
    nl: 'Maak een gecontroleerde kopie van de ingebouwde opslag terwijl de server draait',
    en: 'make a checked copy of the embedded store while the server runs',
  },
  restoreCommand: { nl: 'Zet een backup terug in een lege DATA_DIR', en: 'restore a backup into an empty DATA_DIR' },
  copyLogCommand: {
    nl: 'Kopieer het logboek onveranderd naar een andere opslag (PostgreSQL), met tokens; hervat na een onderbreking',
    en: 'copy the log unchanged to another store (PostgreSQL), with tokens; resumes after an interruption',
  },
  outputOption: { nl: 'het nieuwe backupbestand', en: 'the new backup file' },
  fromBackupOption: { nl: 'het backupbestand', en: 'the backup file' },
  fromStoreOption: {
    nl: 'de bron: postgres://… of sqlite:<DATA_DIR>; standaard de ingestelde opslag',
    en: 'the source: postgres://… or sqlite:<DATA_DIR>; default the configured store',
  },
  toStoreOption: { nl: 'het doel: postgres://… of sqlite:<DATA_DIR>', en: 'the target: postgres://… or sqlite:<DATA_DIR>' },
  pageSizeOption: { nl: 'gebeurtenissen per transactie (standaard 1000)', en: 'events per transaction (default 1000)' },
  // copy-log
  storeUrl: (value: string) => ({
    nl: `onbekende opslag '${value}': geef postgres://… of sqlite:<DATA_DIR>`,
    en: `unknown store '${value}': give postgres://… or sqlite:<DATA_DIR>`,
  }),
  copyTargetKind: {
    nl: 'copy-log kopieert naar PostgreSQL of naar de ingebouwde opslag: geef --to postgres://… of sqlite:<DATA_DIR>',
    en: 'copy-log copies to PostgreSQL or to the embedded store: give --to postgres://… or sqlite:<DATA_DIR>',
  },
  copySameStore: { nl: '--from en --to zijn dezelfde opslag', en: '--from and --to are the same store' },
  copyRefused: (position: string) => ({
    nl: `het doel bevat een ander logboek (positie ${position} verschilt van de bron of ligt erachter); er is niets geschreven`,
    en: `the target holds a different log (position ${position} differs from the source or lies beyond it); nothing was written`,
  }),
  copyResuming: (position: string) => ({
    nl: `het doel bevat de eerste ${position} gebeurtenissen van dit logboek: verder vanaf positie ${position}`,
    en: `the target holds the first ${position} events of this log: resuming after position ${position}`,
  }),
  copyProgress: (done: string, total: string) => ({
    nl: `copy-log: ${done}/${total} gebeurtenissen gekopieerd`,
    en: `copy-log: ${done}/${total} events copied`,
  }),
  copyDone: (count: number, headHash: string, tokens: number, contacts: number) => ({
    nl: `OK: doel bevat ${count} gebeurtenissen, keten intact; kop-hash ${headHash}; ${tokens} tokens en ${contacts} contactadressen meegenomen; leesmodellen opnieuw opgebouwd`,
    en: `OK: target holds ${count} events, chain intact; head hash ${headHash}; ${tokens} tokens and ${contacts} contact addresses taken along; read models rebuilt`,
  }),
  copyHeadDiffers: (target: string, source: string) => ({
    nl: `de kop-hash van het doel (${target}) is niet die van de bron (${source})`,
    en: `the target's head hash (${target}) is not the source's (${source})`,
  }),
  pageSize: { nl: '--page-size moet een geheel getal van 1 tot 10000 zijn', en: '--page-size must be a whole number from 1 to 10000' },
} satisfies MessageCatalogue;
