import { catalogueProblems } from '@actiemonitor/domain';
import { OPS_MESSAGES } from './ops.messages';

describe('the operations message catalogue', () => {
  it('gives every entry a Dutch text and an English meaning, and no Dutch text an English gist', () => {
    expect(catalogueProblems('OPS_MESSAGES', OPS_MESSAGES)).toEqual([]);
  });
});
