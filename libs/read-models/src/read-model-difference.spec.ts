import { describeDifference } from './read-model-difference';

describe('describeDifference: what replay --verify prints', () => {
  it('names the key and only the fields that differ, inside JSON documents too', () => {
    const live = {
      id: 'pleegzorg-3-2',
      seq: 40n,
      status: 'COMPLETED',
      deadline_end: '2017-12-31',
      doc: JSON.stringify({ id: 'pleegzorg-3-2', status: 'COMPLETED', title: 'T', version: 1 }),
    };
    const rebuilt = {
      ...live,
      status: 'NOT_REPORTED',
      doc: JSON.stringify({ id: 'pleegzorg-3-2', status: 'NOT_REPORTED', title: 'T', version: 1 }),
    };
    expect(describeDifference({ table: 'rm_actions', onlyIn: 'live', row: live, counterpart: rebuilt })).toBe(
      [
        'VERSCHIL in rm_actions (id="pleegzorg-3-2"): de rij verschilt',
        '  status: live "COMPLETED", herbouw "NOT_REPORTED"',
        '  doc.status: live "COMPLETED", herbouw "NOT_REPORTED"',
      ].join('\n'),
    );
    // The same difference found from the other side reads the same way round.
    expect(describeDifference({ table: 'rm_actions', onlyIn: 'rebuilt', row: rebuilt, counterpart: live })).toContain(
      'status: live "COMPLETED", herbouw "NOT_REPORTED"',
    );
  });

  it('names a row that exists on one side only by its key, and keeps long rows short', () => {
    const row = { action_id: 'a1', recorded_at: '2018-01-01T00:00:00.000Z', position: 7n, owners: JSON.stringify(['x'.repeat(500)]) };
    const text = describeDifference({ table: 'rm_status_history', onlyIn: 'rebuilt', row, counterpart: null });
    expect(
      text.startsWith(
        'VERSCHIL in rm_status_history: rij alleen in de herbouw (action_id="a1", recorded_at="2018-01-01T00:00:00.000Z", position=7): ',
      ),
    ).toBe(true);
    expect(text.length).toBeLessThan(250); // the row itself is over 550 characters
  });
});
