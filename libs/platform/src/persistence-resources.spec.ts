import { PersistenceResources } from './persistence-resources';

describe('PersistenceResources', () => {
  it('closes in reverse order of opening, all of them even when one fails, then reports the failure', async () => {
    const closed: string[] = [];
    const resources = new PersistenceResources();
    resources.onClose(() => void closed.push('pool'));
    resources.onClose(() => {
      closed.push('tokens');
      throw new Error('worker gone');
    });
    resources.onClose(async () => void closed.push('store'));

    await expect(resources.closeAll()).rejects.toThrow('worker gone');
    expect(closed).toEqual(['store', 'tokens', 'pool']);
    await resources.closeAll(); // nothing left to close
    expect(closed).toHaveLength(3);
  });
});
