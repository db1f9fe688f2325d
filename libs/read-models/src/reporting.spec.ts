import type { ActionView, ProgressUpdateView } from './views/action-view';
import type { RoundView } from './views/round-view';
import { daysBefore, isStale, roundOverview } from './reporting';

const round: RoundView = {
  id: 'q2-2018',
  planId: 'actieplan-pleegzorg-2017-2018',
  title: 'Voortgang Q2 2018',
  opensOn: '2018-06-01',
  closesOn: '2018-06-30',
  actionIds: ['a1', 'a2'],
  openedAt: '2018-06-01T08:00:00.000Z',
};

function update(
  partnerId: string,
  state: ProgressUpdateView['state'],
  submittedAt: string,
  roundId: string | null = 'q2-2018',
): ProgressUpdateView {
  return {
    id: `${partnerId}-${submittedAt}`,
    partnerId,
    roundId,
    status: 'IN_PROGRESS',
    note: null,
    measurement: null,
    evidenceUrl: null,
    state,
    submittedAt,
    reviewedAt: null,
    returnComment: null,
  };
}

function action(id: string, owners: string[], updates: ProgressUpdateView[]): ActionView {
  return { id, owners, updates, status: 'NOT_REPORTED', statusChangedAt: null } as unknown as ActionView;
}

describe('roundOverview', () => {
  it('counts, per owner, each action of the round by the latest update the owner submitted in it', () => {
    const overview = roundOverview(round, [
      action('a1', ['NVP', 'JN'], [update('NVP', 'RETURNED', '2018-06-02T10:00:00Z'), update('NVP', 'APPROVED', '2018-06-05T10:00:00Z')]),
      action('a2', ['NVP'], [update('NVP', 'PENDING', '2018-06-06T10:00:00Z'), update('NVP', 'PENDING', '2018-06-07T10:00:00Z', null)]),
    ]);
    expect(overview.partners).toEqual([
      { partnerId: 'JN', submitted: 0, approved: 0, returned: 0, missing: 1 },
      { partnerId: 'NVP', submitted: 1, approved: 1, returned: 0, missing: 0 },
    ]);
  });

  it('marks an update submitted after the last day of the round (Dutch time) late, and keeps it', () => {
    const overview = roundOverview(round, [
      action('a1', ['NVP'], [update('NVP', 'PENDING', '2018-06-30T21:30:00Z')]), // 23:30 in Amsterdam: on time
      action('a2', ['NVP'], [update('NVP', 'PENDING', '2018-06-30T22:30:00Z')]), // 00:30 on 1 July: late
    ]);
    expect(overview.items.map((i) => [i.actionId, i.state, i.update?.late])).toEqual([
      ['a1', 'SUBMITTED', false],
      ['a2', 'SUBMITTED', true],
    ]);
  });

  it('leaves out actions that did not exist yet', () => {
    expect(roundOverview(round, [action('a2', ['NVP'], [])]).items.map((i) => i.actionId)).toEqual(['a2']);
  });
});

describe('isStale', () => {
  it('holds actions never reported, or last reported before today minus N days; not finished ones', () => {
    const today = '2018-09-30';
    expect(daysBefore(today, 90)).toBe('2018-07-02');
    expect(isStale({ status: 'NOT_REPORTED', statusChangedAt: null }, today, 90)).toBe(true);
    expect(isStale({ status: 'IN_PROGRESS', statusChangedAt: '2018-07-01T10:00:00Z' }, today, 90)).toBe(true);
    expect(isStale({ status: 'IN_PROGRESS', statusChangedAt: '2018-07-02T10:00:00Z' }, today, 90)).toBe(false);
    expect(isStale({ status: 'COMPLETED', statusChangedAt: '2017-01-01T10:00:00Z' }, today, 90)).toBe(false);
  });
});
