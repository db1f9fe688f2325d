import { isClosedStatus } from '@actiemonitor/domain';
import { dutchCalendarDate } from './overdue';
import type { ActionView, ProgressUpdateView } from './views/action-view';
import type { RoundView } from './views/round-view';

/**
 * What a reporting round asks of each owner, and what is stale: pure functions over action views, so
 * the same answer comes for today and for any `asOf` (the views as they were then).
 */

/** Where one owner stands with one action in a round: the latest update they submitted in it, if any. */
export type RoundItemState = 'MISSING' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';

export interface RoundItem {
  actionId: string;
  partnerId: string;
  state: RoundItemState;
  update: (ProgressUpdateView & { late: boolean }) | null;
}

export interface RoundPartnerCounts {
  partnerId: string;
  submitted: number;
  approved: number;
  returned: number;
  missing: number;
}

export interface RoundOverview {
  round: RoundView;
  items: RoundItem[];
  partners: RoundPartnerCounts[];
}

const STATE_OF: Record<ProgressUpdateView['state'], RoundItemState> = { PENDING: 'SUBMITTED', APPROVED: 'APPROVED', RETURNED: 'RETURNED' };

/** Submitted after the last day of the round, in the Netherlands. */
export function isLate(update: Pick<ProgressUpdateView, 'submittedAt'>, round: Pick<RoundView, 'closesOn'>): boolean {
  return dutchCalendarDate(new Date(update.submittedAt)) > round.closesOn;
}

/**
 * Per action of the round and per owner it has (then), the owner's latest update in the round.
 * `actions` are the round's actions as they are (or were, for asOf); an action missing from them is
 * left out (it did not exist yet).
 */
export function roundOverview(round: RoundView, actions: readonly ActionView[]): RoundOverview {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const items: RoundItem[] = [];
  for (const actionId of round.actionIds) {
    const action = byId.get(actionId);
    if (!action) continue;
    for (const partnerId of action.owners) {
      const latest = action.updates.filter((u) => u.roundId === round.id && u.partnerId === partnerId).at(-1);
      items.push({
        actionId,
        partnerId,
        state: latest ? STATE_OF[latest.state] : 'MISSING',
        update: latest ? { ...latest, late: isLate(latest, round) } : null,
      });
    }
  }
  const counts = new Map<string, RoundPartnerCounts>();
  for (const item of items) {
    const row = counts.get(item.partnerId) ?? { partnerId: item.partnerId, submitted: 0, approved: 0, returned: 0, missing: 0 };
    row[item.state.toLowerCase() as Lowercase<RoundItemState>] += 1;
    counts.set(item.partnerId, row);
  }
  return { round, items, partners: [...counts.values()].sort((a, b) => a.partnerId.localeCompare(b.partnerId)) };
}

/** Whether a round is open on a date (its first and last day included). */
export function isRoundOpen(round: Pick<RoundView, 'opensOn' | 'closesOn'>, today: string): boolean {
  return round.opensOn <= today && today <= round.closesOn;
}

/** The date `days` days before `today` (calendar dates, JJJJ-MM-DD). */
export function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * Not reported for more than `days` days on `today`: no status report at all, or the last one on a
 * date before `today - days`. Completed and stopped actions need no more reports.
 */
export function isStale(action: Pick<ActionView, 'status' | 'statusChangedAt'>, today: string, days: number): boolean {
  if (isClosedStatus(action.status)) return false;
  if (action.statusChangedAt === null) return true;
  return dutchCalendarDate(new Date(action.statusChangedAt)) < daysBefore(today, days);
}
