import type { ActionView } from './action-view';

/**
 * The link tables beside an action's document (who owns it, which plans hold it), as rows, and when
 * they must be rewritten: one rule for every store's writer. Owners can be added and removed, so their
 * order is compared; memberships are only ever added, so a longer list is the only change.
 */
export function ownersChanged(before: ActionView | null, after: ActionView): boolean {
  return !before || before.owners.join() !== after.owners.join();
}

export function membershipsChanged(before: ActionView | null, after: ActionView): boolean {
  return !before || before.memberships.length !== after.memberships.length;
}

export function ownerRows(view: ActionView): Array<[actionId: string, partnerId: string]> {
  return view.owners.map((owner) => [view.id, owner]);
}

export function membershipRows(view: ActionView): Array<[actionId: string, planId: string, actionLineId: string]> {
  return view.memberships.map((m) => [view.id, m.planId, m.actionLineId]);
}
