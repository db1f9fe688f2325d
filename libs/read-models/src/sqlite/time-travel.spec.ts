import Database from 'better-sqlite3';
import { ACTION_STATUSES } from '@actiemonitor/domain';
import { SqliteEventStore } from '@actiemonitor/event-store';
import type { NewEvent, RecordedEvent } from '@actiemonitor/event-store';
import { ActionView, evolveActionView } from '../views/action-view';
import { addContributionChange, ALL_PLANS, cellFromKey } from '../views/status-contributions';
import { toPartnerStatusRows } from '../partner-status-rows';
import { SqliteProjector } from './sqlite-projector';
import { SqliteReadModelQueries } from './sqlite-read-model-queries';

/** A small seeded PRNG, so a failing history can be replayed exactly. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const PARTNERS = ['JN', 'VNG', 'VWS', 'NVP'];
const PLANS = ['p1', 'p2'];

describe('time travel: views as they were', () => {
  it('partnerStatusesAsOf and actionAsOf agree with a brute-force fold of the log at every instant', async () => {
    const random = prng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    let now = Date.parse('2018-01-01T00:00:00Z');
    const db = new Database(':memory:');
    const store = new SqliteEventStore({ database: db, clock: () => new Date(now) });
    // A tiny snapshot interval, so queries cross many snapshots and the replay on top of them.
    const projector = new SqliteProjector(db, store, { snapshotInterval: 7n });
    const queries = new SqliteReadModelQueries(db);
    let c = 0;
    const append = async (streamId: string, e: NewEvent) => {
      now += 1000;
      await store.append({ streamId, events: [e], expectedVersion: 'any', commandId: `c${++c}`, correlationId: 'x', actor: { id: 't', partnerId: null, role: 'SYSTEM' } });
      if (random() < 0.3) await projector.catchUp(); // batches of varying size
    };

    const actions = ['a1', 'a2', 'a3', 'a4', 'a5'];
    // The generator keeps the domain's invariants: no owner twice, no plan twice.
    const owners = new Map<string, string[]>();
    const plans = new Map<string, string[]>();
    for (const id of actions) {
      owners.set(id, [pick(PARTNERS)]);
      plans.set(id, [pick(PLANS)]);
      await append(`action-${id}`, {
        type: 'ActionRegistered', schemaVersion: 1,
        data: { actionId: id, planId: plans.get(id)![0], actionLineId: 'l', title: id, result: null, owners: owners.get(id), ownerScope: null, involved: [],
          deadline: random() < 0.8 ? { text: 'x', start: null, end: pick(['2018-01-01', '2018-06-30', '2019-12-31']) } : null,
          provenance: { origin: null, sourceText: null, note: null } },
      });
    }
    for (let i = 0; i < 150; i++) {
      const id = pick(actions);
      const r = random();
      const data: Record<string, unknown> = { actionId: id };
      if (r < 0.6) await append(`action-${id}`, { type: 'ActionStatusChanged', schemaVersion: 1, data: { ...data, status: pick(ACTION_STATUSES), previousStatus: 'NOT_REPORTED', note: null } });
      else if (r < 0.75) {
        const partnerId = pick(PARTNERS.filter((p) => !owners.get(id)!.includes(p)));
        if (!partnerId) continue;
        owners.get(id)!.push(partnerId);
        await append(`action-${id}`, { type: 'OwnerAssigned', schemaVersion: 1, data: { ...data, partnerId, reason: null } });
      }
      else if (r < 0.9) await append(`action-${id}`, { type: 'ActionRescheduled', schemaVersion: 1, data: { ...data, deadline: { text: 'y', start: null, end: pick(['2018-03-01', '2020-01-01']) }, previousDeadline: null, reason: 'r' } });
      else {
        const planId = PLANS.find((p) => !plans.get(id)!.includes(p));
        if (!planId) continue;
        plans.get(id)!.push(planId);
        await append(`action-${id}`, { type: 'ActionAddedToPlan', schemaVersion: 1, data: { ...data, planId, actionLineId: 'l', note: null } });
      }
    }
    await projector.catchUp();

    const log: RecordedEvent[] = await store.readAll({ after: 0n, limit: 10_000 });
    const bruteForce = (asOf: string) => {
      const views = new Map<string, ActionView | null>();
      for (const e of log) {
        if (e.metadata.recordedAt > asOf) break;
        const id = e.data.actionId as string;
        views.set(id, evolveActionView(views.get(id) ?? null, e as never, e.metadata.recordedAt));
      }
      return views;
    };

    for (const e of log.filter((_, i) => i % 3 === 0)) {
      const asOf = e.metadata.recordedAt;
      const today = asOf.slice(0, 10);
      const views = bruteForce(asOf);
      for (const plan of [null, ...PLANS]) {
        const deltas = new Map<string, number>();
        for (const v of views.values()) addContributionChange(deltas, null, v);
        const cells = [...deltas].map(([k, count]) => ({ ...cellFromKey(k), count })).filter((cell) => cell.planId === (plan ?? ALL_PLANS));
        expect([asOf, plan, queries.partnerStatusesAsOf(plan, asOf, today)]).toEqual([asOf, plan, toPartnerStatusRows(cells, today)]);
      }
      for (const id of actions) expect(queries.actionAsOf(id, asOf)).toEqual(views.get(id) ?? null);
    }
    // Now equals the live aggregate too.
    const end = new Date(now + 1).toISOString();
    expect(queries.partnerStatusesAsOf(null, end, '2019-01-01')).toEqual(queries.partnerStatuses(null, '2019-01-01'));
  });
});
