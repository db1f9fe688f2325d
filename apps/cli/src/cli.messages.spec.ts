import { catalogueProblems } from '@actiemonitor/domain';
import { CLI_MESSAGES } from './cli.messages';

describe('the CLI message catalogue', () => {
  it('gives every entry a Dutch text and an English meaning, and no Dutch text an English gist', () => {
    expect(catalogueProblems('CLI_MESSAGES', CLI_MESSAGES)).toEqual([]);
  });
});
