import { catalogueProblems } from '@actiemonitor/domain';
import { PLATFORM_MESSAGES } from './platform.messages';

describe('the platform message catalogue', () => {
  it('gives every entry a Dutch text and an English meaning, and no Dutch text an English gist', () => {
    expect(catalogueProblems('PLATFORM_MESSAGES', PLATFORM_MESSAGES)).toEqual([]);
  });
});
