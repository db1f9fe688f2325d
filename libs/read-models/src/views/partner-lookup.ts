import type { PartnerView } from './partner-view';

/**
 * The partner a user means by what they typed: its id or one of the plans' spellings (NJi, nji, NJI),
 * in any case. Null when no partner answers to it. One rule for every store and every caller.
 */
export function findPartner(input: string, partners: Iterable<PartnerView>): PartnerView | null {
  const wanted = input.trim().toLocaleLowerCase('nl');
  for (const partner of partners) {
    if (partner.id.toLocaleLowerCase('nl') === wanted) return partner;
    if (partner.aliases.some((a) => a.toLocaleLowerCase('nl') === wanted)) return partner;
  }
  return null;
}
