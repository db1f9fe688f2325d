import { DeadlineInput } from '../shared/deadline';
import { ActionStatus } from './action-status';
import { ActionLevel, ActionProvenance } from './action.events';
import { Involvement } from './involvement';
import type { ProgressUpdateCommand } from './progress-update';

export interface RegisterAction {
  type: 'RegisterAction';
  actionId: string;
  planId: string;
  actionLineId: string;
  title: string;
  result: string | null;
  owners: string[];
  ownerScope?: string | null;
  involved?: Involvement[];
  deadline: DeadlineInput | null;
  provenance?: ActionProvenance;
  /** In a regional plan: the national action this one carries out (a regional instance of it). */
  carriesOut?: string | null;
}

export interface AddActionToPlan {
  type: 'AddActionToPlan';
  actionId: string;
  planId: string;
  actionLineId: string;
  note: string | null;
}

export interface AssignOwner {
  type: 'AssignOwner';
  actionId: string;
  partnerId: string;
  reason: string | null;
}

export interface RemoveOwner {
  type: 'RemoveOwner';
  actionId: string;
  partnerId: string;
  reason: string;
}

export interface RescheduleAction {
  type: 'RescheduleAction';
  actionId: string;
  deadline: DeadlineInput | null;
  reason: string;
}

export interface ChangeActionStatus {
  type: 'ChangeActionStatus';
  actionId: string;
  status: ActionStatus;
  note: string | null;
}

export interface CorrectActionStatus {
  type: 'CorrectActionStatus';
  actionId: string;
  /** The version of the status report being corrected: only the latest report can be. */
  correctsVersion: number;
  status: ActionStatus;
  note: string | null;
  reason: string;
}

/** Where a trajectory is carried out, as the Koers's "Niveau" column says (landelijk, regionaal, aanbieder). */
export interface SetActionLevel {
  type: 'SetActionLevel';
  actionId: string;
  level: ActionLevel;
  source: string | null;
}

export type ActionCommand =
  | RegisterAction
  | AddActionToPlan
  | AssignOwner
  | RemoveOwner
  | RescheduleAction
  | ChangeActionStatus
  | CorrectActionStatus
  | SetActionLevel
  | ProgressUpdateCommand;
