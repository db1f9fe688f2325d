/**
 * What users read is a catalogue entry, never a literal at the throw site (the rule is in errors.ts).
 * Each layer keeps one catalogue (`*.messages.ts`); an entry is a Message, or a function that puts
 * values (an id, a limit) into one.
 */
export interface Message {
  /** The text users read: Dutch only, no English gist in parentheses. */
  readonly nl: string;
  /** Its meaning in short English, for API clients (`extensions.reason`) and developers. */
  readonly en: string;
}

export type MessageEntry = Message | ((...values: never[]) => Message);

/** The messages of one aggregate or layer, by name. */
export type MessageCatalogue = Readonly<Record<string, MessageEntry>>;

/**
 * Words that mark an English gist when they stand inside parentheses in a Dutch text, as in the old
 * "is verplicht (required)". Words Dutch shares (in, is, of, was, per, partner, token, import, query, id) are left out.
 */
const ENGLISH_MARKERS = new Set(
  (
    'a an the to be not no are must may can cannot only already yet too more less than least most required found ' +
    'missing unknown invalid error internal allowed owner owners duplicate latest report set long short large small ' +
    'number finite range date real calendar string integer position decimal future name use used key reused stale ' +
    'concurrent write retry unavailable store behind stopped resumed answering create list revoke revoked manage ' +
    'imported rebuild identical head chain proof rewritten characters character letters digits control lower upper ' +
    'case acronym slug measurement action line event events models read projection connection lost unreachable ' +
    'failed configuration expected exceeded minute needs need reload changed meanwhile'
  ).split(' '),
);

const PARENTHESISED = /\(([^()]*)\)/g;

/** Whether a Dutch text carries an English gist in parentheses. */
export function hasEnglishGist(dutch: string): boolean {
  for (const [, inner] of dutch.matchAll(PARENTHESISED)) {
    const words = inner.toLowerCase().match(/[a-z]+/g) ?? [];
    if (words.some((word) => ENGLISH_MARKERS.has(word))) return true;
  }
  return false;
}

/**
 * A stand-in for any value a message function takes: it reads as `‹value›` inside a template, and as a
 * message (`.nl`, `.en`) where the function composes one message from another.
 */
function sampleValue(index: number): string {
  return Object.assign(new String(`‹value ${index + 1}›`), { nl: `‹nl ${index + 1}›`, en: `‹en ${index + 1}›` }) as unknown as string;
}

/** The message an entry gives: itself, or the function applied to stand-in values. */
export function sampleMessage(entry: MessageEntry): unknown {
  if (typeof entry !== 'function') return entry;
  const values = Array.from({ length: Math.max(entry.length, 1) }, (_, i) => sampleValue(i));
  return (entry as (...values: unknown[]) => unknown)(...values);
}

/**
 * What is wrong with a catalogue's entries, one line each; empty when every entry follows the rule:
 * both languages present and non-empty, nothing else in the entry, and no English gist in the Dutch.
 */
export function catalogueProblems(name: string, catalogue: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(catalogue)) {
    const where = `${name}.${key}`;
    if (typeof entry !== 'function' && (typeof entry !== 'object' || entry === null)) {
      problems.push(`${where}: not a message or a function giving one`);
      continue;
    }
    const message = sampleMessage(entry as MessageEntry) as Partial<Record<string, unknown>> | null;
    if (typeof message !== 'object' || message === null) {
      problems.push(`${where}: gives no message`);
      continue;
    }
    for (const language of ['nl', 'en'] as const) {
      const text = message[language];
      if (typeof text !== 'string' || text.trim() === '') problems.push(`${where}: no ${language} text`);
    }
    const extra = Object.keys(message).filter((k) => k !== 'nl' && k !== 'en');
    if (extra.length > 0) problems.push(`${where}: unexpected ${extra.join(', ')}`);
    if (typeof message.nl === 'string' && hasEnglishGist(message.nl)) {
      problems.push(`${where}: the Dutch text carries an English gist: ${message.nl}`);
    }
    if (typeof message.nl === 'string' && message.nl === message.en) problems.push(`${where}: nl and en are the same text`);
  }
  return problems;
}
