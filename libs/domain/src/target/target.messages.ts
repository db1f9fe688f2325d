import type { MessageCatalogue } from '../shared/message';

/** What users read about targets and their measurements. */
export const TARGET_MESSAGES = {
  notFound: (targetId: string) => ({ nl: `Doel '${targetId}' bestaat niet`, en: `target '${targetId}' not found` }),
  alreadyDefined: (targetId: string) => ({ nl: `Doel ${targetId} bestaat al`, en: `target ${targetId} is already defined` }),
  unknownAction: (actionId: string) => ({ nl: `actie '${actionId}' bestaat niet`, en: `unknown action '${actionId}'` }),
  unknownDirection: (direction: string) => ({ nl: `onbekende richting '${direction}'`, en: `unknown direction '${direction}'` }),
  unknownMeasurement: (measurementId: string, targetId: string) => ({
    nl: `meting '${measurementId}' hoort niet bij doel '${targetId}'`,
    en: `unknown measurement: '${measurementId}' does not belong to target '${targetId}'`,
  }),
} satisfies MessageCatalogue;
