import type { Actor } from '@actiemonitor/event-store';

/**
 * Who may record a meeting and its agreements: one small rule, so regional plans can extend it (a
 * region's token recording its own region's meetings) without touching the handlers. Today only
 * coordinators (and the system, for imports) do; the API's @Allow('write') says the same at the edge.
 */
export function mayRecordMeeting(actor: Actor, meeting: { regionId: string | null }): boolean {
  void meeting.regionId; // the hook for regional plans
  return actor.role === 'COORDINATOR' || actor.role === 'SYSTEM';
}
