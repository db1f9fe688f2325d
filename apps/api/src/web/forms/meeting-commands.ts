import type { MeetingAgreement } from '@actiemonitor/application';
import type { RecordMeeting } from '@actiemonitor/domain';
import { findPartner, PartnerView } from '@actiemonitor/read-models';
import { normaliseForSearch } from '../format/search-text';

const MAX_SLUG_LENGTH = 80;
const blankToNull = (value: string) => (value.trim() === '' ? null : value);

/** Partners as typed in one field ("VWS, JN; NJi"): ids or the plans' spellings; unknown ones stay as typed for the domain to refuse. */
export function partnerList(text: string, partners: Iterable<PartnerView>): string[] {
  const known = [...partners];
  return text
    .split(/[,;\n]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => findPartner(t, known)?.id ?? t.toUpperCase());
}

/** Names one per line (or separated by ";"), empty lines ignored. */
const nameList = (text: string) =>
  text
    .split(/[;\n]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');

function slug(text: string): string {
  return normaliseForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** An id from its parts, at most 80 characters (a slug): the same form sent twice names the same thing. */
const idOf = (...parts: string[]) =>
  parts
    .map(slug)
    .filter((p) => p !== '')
    .join('-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');

/** `overleg-2018-03-12-vervolg-scholing`: made from date and subject, so a second submit is the same meeting. */
export const meetingIdFor = (heldOn: string, subject: string) => idOf('overleg', heldOn, subject);

/** The action an agreement becomes: `afspraak-2018-03-12-scholingsaanbod-uitwerken` (the meeting's date and the title). */
export const agreementActionIdFor = (heldOn: string, title: string) => idOf('afspraak', heldOn, title);

export function meetingFrom(v: Record<string, string>, partners: Iterable<PartnerView>): RecordMeeting {
  const heldOn = v.heldOn.trim();
  return {
    type: 'RecordMeeting',
    meetingId: meetingIdFor(heldOn, v.subject),
    planId: v.planId,
    regionId: blankToNull(v.regionId),
    heldOn,
    participants: partnerList(v.participants, partners),
    otherParticipants: nameList(v.otherParticipants),
    subject: v.subject,
    notes: blankToNull(v.notes),
  };
}

export function agreementFrom(
  meeting: { id: string; heldOn: string },
  v: Record<string, string>,
  partners: Iterable<PartnerView>,
): MeetingAgreement {
  return {
    meetingId: meeting.id,
    actionId: agreementActionIdFor(meeting.heldOn, v.title),
    actionLineId: v.actionLineId,
    title: v.title,
    result: blankToNull(v.result),
    owners: partnerList(v.owners, partners),
    deadline: blankToNull(v.deadline) === null ? null : { text: v.deadline },
  };
}
