import { Decider } from '../shared/decider';
import { event, DomainEvent } from '../shared/domain-event';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { assertSlugId } from '../shared/ids';
import { isCalendarDate } from '../shared/period';
import { optionalText, requireText, TEXT_LIMITS } from '../shared/text';
import { SHARED_MESSAGES } from '../shared/shared.messages';
import { CONTEXT_MESSAGES as M } from './context.messages';

/**
 * A parliamentary instrument a plan or action answers to: a motie, Kamervragen, a Kamerbrief, a
 * toezegging or a debate ("Wetgevingsoverleg Jeugd van 14 november 2016"). Registered once, then
 * linked to plans and actions; the links live in this stream so the action aggregate stays as it is.
 */
export const REFERENCE_KINDS = ['MOTIE', 'KAMERVRAGEN', 'KAMERBRIEF', 'TOEZEGGING', 'OVERLEG'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
export const CHAMBERS = ['TWEEDE_KAMER', 'EERSTE_KAMER'] as const;
export type Chamber = (typeof CHAMBERS)[number];
export const REFERENCE_SUBJECTS = ['PLAN', 'ACTION'] as const;
export type ReferenceSubject = (typeof REFERENCE_SUBJECTS)[number];

export interface RegisterParliamentaryReference {
  type: 'RegisterParliamentaryReference';
  referenceId: string;
  kind: ReferenceKind;
  chamber: Chamber | null;
  /** Kamerstuk dossier ("34550 XVI"), null when the source gives none. */
  dossier: string | null;
  /** The number within the dossier ("89") or the Kamervragen id ("2016Z20139"). */
  number: string | null;
  title: string;
  /** The members who submitted or asked it, as the source names them. */
  members: string[];
  /** The date when the source gives one, else null; `dateText` keeps how the source writes it. */
  date: string | null;
  dateText: string | null;
  /** Where the reference comes from: document and quote. */
  source: string;
}

export interface LinkParliamentaryReference {
  type: 'LinkParliamentaryReference';
  referenceId: string;
  subject: ReferenceSubject;
  subjectId: string;
  note: string | null;
}

export type ParliamentaryReferenceCommand = RegisterParliamentaryReference | LinkParliamentaryReference;

export type ParliamentaryReferenceRegistered = DomainEvent<
  'ParliamentaryReferenceRegistered',
  Omit<RegisterParliamentaryReference, 'type'>
>;
export type ParliamentaryReferenceLinked = DomainEvent<
  'ParliamentaryReferenceLinked',
  { referenceId: string; subject: ReferenceSubject; subjectId: string; note: string | null }
>;
export type ParliamentaryReferenceEvent = ParliamentaryReferenceRegistered | ParliamentaryReferenceLinked;

export interface ParliamentaryReferenceState {
  version: number;
  registered: boolean;
  links: ReadonlySet<string>;
}

export interface ParliamentaryReferenceContext {
  /** Whether the plan or action a link names exists (ignored when registering). */
  subjectExists: boolean;
}

const linkKey = (subject: string, subjectId: string) => `${subject}:${subjectId}`;

export const parliamentaryReferenceDecider: Decider<
  ParliamentaryReferenceCommand,
  ParliamentaryReferenceEvent,
  ParliamentaryReferenceState,
  ParliamentaryReferenceContext
> = {
  initialState: () => ({ version: 0, registered: false, links: new Set() }),
  evolve: (state, e) => ({
    version: state.version + 1,
    registered: true,
    links: e.type === 'ParliamentaryReferenceLinked' ? new Set([...state.links, linkKey(e.data.subject, e.data.subjectId)]) : state.links,
  }),
  decide: (command, state, context) => {
    if (command.type === 'RegisterParliamentaryReference') {
      if (state.registered) throw new Conflict(M.referenceExists(command.referenceId), state.version);
      assertSlugId('referenceId', command.referenceId);
      if (!REFERENCE_KINDS.includes(command.kind)) throw new InvalidInput('kind', M.unknownKind(String(command.kind)));
      if (command.chamber !== null && !CHAMBERS.includes(command.chamber)) {
        throw new InvalidInput('chamber', M.unknownChamber(String(command.chamber)));
      }
      if (command.date !== null && !isCalendarDate(command.date))
        throw new InvalidInput('date', SHARED_MESSAGES.notCalendarDate(command.date));
      return [
        event('ParliamentaryReferenceRegistered', {
          referenceId: command.referenceId,
          kind: command.kind,
          chamber: command.chamber,
          dossier: optionalText('dossier', command.dossier, 100),
          number: optionalText('number', command.number, 100),
          title: requireText('title', command.title, TEXT_LIMITS.title),
          members: [...new Set(command.members.map((m, i) => requireText(`members[${i}]`, m, 200)))],
          date: command.date,
          dateText: optionalText('dateText', command.dateText, 100),
          source: requireText('source', command.source, TEXT_LIMITS.note),
        }),
      ];
    }
    if (!state.registered) throw new NotFound(M.referenceNotFound(command.referenceId));
    if (!REFERENCE_SUBJECTS.includes(command.subject)) throw new InvalidInput('subject', M.unknownSubject(String(command.subject)));
    if (!context.subjectExists) throw new InvalidInput('subjectId', M.subjectNotFound(command.subjectId));
    if (state.links.has(linkKey(command.subject, command.subjectId))) {
      throw new Conflict(M.alreadyLinked(command.subjectId), state.version);
    }
    return [
      event('ParliamentaryReferenceLinked', {
        referenceId: command.referenceId,
        subject: command.subject,
        subjectId: command.subjectId,
        note: optionalText('note', command.note, TEXT_LIMITS.note),
      }),
    ];
  },
};
