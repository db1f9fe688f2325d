import { DomainEvent } from '../shared/domain-event';
import { Period } from '../shared/period';
import { ActionStatus } from './action-status';
import { Involvement } from './involvement';
import type { ProgressUpdateEvent } from './progress-update';

/** Where an imported action came from in its plan document: auditors compare it with the source. */
export interface ActionProvenance {
  origin: string | null;
  sourceText: string | null;
  note: string | null;
}

export type ActionRegistered = DomainEvent<
  'ActionRegistered',
  {
    actionId: string;
    planId: string;
    actionLineId: string;
    title: string;
    result: string | null;
    owners: string[];
    ownerScope: string | null;
    involved: Involvement[];
    deadline: Period | null;
    provenance: ActionProvenance;
    // Only on actions of a regional plan, so national actions' events keep their shape (and hashes):
    /** The jeugdzorgregio whose plan holds the action. */
    regionId?: string;
    /** The national action this regional one carries out. */
    carriesOut?: string;
  }
>;
/** The same action serves another plan too (e.g. "Ruimte voor jeugdhulp in gezinsvormen" in both plans). */
export type ActionAddedToPlan = DomainEvent<
  'ActionAddedToPlan',
  { actionId: string; planId: string; actionLineId: string; note: string | null }
>;
export type OwnerAssigned = DomainEvent<'OwnerAssigned', { actionId: string; partnerId: string; reason: string | null }>;
export type OwnerRemoved = DomainEvent<'OwnerRemoved', { actionId: string; partnerId: string; reason: string }>;
export type ActionRescheduled = DomainEvent<
  'ActionRescheduled',
  { actionId: string; deadline: Period | null; previousDeadline: Period | null; reason: string }
>;
export type ActionStatusChanged = DomainEvent<
  'ActionStatusChanged',
  {
    actionId: string;
    status: ActionStatus;
    previousStatus: ActionStatus;
    note: string | null;
    /** The owner's progress update this status comes from, when a coordinator approved one. */
    updateId?: string;
  }
>;

/**
 * A status report was wrong: a new fact names the report it corrects (its stream version) and why.
 * The corrected report stays in the log; the history shows both.
 */
export type ActionStatusCorrected = DomainEvent<
  'ActionStatusCorrected',
  { actionId: string; correctsVersion: number; status: ActionStatus; previousStatus: ActionStatus; note: string | null; reason: string }
>;

export const ACTION_LEVELS = ['LANDELIJK', 'REGIONAAL', 'AANBIEDER'] as const;
export type ActionLevel = (typeof ACTION_LEVELS)[number];
export type ActionLevelSet = DomainEvent<'ActionLevelSet', { actionId: string; level: ActionLevel; source: string | null }>;

export type ActionEvent =
  | ActionRegistered
  | ActionAddedToPlan
  | OwnerAssigned
  | OwnerRemoved
  | ActionRescheduled
  | ActionStatusChanged
  | ActionStatusCorrected
  | ActionLevelSet
  | ProgressUpdateEvent;
