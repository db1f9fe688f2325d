import { InvalidInput } from './errors';
import { SHARED_MESSAGES } from './shared.messages';

/** Partner ids are the acronyms the plans use, upper-case: VWS, VNG, JN, NJI, KERNTEAM-KOERS. */
export const PARTNER_ID_PATTERN = /^[A-Z][A-Z0-9-]{0,39}$/;
/** Plan, action line, action and target ids are readable slugs: actieplan-pleegzorg-2017-2018, pleegzorg-3-4. */
export const SLUG_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function assertSlugId(field: string, value: string): void {
  if (!SLUG_ID_PATTERN.test(value)) {
    throw new InvalidInput(field, SHARED_MESSAGES.invalidSlugId(value));
  }
}

/** Normalises what a user types (nji, NJi) to the canonical id shape; aliases are resolved elsewhere. */
export function normalisePartnerId(value: string): string {
  return value.trim().toUpperCase();
}

export const streamIds = {
  partner: (id: string) => `partner-${id}`,
  plan: (id: string) => `plan-${id}`,
  action: (id: string) => `action-${id}`,
  target: (id: string) => `target-${id}`,
  round: (id: string) => `round-${id}`,
  meeting: (id: string) => `meeting-${id}`,
  reference: (id: string) => `reference-${id}`,
  theme: (id: string) => `theme-${id}`,
  contextSeries: (id: string) => `context-series-${id}`,
};
