import Database from 'better-sqlite3';
import { SqliteEventStore } from '@actiemonitor/event-store';
import type { RecordedEvent } from '@actiemonitor/event-store';
import { ActionView, evolveActionView } from '../views/action-view';
import { evolveTargetView, TargetView } from '../views/target-view';
import { addContributionChange, ALL_PLANS, cellFromKey } from '../views/status-contributions';
import { toPartnerStatusRows } from '../partner-status-rows';
import { SqliteProjector } from './sqlite-projector';
import { SqliteReadModelQueries } from './sqlite-read-model-queries';
import { HISTORY_PLANS, prng, seededHistory } from '../seeded-history.testing';

describe('time travel: views as they were', () => {
  it('partnerStatusesAsOf and actionAsOf agree with a brute-force fold of the log at every instant', async () => {
    const random = prng(42);
    let now = Date.parse('2018-01-01T00:00:00Z');
    const db = new Database(':memory:');
    const store = new SqliteEventStore({ database: db, clock: () => new Date(now) });
    // A tiny snapshot interval, so queries cross many snapshots and the replay on top of them.
    const projector = new SqliteProjector(db, store, { snapshotInterval: 7n });
    const queries = new SqliteReadModelQueries(db);
    const { steps, actionIds: actions } = seededHistory(42, { actionCount: 5, changes: 150 });
    let c = 0;
    for (const { streamId, event } of steps) {
      now += 1000;
      await store.append({
        streamId,
        events: [event],
        expectedVersion: 'any',
        commandId: `c${++c}`,
        correlationId: 'x',
        actor: { id: 't', partnerId: null, role: 'SYSTEM' },
      });
      if (random() < 0.3) await projector.catchUp(); // batches of varying size
    }
    await projector.catchUp();

    const log: RecordedEvent[] = await store.readAll({ after: 0n, limit: 10_000 });
    const bruteForce = (asOf: string) => {
      const views = new Map<string, ActionView | null>();
      for (const e of log) {
        if (e.metadata.recordedAt > asOf) break;
        if (!e.streamId.startsWith('action-')) continue;
        const id = e.data.actionId as string;
        views.set(id, evolveActionView(views.get(id) ?? null, e as never, e.metadata.recordedAt));
      }
      return views;
    };
    const bruteForceTargets = (asOf: string) => {
      const views = new Map<string, TargetView>();
      for (const e of log) {
        if (e.metadata.recordedAt > asOf) break;
        if (!e.streamId.startsWith('target-')) continue;
        const id = e.data.targetId as string;
        const next = evolveTargetView(views.get(id) ?? null, e as never, e.metadata.recordedAt);
        if (next) views.set(id, next);
      }
      return views;
    };

    for (const e of log.filter((_, i) => i % 3 === 0)) {
      const asOf = e.metadata.recordedAt;
      const today = asOf.slice(0, 10);
      const views = bruteForce(asOf);
      for (const plan of [null, ...HISTORY_PLANS]) {
        const deltas = new Map<string, number>();
        for (const v of views.values()) addContributionChange(deltas, null, v);
        const cells = [...deltas].map(([k, count]) => ({ ...cellFromKey(k), count })).filter((cell) => cell.planId === (plan ?? ALL_PLANS));
        expect([asOf, plan, queries.partnerStatusesAsOf(plan, asOf, today)]).toEqual([asOf, plan, toPartnerStatusRows(cells, today)]);
      }
      for (const id of actions) expect(queries.actionAsOf(id, asOf)).toEqual(views.get(id) ?? null);
      for (const planId of HISTORY_PLANS) {
        const inPlan = actions
          .map((id) => views.get(id))
          .filter((v): v is ActionView => !!v && v.memberships.some((m) => m.planId === planId));
        expect([asOf, planId, queries.actionsAsOf({ planId }, asOf)]).toEqual([asOf, planId, inPlan]);
      }
      // Targets as they were: defined by then, with the measurements recorded by then.
      const targets = bruteForceTargets(asOf);
      for (const id of actions) {
        const expected = [...targets.values()].filter((t) => t.actionIds.includes(id));
        expect([asOf, id, queries.targetsOfActionAsOf(id, asOf)]).toEqual([asOf, id, expected]);
      }
    }
    // Now equals the live aggregate too.
    const end = new Date(now + 1).toISOString();
    expect(queries.partnerStatusesAsOf(null, end, '2019-01-01')).toEqual(queries.partnerStatuses(null, '2019-01-01'));
  });
});
