import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogueProblems } from '@actiemonitor/domain';
import { WEB_MESSAGES } from '../web/web.messages';
import { API_MESSAGES } from './api.messages';

// Nest's packages are ES modules that unit specs do not load: the edge's refusals are tested end to end
// (test/security/hostile-input.e2e-spec.ts, test/coordinator-writes.e2e-spec.ts).

const APPS = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('the API and web message catalogues', () => {
  it.each([
    ['API_MESSAGES', API_MESSAGES],
    ['WEB_MESSAGES', WEB_MESSAGES],
  ])('%s: every entry has Dutch and English, and the Dutch no English gist', (name, catalogue) => {
    expect(catalogueProblems(name, catalogue)).toEqual([]);
  });
});

describe('throw sites in the apps', () => {
  const INLINE = [
    /new InvalidInput\(\s*(?:'[^']*'|`[^`]*`|[\w.]+)\s*,\s*['"`]/,
    /new (?:NotFound|Conflict|Forbidden)\(\s*['"`]/,
    /new (?:BadRequest|Unauthorized|Forbidden)Exception\(\s*['"`]/,
  ];

  it('name a catalogue entry, never a literal', () => {
    const inline = sourceFiles(APPS)
      .filter(
        (file) =>
          !/\.(spec|integration-spec|testing)\.ts$/.test(file) && !file.includes('/web/pages/') && !file.includes('/web/components/'),
      )
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${relative(APPS, file)}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => INLINE.some((pattern) => pattern.test(line))),
      );
    expect(inline).toEqual([]);
  });
});
