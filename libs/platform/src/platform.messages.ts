import type { MessageCatalogue } from '@actiemonitor/domain';

/** What users read from the stores' own checks (unique names and addresses); the rule is in the domain's shared/errors.ts. */
export const PLATFORM_MESSAGES = {
  tokenNameInUse: (name: string) => ({ nl: `er bestaat al een token '${name}'`, en: `a token named '${name}' already exists` }),
  contactDuplicate: (partnerId: string) => ({
    nl: `dit adres staat al geregistreerd bij ${partnerId}`,
    en: `this address is already registered for ${partnerId}`,
  }),
} satisfies MessageCatalogue;
