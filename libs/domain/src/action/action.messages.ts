import type { MessageCatalogue } from '../shared/message';

/** What users read about actions: registering, owners, deadlines and status reports. */
export const ACTION_MESSAGES = {
  notFound: (actionId: string) => ({ nl: `Actie '${actionId}' bestaat niet`, en: `action '${actionId}' not found` }),
  alreadyRegistered: (actionId: string) => ({ nl: `Actie ${actionId} bestaat al`, en: `action ${actionId} is already registered` }),
  alreadyInPlan: (planId: string) => ({ nl: `actie hoort al bij plan '${planId}'`, en: `the action is already in plan '${planId}'` }),

  // Regional actions and levels
  carriesOutNeedsRegionalPlan: {
    nl: 'alleen een actie in een regionaal plan kan een landelijke actie uitvoeren',
    en: 'only an action in a regional plan can carry out a national action',
  },
  carriesOutRegional: (actionId: string) => ({
    nl: `'${actionId}' is zelf een regionale actie; verwijs naar de landelijke actie`,
    en: `'${actionId}' is itself a regional action; point to the national action`,
  }),
  unknownLevel: (level: string) => ({
    nl: `onbekend niveau '${level}'; kies LANDELIJK, REGIONAAL of AANBIEDER`,
    en: `unknown level '${level}'; use LANDELIJK, REGIONAAL or AANBIEDER`,
  }),

  // Owners and involved parties
  ownersRequired: { nl: 'minstens één eigenaar is verplicht', en: 'one owner or more is required' },
  tooManyOwners: (max: number) => ({ nl: `hoogstens ${max} eigenaren`, en: `too many owners: ${max} is the maximum` }),
  duplicateOwner: { nl: 'een eigenaar staat er dubbel in', en: 'duplicate owner' },
  alreadyOwner: (partnerId: string) => ({ nl: `${partnerId} is al eigenaar van deze actie`, en: `${partnerId} already owns this action` }),
  notAnOwner: (partnerId: string) => ({
    nl: `${partnerId} is geen eigenaar van deze actie`,
    en: `${partnerId} is not an owner of this action`,
  }),
  keepsOneOwner: {
    nl: 'een actie houdt minstens één eigenaar; wijs eerst een andere eigenaar toe',
    en: 'an action keeps one owner or more; assign another owner first',
  },
  unknownRole: (role: string) => ({ nl: `onbekende rol '${role}'`, en: `unknown involvement role '${role}'` }),
  ownerOrInvolved: (partnerId: string) => ({
    nl: `${partnerId} is al eigenaar; een partij is eigenaar óf betrokken`,
    en: `${partnerId} is already an owner; a party is owner or involved, not both`,
  }),

  // Deadline and status reports
  deadlineUnchanged: { nl: 'de nieuwe deadline is gelijk aan de huidige', en: 'the new deadline equals the current one' },
  unknownStatus: (status: string) => ({ nl: `onbekende status '${status}'`, en: `unknown status '${status}'` }),
  notReportedCannotBeSet: {
    nl: 'NOT_REPORTED betekent dat nog niemand rapporteerde; die status kan niet worden gezet',
    en: 'NOT_REPORTED means nobody reported yet; it cannot be set',
  },
  noteRequiredWhenStopped: {
    nl: 'een toelichting is verplicht bij STOPPED: waarom is de actie gestopt?',
    en: 'a note is required when stopping: why did the action stop?',
  },
  noStatusReportYet: { nl: 'er is nog geen statusmelding om te corrigeren', en: 'there is no status report to correct yet' },
  onlyLatestReport: (latestVersion: number) => ({
    nl: `alleen de laatste statusmelding (versie ${latestVersion}) kan worden gecorrigeerd`,
    en: `only the latest status report (version ${latestVersion}) can be corrected`,
  }),
} satisfies MessageCatalogue;
