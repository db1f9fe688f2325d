import Database from 'better-sqlite3';
import { SqliteEventStore } from '@actiemonitor/event-store';
import type { RecordedEvent } from '@actiemonitor/event-store';
import { ActionView, evolveActionView } from '../views/action-view';
import { evolveTargetView, TargetView } from '../views/target-view';
import { addContributionChange, ALL_PLANS, cellFromKey, contributionOf } from '../views/status-contributions';
import { toPartnerStatusRows } from '../partner-status-rows';
import { SqliteProjector } from './sqlite-projector';
import { SqliteReadModelQueries } from './sqlite-read-model-queries';
import { HISTORY_PLANS, prng, seededHistory } from '../seeded-history.testing';

/** A seeded history appended one event a second, projected in batches of varying size. */
async function seededProjection(): Promise<{ queries: SqliteReadModelQueries; log: RecordedEvent[]; actions: string[]; now: number }> {
  const random = prng(42);
  let now = Date.parse('2018-01-01T00:00:00Z');
  const db = new Database(':memory:');
  const store = new SqliteEventStore({ database: db, clock: () => new Date(now) });
  const projector = new SqliteProjector(db, store);
  const queries = new SqliteReadModelQueries(db, store);
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

  return { queries, log: await store.readAll({ after: 0n, limit: 10_000 }), actions, now };
}

describe('time travel: views as they were', () => {
  it('partnerStatusesAsOf and actionAsOf agree with a brute-force fold of the log at every instant', async () => {
    const { queries, log, actions, now } = await seededProjection();
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
        for (const v of views.values()) addContributionChange(deltas, null, v && contributionOf(v));
        const cells = [...deltas].map(([k, count]) => ({ ...cellFromKey(k), count })).filter((cell) => cell.planId === (plan ?? ALL_PLANS));
        expect([asOf, plan, queries.partnerStatusesAsOf(plan, asOf, today)]).toEqual([asOf, plan, toPartnerStatusRows(cells, today)]);
      }
      for (const id of actions) expect(await queries.actionAsOf(id, asOf)).toEqual(views.get(id) ?? null);
      for (const planId of HISTORY_PLANS) {
        const inPlan = actions
          .map((id) => views.get(id))
          .filter((v): v is ActionView => !!v && v.memberships.some((m) => m.planId === planId));
        expect([asOf, planId, await queries.actionsAsOf({ planId }, asOf)]).toEqual([asOf, planId, inPlan]);
      }
      // Targets as they were: defined by then, with the measurements recorded by then.
      const targets = bruteForceTargets(asOf);
      for (const id of actions) {
        const expected = [...targets.values()].filter((t) => t.actionIds.includes(id));
        expect([asOf, id, await queries.targetsOfActionAsOf(id, asOf)]).toEqual([asOf, id, expected]);
      }
    }
    // Now equals the live aggregate too.
    const end = new Date(now + 1).toISOString();
    expect(queries.partnerStatusesAsOf(null, end, '2019-01-01')).toEqual(queries.partnerStatuses(null, '2019-01-01'));
  });

  /**
   * An oracle that shares no code with the product: it reads the raw events' fields and counts by hand,
   * so a bug in the product's folds (evolveActionView, the status contributions) cannot hide in both.
   */
  it('agrees with an independent reading of the raw events: statuses, owners, plans, deadlines and counts per partner', async () => {
    const { queries, log, actions } = await seededProjection();
    interface Truth {
      status: string;
      owners: Set<string>;
      plans: Set<string>;
      deadlineEnd: string | null;
      version: number;
    }
    const truthAt = (asOf: string) => {
      const truth = new Map<string, Truth>();
      for (const e of log) {
        if (e.metadata.recordedAt > asOf) break;
        if (!e.streamId.startsWith('action-')) continue;
        const d = e.data as Record<string, any>;
        if (e.type === 'ActionRegistered') {
          truth.set(d.actionId, {
            status: 'NOT_REPORTED',
            owners: new Set(d.owners),
            plans: new Set([d.planId]),
            deadlineEnd: d.deadline?.end ?? null,
            version: e.version,
          });
          continue;
        }
        const t = truth.get(d.actionId)!;
        t.version = e.version;
        if (e.type === 'ActionStatusChanged' || e.type === 'ActionStatusCorrected') t.status = d.status;
        if (e.type === 'OwnerAssigned') t.owners.add(d.partnerId);
        if (e.type === 'OwnerRemoved') t.owners.delete(d.partnerId);
        if (e.type === 'ActionAddedToPlan') t.plans.add(d.planId);
        if (e.type === 'ActionRescheduled') t.deadlineEnd = d.deadline?.end ?? null;
      }
      return truth;
    };
    let compared = 0;
    for (const e of log.filter((_, i) => i % 5 === 0)) {
      const asOf = e.metadata.recordedAt;
      const today = asOf.slice(0, 10);
      const truth = truthAt(asOf);
      for (const id of actions) {
        const t = truth.get(id);
        const view = await queries.actionAsOf(id, asOf);
        const seen = view && {
          status: view.status,
          owners: [...view.owners].sort(),
          plans: view.memberships.map((m) => m.planId).sort(),
          deadlineEnd: view.deadline?.end ?? null,
          version: view.version,
        };
        const expected = t && {
          status: t.status,
          owners: [...t.owners].sort(),
          plans: [...t.plans].sort(),
          deadlineEnd: t.deadlineEnd,
          version: t.version,
        };
        expect([asOf, id, seen]).toEqual([asOf, id, expected ?? null]);
      }
      for (const plan of [null, ...HISTORY_PLANS]) {
        const counts = new Map<string, { total: number; overdue: number; byStatus: Record<string, number> }>();
        for (const t of truth.values()) {
          if (plan !== null && !t.plans.has(plan)) continue;
          for (const owner of t.owners) {
            const c = counts.get(owner) ?? { total: 0, overdue: 0, byStatus: {} };
            c.total += 1;
            c.byStatus[t.status] = (c.byStatus[t.status] ?? 0) + 1;
            if (t.deadlineEnd !== null && t.deadlineEnd < today && t.status !== 'COMPLETED' && t.status !== 'STOPPED') c.overdue += 1;
            counts.set(owner, c);
          }
        }
        const answered = Object.fromEntries(
          queries.partnerStatusesAsOf(plan, asOf, today).map((r) => [
            r.partnerId,
            {
              total: r.total,
              overdue: r.overdue,
              byStatus: Object.fromEntries(r.byStatus.filter((s) => s.count > 0).map((s) => [s.status, s.count])),
            },
          ]),
        );
        expect([asOf, plan, answered]).toEqual([asOf, plan, Object.fromEntries(counts)]);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
