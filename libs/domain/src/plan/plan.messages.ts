import type { MessageCatalogue } from '../shared/message';

/** What users read about plans and their action lines. */
export const PLAN_MESSAGES = {
  notFound: (planId: string) => ({ nl: `Plan '${planId}' bestaat niet`, en: `plan '${planId}' not found` }),
  alreadyRegistered: (planId: string) => ({ nl: `Plan ${planId} bestaat al`, en: `plan ${planId} is already registered` }),
  actionLineAlreadyRegistered: (actionLineId: string) => ({
    nl: `Actielijn ${actionLineId} bestaat al`,
    en: `action line ${actionLineId} is already registered`,
  }),
  codeInUse: (code: string) => ({ nl: `code '${code}' is in dit plan al in gebruik`, en: `code '${code}' is already used in this plan` }),
  actionLineNotInPlan: (actionLineId: string, planId: string) => ({
    nl: `actielijn '${actionLineId}' hoort niet bij plan '${planId}'`,
    en: `unknown action line: '${actionLineId}' is not part of plan '${planId}'`,
  }),
} satisfies MessageCatalogue;
