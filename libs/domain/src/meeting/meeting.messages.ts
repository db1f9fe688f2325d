import type { MessageCatalogue } from '../shared/message';

/** What users read about meetings and the agreements made there. */
export const MEETING_MESSAGES = {
  alreadyRecorded: (meetingId: string) => ({ nl: `Overleg ${meetingId} bestaat al`, en: `meeting ${meetingId} already exists` }),
  notFound: (meetingId: string) => ({ nl: `Overleg '${meetingId}' bestaat niet`, en: `meeting '${meetingId}' not found` }),
  planNotFound: (planId: string) => ({ nl: `Plan '${planId}' bestaat niet`, en: `plan '${planId}' not found` }),
  notARegion: (partnerId: string) => ({
    nl: `'${partnerId}' is geen jeugdzorgregio`,
    en: `'${partnerId}' is not a youth-care region`,
  }),
  noParticipants: {
    nl: 'noem ten minste één deelnemer (partner of andere deelnemer)',
    en: 'name at least one participant (a partner or another participant)',
  },
  duplicateParticipant: (partnerId: string) => ({
    nl: `partner '${partnerId}' staat twee keer bij de deelnemers`,
    en: `partner '${partnerId}' is listed twice`,
  }),
  tooManyParticipants: (max: number) => ({ nl: `hoogstens ${max} deelnemers`, en: `at most ${max} participants` }),
  actionNotFound: (actionId: string) => ({ nl: `actie '${actionId}' bestaat niet`, en: `action '${actionId}' does not exist` }),
  actionNotInPlan: (actionId: string, planId: string) => ({
    nl: `actie '${actionId}' hoort niet bij plan '${planId}' van dit overleg`,
    en: `action '${actionId}' is not in the meeting's plan '${planId}'`,
  }),
  alreadyAgreed: (actionId: string) => ({
    nl: `actie '${actionId}' staat al als afspraak bij dit overleg`,
    en: `action '${actionId}' is already an agreement of this meeting`,
  }),
} satisfies MessageCatalogue;
