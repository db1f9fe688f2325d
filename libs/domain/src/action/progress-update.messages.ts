import type { MessageCatalogue } from '../shared/message';

/** What users read about owners' progress updates and their review. */
export const PROGRESS_UPDATE_MESSAGES = {
  notAnOwner: (owners: string) => ({
    nl: `Alleen een eigenaar van deze actie kan een voortgangsupdate indienen; eigenaren: ${owners}`,
    en: `only an owner of this action may submit a progress update; owners: ${owners}`,
  }),
  updateNotFound: (updateId: string) => ({
    nl: `Voortgangsupdate '${updateId}' bestaat niet`,
    en: `progress update '${updateId}' not found`,
  }),
  alreadyReviewed: (updateId: string, approved: boolean) => ({
    nl: `update '${updateId}' is al ${approved ? 'goedgekeurd' : 'teruggestuurd'}`,
    en: `update '${updateId}' was already ${approved ? 'approved' : 'returned'}`,
  }),
  roundNotFound: (roundId: string) => ({ nl: `Rapportageronde '${roundId}' bestaat niet`, en: `reporting round '${roundId}' not found` }),
  notInRound: (roundId: string) => ({
    nl: `deze actie hoort niet bij rapportageronde '${roundId}'`,
    en: `this action is not part of reporting round '${roundId}'`,
  }),
  targetNotOfAction: (targetId: string) => ({
    nl: `doel '${targetId}' hoort niet bij deze actie`,
    en: `target '${targetId}' is not served by this action`,
  }),
  invalidUrl: { nl: 'is geen geldig webadres (begin met https://)', en: 'not a valid URL' },
  urlScheme: { nl: 'alleen webadressen die met https:// of http:// beginnen', en: 'only http and https links' },
} satisfies MessageCatalogue;
