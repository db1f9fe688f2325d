import type { EventStore } from '@actiemonitor/event-store';
import type { PartnerView } from '@actiemonitor/read-models';
import type { ReadModelQueries } from '../ports';
import { DomainContextService } from './domain-context.service';

function partner(id: string, kind: PartnerView['kind'] = 'organisation'): PartnerView {
  return { id, name: id, kind, aliases: [] };
}

/** Read models holding `partners`, counting how often the whole list is read. */
function readModels(partners: PartnerView[]) {
  const reads = { lists: 0 };
  const queries = {
    partnerCount: () => partners.length,
    partners: () => {
      reads.lists += 1;
      return [...partners];
    },
  } as unknown as ReadModelQueries;
  return { queries, reads };
}

describe('DomainContextService: the partners a decision knows', () => {
  it('reads the list once while no partner is added, and sees a partner registered later at once', async () => {
    const partners = [partner('VWS'), partner('REGIO-ALKMAAR', 'region')];
    const { queries, reads } = readModels(partners);
    const context = new DomainContextService({} as EventStore, queries);

    expect([...(await context.knownPartners())]).toEqual(['VWS', 'REGIO-ALKMAAR']);
    expect([...(await context.knownRegions())]).toEqual(['REGIO-ALKMAAR']);
    await context.knownPartners();
    expect(reads.lists).toBe(1);

    partners.push(partner('REGIO-TWENTE', 'region'));
    expect((await context.knownPartners()).has('REGIO-TWENTE')).toBe(true);
    expect((await context.knownRegions()).has('REGIO-TWENTE')).toBe(true);
    expect(reads.lists).toBe(2);
  });
});
