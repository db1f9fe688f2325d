import { MeetingEvent } from '@actiemonitor/domain';

/** An agreement made at a meeting: the action it became, and when it was recorded (for asOf). */
export interface AgreementView {
  actionId: string;
  recordedAt: string;
}

/** A meeting as its page shows it; what became of each agreement is read from its action. */
export interface MeetingView {
  id: string;
  planId: string;
  regionId: string | null;
  heldOn: string;
  participants: string[];
  otherParticipants: string[];
  subject: string;
  notes: string | null;
  recordedAt: string;
  agreements: AgreementView[];
}

export function evolveMeetingView(view: MeetingView | null, e: MeetingEvent, recordedAt: string): MeetingView | null {
  if (e.type === 'MeetingRecorded') {
    const { meetingId, planId, regionId, heldOn, participants, otherParticipants, subject, notes } = e.data;
    return { id: meetingId, planId, regionId, heldOn, participants, otherParticipants, subject, notes, recordedAt, agreements: [] };
  }
  if (!view) return view;
  return { ...view, agreements: [...view.agreements, { actionId: e.data.actionId, recordedAt }] };
}

/**
 * The meeting as it stood at `asOf` (an ISO instant): null before it was recorded, and only the
 * agreements recorded by then. Meetings are never edited, so this is exact without a history table.
 */
export function meetingAsOf(view: MeetingView | null, asOf: string | null): MeetingView | null {
  if (!view || asOf === null) return view;
  if (view.recordedAt > asOf) return null;
  return { ...view, agreements: view.agreements.filter((a) => a.recordedAt <= asOf) };
}
