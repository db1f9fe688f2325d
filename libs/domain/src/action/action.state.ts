import { Period } from '../shared/period';
import { ActionStatus } from './action-status';
import { ActionEvent } from './action.events';
import { evolveUpdates, ProgressUpdateRecord } from './progress-update';

export interface ActionState {
  registered: boolean;
  /** Number of events in the stream: what clients send back as expectedVersion. */
  version: number;
  planIds: string[];
  owners: string[];
  deadline: Period | null;
  status: ActionStatus;
  statusNote: string | null;
  /** Version of the latest status report (change or correction); 0 when none. */
  lastStatusReportVersion: number;
  /** Owners' progress updates by id, with their review state. */
  updates: Record<string, ProgressUpdateRecord>;
}

export const initialActionState = (): ActionState => ({
  registered: false,
  version: 0,
  planIds: [],
  owners: [],
  deadline: null,
  status: 'NOT_REPORTED',
  statusNote: null,
  lastStatusReportVersion: 0,
  updates: {},
});

export function evolveAction(state: ActionState, e: ActionEvent): ActionState {
  const next = { ...state, version: state.version + 1 };
  switch (e.type) {
    case 'ActionRegistered':
      return { ...next, registered: true, planIds: [e.data.planId], owners: e.data.owners, deadline: e.data.deadline };
    case 'ActionAddedToPlan':
      return { ...next, planIds: [...state.planIds, e.data.planId] };
    case 'OwnerAssigned':
      return { ...next, owners: [...state.owners, e.data.partnerId] };
    case 'OwnerRemoved':
      return { ...next, owners: state.owners.filter((o) => o !== e.data.partnerId) };
    case 'ActionRescheduled':
      return { ...next, deadline: e.data.deadline };
    case 'ActionStatusChanged':
    case 'ActionStatusCorrected':
      return { ...next, status: e.data.status, statusNote: e.data.note, lastStatusReportVersion: next.version };
    case 'ProgressUpdateSubmitted':
    case 'ProgressUpdateApproved':
    case 'ProgressUpdateReturned':
      return { ...next, updates: evolveUpdates(state.updates, e) };
    default:
      return next;
  }
}
