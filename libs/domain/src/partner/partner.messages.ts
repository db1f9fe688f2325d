import type { MessageCatalogue } from '../shared/message';

/** What users read about partners: the organisations and groups that own or take part in actions. */
export const PARTNER_MESSAGES = {
  alreadyRegistered: (partnerId: string) => ({ nl: `Partner ${partnerId} bestaat al`, en: `partner ${partnerId} is already registered` }),
  invalidId: (partnerId: string) => ({
    nl: `'${partnerId}' is geen geldige partner-id: hoofdletters, cijfers en '-'`,
    en: `'${partnerId}' is not a partner id: an upper-case acronym of letters, digits and '-'`,
  }),
  unknown: (partnerId: string) => ({
    nl: `onbekende partner '${partnerId}'; registreer de partner eerst`,
    en: `unknown partner '${partnerId}'; register the partner first`,
  }),
  notARegion: (regionId: string) => ({
    nl: `'${regionId}' is geen jeugdzorgregio`,
    en: `'${regionId}' is not one of the jeugdzorgregio's`,
  }),
} satisfies MessageCatalogue;
