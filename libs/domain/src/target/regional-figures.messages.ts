import type { MessageCatalogue } from '../shared/message';

/** What users read about a region's startfoto and measurements. */
export const REGIONAL_FIGURE_MESSAGES = {
  notACount: { nl: 'moet een geheel getal van 0 of meer zijn', en: 'must be a whole number, 0 or more' },
  unitDiffers: (unit: string) => ({
    nl: `de regio's tellen voor dit doel in '${unit}'; gebruik dezelfde eenheid`,
    en: `the regions count this target in '${unit}'; use the same unit`,
  }),
  noStartfoto: (regionId: string) => ({
    nl: `${regionId} heeft voor dit doel nog geen startfoto; leg die eerst vast`,
    en: `${regionId} has no startfoto (baseline) for this target yet; record it first`,
  }),
  beforeStartfoto: (date: string) => ({
    nl: `de meting ligt vóór de startfoto van ${date}`,
    en: `the measurement is dated before the startfoto of ${date}`,
  }),
} satisfies MessageCatalogue;
