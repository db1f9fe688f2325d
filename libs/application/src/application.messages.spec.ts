import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogueProblems } from '@actiemonitor/domain';
import { APPLICATION_MESSAGES } from './application.messages';

const SRC = __dirname;

/** Files whose messages are not yet in the catalogue (none left). */
const NOT_YET_MOVED: string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the application message catalogue', () => {
  it('gives every entry a Dutch text and an English meaning, and no Dutch text an English gist', () => {
    expect(catalogueProblems('APPLICATION_MESSAGES', APPLICATION_MESSAGES)).toEqual([]);
  });

  it('names a likely typo and the known partners, in both languages', () => {
    expect(APPLICATION_MESSAGES.unknownPartner('NJJ', 'NJI', 'NJI, VWS')).toEqual({
      nl: "onbekende partner 'NJJ'. Bedoelt u NJI? Bekende partners: NJI, VWS.",
      en: "unknown partner 'NJJ'. Did you mean NJI? Known partners: NJI, VWS.",
    });
    expect(APPLICATION_MESSAGES.unknownPartner('XYZ', null, '').nl).toBe(
      "onbekende partner 'XYZ'. Er zijn nog geen partners: start eerst de server, die de plannen importeert.",
    );
  });
});

describe('throw sites in the application layer', () => {
  const INLINE = [/new InvalidInput\(\s*(?:'[^']*'|`[^`]*`|[\w.]+)\s*,\s*['"`]/, /new (?:NotFound|Conflict|Forbidden)\(\s*['"`]/];

  it('name a catalogue entry, never a literal', () => {
    const inline = sourceFiles(SRC)
      .filter((file) => !/\.(spec|integration-spec|testing)\.ts$/.test(file) && !NOT_YET_MOVED.includes(relative(SRC, file)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${relative(SRC, file)}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => INLINE.some((pattern) => pattern.test(line))),
      );
    expect(inline).toEqual([]);
  });
});
