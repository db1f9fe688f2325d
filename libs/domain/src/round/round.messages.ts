import type { MessageCatalogue } from '../shared/message';

/** What users read about reporting rounds. */
export const ROUND_MESSAGES = {
  alreadyOpened: (roundId: string) => ({ nl: `Rapportageronde ${roundId} bestaat al`, en: `reporting round ${roundId} already exists` }),
  planNotFound: (planId: string) => ({ nl: `Plan '${planId}' bestaat niet`, en: `plan '${planId}' not found` }),
  closesBeforeOpening: { nl: 'ligt vóór de opening van de ronde', en: 'the round closes before it opens' },
  noActions: { nl: 'het plan heeft nog geen acties voor deze ronde', en: 'the plan has no actions for this round' },
  actionNotInPlan: (actionId: string, planId: string) => ({
    nl: `actie '${actionId}' hoort niet bij plan '${planId}'`,
    en: `action '${actionId}' is not in plan '${planId}'`,
  }),
} satisfies MessageCatalogue;
