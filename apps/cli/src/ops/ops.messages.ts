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
} satisfies MessageCatalogue;
