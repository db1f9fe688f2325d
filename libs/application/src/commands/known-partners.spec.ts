import type { PartnerView } from '@actiemonitor/read-models';
import { KnownPartners } from './known-partners';

function partner(id: string, kind: PartnerView['kind'] = 'organisation'): PartnerView {
  return { id, name: id, kind, aliases: [] };
}

describe('KnownPartners: the partners a decision checks owners against', () => {
  it('reads the list once while no partner is added, and sees a partner registered later at once', async () => {
    const partners = [partner('VWS'), partner('REGIO-ALKMAAR', 'region')];
    let lists = 0;
    const known = new KnownPartners({
      partnerCount: () => partners.length,
      partners: () => {
        lists += 1;
        return [...partners];
      },
    });

    expect([...(await known.current()).all]).toEqual(['VWS', 'REGIO-ALKMAAR']);
    expect([...(await known.current()).regions]).toEqual(['REGIO-ALKMAAR']);
    expect(lists).toBe(1);

    partners.push(partner('REGIO-TWENTE', 'region'));
    expect((await known.current()).all.has('REGIO-TWENTE')).toBe(true);
    expect((await known.current()).regions.has('REGIO-TWENTE')).toBe(true);
    expect(lists).toBe(2);
  });
});
