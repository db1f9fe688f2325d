import { verifyChain } from '@actiemonitor/event-store';
import { chainFinding } from './chain-finding';

describe('chainFinding: what broke the hash chain, in Dutch', () => {
  it('names each kind of break without the store’s English', () => {
    expect(chainFinding({ kind: 'altered' }).nl).toBe('de opgeslagen hash klopt niet met de herberekende: de gebeurtenis is gewijzigd');
    expect(chainFinding({ kind: 'link' }).nl).toBe('de verwijzing naar de vorige hash klopt niet');
    expect(chainFinding({ kind: 'gap', follows: 41n }).nl).toBe(
      'deze positie volgt op 41: er ontbreekt een gebeurtenis of de volgorde klopt niet',
    );
    expect(chainFinding({ kind: 'missing', nextAt: 7n }).nl).toBe('deze positie ontbreekt: de volgende gebeurtenis staat op 7');
  });

  it('the chain check reports the kind it found', () => {
    const first = { position: 2n, prevHash: 'x', hash: 'y' } as never;
    const result = verifyChain([first]);
    expect(result).toMatchObject({ ok: false, position: 2n, problem: { kind: 'gap', follows: 0n } });
  });
});
