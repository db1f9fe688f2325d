import type { MessageCatalogue } from '../shared/message';

/** What users read about parliamentary references, themes and context figures. */
export const CONTEXT_MESSAGES = {
  referenceExists: (id: string) => ({ nl: `Kamerstuk ${id} bestaat al`, en: `parliamentary reference ${id} already exists` }),
  referenceNotFound: (id: string) => ({ nl: `Kamerstuk '${id}' bestaat niet`, en: `parliamentary reference '${id}' not found` }),
  themeExists: (id: string) => ({ nl: `Thema ${id} bestaat al`, en: `theme ${id} already exists` }),
  themeNotFound: (id: string) => ({ nl: `Thema '${id}' bestaat niet`, en: `theme '${id}' not found` }),
  seriesExists: (id: string) => ({ nl: `Cijferreeks ${id} bestaat al`, en: `context series ${id} already exists` }),
  seriesNotFound: (id: string) => ({ nl: `Cijferreeks '${id}' bestaat niet`, en: `context series '${id}' not found` }),
  planNotFound: (planId: string) => ({ nl: `Plan '${planId}' bestaat niet`, en: `plan '${planId}' not found` }),
  actionNotFound: (actionId: string) => ({ nl: `actie '${actionId}' bestaat niet`, en: `action '${actionId}' not found` }),
  subjectNotFound: (subjectId: string) => ({ nl: `'${subjectId}' bestaat niet`, en: `subject '${subjectId}' not found` }),
  actionLineNotInPlan: (actionLineId: string, planId: string) => ({
    nl: `actielijn '${actionLineId}' hoort niet bij plan '${planId}'`,
    en: `action line '${actionLineId}' is not in plan '${planId}'`,
  }),
  targetNotInPlan: (targetId: string, planId: string) => ({
    nl: `doel '${targetId}' hoort niet bij plan '${planId}'`,
    en: `target '${targetId}' is not in plan '${planId}'`,
  }),
  unknownKind: (kind: string) => ({
    nl: `'${kind}' is geen soort kamerstuk die de monitor kent`,
    en: `'${kind}' is not a known reference kind`,
  }),
  unknownChamber: (chamber: string) => ({ nl: `'${chamber}' is geen Kamer`, en: `'${chamber}' is not a chamber` }),
  unknownSubject: (subject: string) => ({ nl: `'${subject}' is geen plan of actie`, en: `'${subject}' is neither plan nor action` }),
  alreadyLinked: (subjectId: string) => ({ nl: `is al gekoppeld aan '${subjectId}'`, en: `already linked to '${subjectId}'` }),
  figureExists: (period: string) => ({
    nl: `voor ${period} is al een cijfer vastgelegd`,
    en: `a figure for ${period} is already recorded`,
  }),
} satisfies MessageCatalogue;
