import type { Actor } from '@actiemonitor/event-store';

/**
 * Who may record a meeting and its agreements: coordinators (and the system, for imports) any meeting;
 * a jeugdzorgregio's PARTNER token the meetings of its own region. The agreements of a region's meeting
 * become actions in the meeting's plan, which for a region's token must be one of its regional plans
 * (the action handler's rule, see region-scope.ts).
 */
export function mayRecordMeeting(actor: Actor, meeting: { regionId: string | null }): boolean {
  if (actor.role === 'COORDINATOR' || actor.role === 'SYSTEM') return true;
  return actor.role === 'PARTNER' && meeting.regionId !== null && meeting.regionId === actor.partnerId;
}
