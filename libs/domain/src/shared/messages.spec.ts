import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InvalidInput, NotFound } from './errors';
import { catalogueProblems, hasEnglishGist, Message, sampleMessage } from './message';

/**
 * The rule for messages (shared/errors.ts), held for the domain: every catalogue entry has a Dutch text
 * and an English meaning, and no Dutch text carries an English gist in parentheses; throw sites name a
 * catalogue entry instead of a literal.
 */
const DOMAIN_SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const isSpec = (file: string) => /\.(spec|integration-spec|testing)\.ts$/.test(file);

/** Every `*_MESSAGES` export of every `*.messages.ts` in the domain, so a new catalogue is walked too. */
function domainCatalogues(): Array<[string, Record<string, unknown>]> {
  return sourceFiles(DOMAIN_SRC)
    .filter((file) => file.endsWith('.messages.ts'))
    .flatMap((file) =>
      Object.entries(require(file) as Record<string, unknown>)
        .filter(([name]) => name.endsWith('_MESSAGES'))
        .map(([name, catalogue]) => [name, catalogue as Record<string, unknown>] as [string, Record<string, unknown>]),
    );
}

describe('the domain message catalogues', () => {
  const catalogues = domainCatalogues();

  it('are found: one per aggregate, and the shared one', () => {
    expect(catalogues.map(([name]) => name).sort()).toEqual(
      [
        'ACTION_MESSAGES',
        'MEETING_MESSAGES',
        'CONTEXT_MESSAGES',
        'PARTNER_MESSAGES',
        'PLAN_MESSAGES',
        'PROGRESS_UPDATE_MESSAGES',
        'REGIONAL_FIGURE_MESSAGES',
        'ROUND_MESSAGES',
        'SHARED_MESSAGES',
        'TARGET_MESSAGES',
      ].sort(),
    );
  });

  it.each(catalogues)('%s: every entry has Dutch and English, and the Dutch no English gist', (name, catalogue) => {
    expect(Object.keys(catalogue).length).toBeGreaterThan(0);
    expect(catalogueProblems(name, catalogue)).toEqual([]);
  });

  it.each(catalogues)('%s: every entry gives a message of two different texts', (_name, catalogue) => {
    for (const [key, entry] of Object.entries(catalogue)) {
      const message = sampleMessage(entry as Message) as Message;
      expect({ key, nl: typeof message.nl, en: typeof message.en }).toEqual({ key, nl: 'string', en: 'string' });
      expect({ key, same: message.nl === message.en }).toEqual({ key, same: false });
    }
  });
});

describe('the check itself', () => {
  it('finds the old style: a Dutch text with the English gist in parentheses', () => {
    expect(hasEnglishGist('minstens één eigenaar is verplicht (at least one owner)')).toBe(true);
    expect(hasEnglishGist("Actie 'x' bestaat niet (not found)")).toBe(true);
    expect(hasEnglishGist('Interne fout; probeer het later opnieuw (internal error)')).toBe(true);
    expect(hasEnglishGist('is verplicht en mag niet leeg zijn (required)')).toBe(true);
    expect(hasEnglishGist('Importeer de plannen (import the plans)')).toBe(true);
  });

  it('leaves Dutch parentheses alone', () => {
    expect(hasEnglishGist('Termijn is te lang (210 tekens, maximaal 200)')).toBe(false);
    expect(hasEnglishGist('einde ligt vóór begin (begin 1 maart 2020, einde 1 juni 2019)')).toBe(false);
    expect(hasEnglishGist('end: de einddatum ontbreekt (verwacht JJJJ-MM-DD).')).toBe(false);
    expect(hasEnglishGist('ndjson (alle gebeurtenissen) of csv (stand per actie)')).toBe(false);
  });

  it('reports an entry that misses a language, has an empty one, or carries a gist', () => {
    const problems = catalogueProblems('BAD', {
      noEnglish: { nl: 'is verplicht' },
      noDutch: { en: 'required' },
      emptyDutch: { nl: ' ', en: 'required' },
      gist: { nl: 'is verplicht (required)', en: 'required' },
      gistInFunction: (max: number) => ({ nl: `hoogstens ${max} eigenaren (too many owners)`, en: 'too many owners' }),
      untranslated: { nl: 'verplicht', en: 'verplicht' },
      extra: { nl: 'verplicht', en: 'required', code: 'X' },
      literal: 'is verplicht (required)',
      fine: { nl: 'is verplicht', en: 'required' },
    });
    expect(problems).toEqual([
      'BAD.noEnglish: no en text',
      'BAD.noDutch: no nl text',
      'BAD.emptyDutch: no nl text',
      'BAD.gist: the Dutch text carries an English gist: is verplicht (required)',
      'BAD.gistInFunction: the Dutch text carries an English gist: hoogstens ‹value 1› eigenaren (too many owners)',
      'BAD.untranslated: nl and en are the same text',
      'BAD.extra: unexpected code',
      'BAD.literal: not a message or a function giving one',
    ]);
  });
});

describe('domain errors', () => {
  it('keep the Dutch in the message and the English meaning in `reason`', () => {
    const error = new InvalidInput('owners', { nl: 'minstens één eigenaar is verplicht', en: 'one owner or more is required' });
    expect(error).toMatchObject({
      message: 'owners: minstens één eigenaar is verplicht',
      field: 'owners',
      text: 'minstens één eigenaar is verplicht',
      reason: 'one owner or more is required',
      code: 'BAD_USER_INPUT',
    });
    expect(new NotFound({ nl: "Plan 'x' bestaat niet", en: "plan 'x' not found" })).toMatchObject({
      message: "Plan 'x' bestaat niet",
      reason: "plan 'x' not found",
      code: 'NOT_FOUND',
    });
  });

  it('split the English gist off a text not yet in a catalogue, so users still read Dutch only', () => {
    const legacy = new InvalidInput('commandId', 'is al gebruikt voor een andere opdracht (action-x) (idempotency key reused)');
    expect(legacy).toMatchObject({
      message: 'commandId: is al gebruikt voor een andere opdracht (action-x)',
      text: 'is al gebruikt voor een andere opdracht (action-x)',
      reason: 'idempotency key reused',
    });
    const plain = new InvalidInput('commandId', 'is al gebruikt voor een andere opdracht (action-x)');
    expect(plain).toMatchObject({ text: 'is al gebruikt voor een andere opdracht (action-x)', reason: plain.text });
  });
});

describe('throw sites in the domain', () => {
  // The message argument: InvalidInput's second, the others' first; NotUnderstood is the deadline parser's.
  const INLINE = [
    /new InvalidInput\(\s*(?:'[^']*'|`[^`]*`|[\w.]+)\s*,\s*['"`]/,
    /new (?:NotFound|Conflict|Forbidden|NotUnderstood)\(\s*['"`]/,
  ];

  it('name a catalogue entry, never a literal', () => {
    const inline = sourceFiles(DOMAIN_SRC)
      .filter((file) => !isSpec(file))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${relative(DOMAIN_SRC, file)}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => INLINE.some((pattern) => pattern.test(line))),
      );
    expect(inline).toEqual([]);
  });
});
