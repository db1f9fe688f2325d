import type { Awaitable, PartnerView } from '@actiemonitor/read-models';

export interface PartnerSets {
  all: ReadonlySet<string>;
  /** The jeugdzorgregio's (partners of kind `region`). */
  regions: ReadonlySet<string>;
}

/**
 * The partners every action command checks its owners against, kept until the number of partners
 * changes. Partners are only ever added, so an unchanged count is an unchanged list: one count per
 * command instead of reading and parsing every partner, and a write elsewhere in the log (which
 * empties the ReadModelCache) no longer throws the sets away.
 */
export class KnownPartners {
  private sets?: PartnerSets & { count: number };

  constructor(private readonly readModels: { partnerCount(): Awaitable<number>; partners(): Awaitable<PartnerView[]> }) {}

  async current(): Promise<PartnerSets> {
    const count = await this.readModels.partnerCount();
    if (this.sets?.count !== count) {
      const partners = await this.readModels.partners();
      // Filed under the length of what was read: a partner added between the count and the read is in
      // the sets, and the next count (which includes it) matches.
      this.sets = {
        count: partners.length,
        all: new Set(partners.map((p) => p.id)),
        regions: new Set(partners.filter((p) => p.kind === 'region').map((p) => p.id)),
      };
    }
    return this.sets;
  }
}
