/**
 * For specs only (not exported): a seeded, random but valid history of partners, plans, actions and
 * targets, so read-model specs can compare stores and brute-force folds on the same events. A failing
 * seed can be replayed exactly.
 */
import { ACTION_STATUSES } from '@actiemonitor/domain';
import type { NewEvent } from '@actiemonitor/event-store';

export function prng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

export interface HistoryStep {
  streamId: string;
  event: NewEvent;
}

export const HISTORY_PARTNERS = ['JN', 'VNG', 'VWS', 'NVP'];
export const HISTORY_PLANS = ['p1', 'p2'];

const e = (type: string, data: Record<string, unknown>): NewEvent => ({ type, schemaVersion: 1, data });

/** Partners, two plans with a line each, `actionCount` actions, two targets, then `changes` random changes. */
export function seededHistory(seed: number, { actionCount = 5, changes = 150 } = {}): { steps: HistoryStep[]; actionIds: string[] } {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const steps: HistoryStep[] = [];
  const add = (streamId: string, event: NewEvent) => steps.push({ streamId, event });

  for (const id of HISTORY_PARTNERS)
    add(
      `partner-${id}`,
      e('PartnerRegistered', { partnerId: id, name: `Partner ${id}`, kind: 'organisation', aliases: [id.toLowerCase() + '-alias'] }),
    );
  for (const planId of HISTORY_PLANS) {
    add(
      `plan-${planId}`,
      e('PlanRegistered', {
        planId,
        title: `Plan ${planId}`,
        period: { text: '2018', start: '2018-01-01', end: '2018-12-31' },
        sourceDocument: null,
      }),
    );
    add(`plan-${planId}`, e('ActionLineRegistered', { planId, actionLineId: 'l', code: '1', title: 'Lijn' }));
  }

  // The generator keeps the domain's invariants: no owner twice, no plan twice.
  const actionIds = Array.from({ length: actionCount }, (_, i) => `a${i + 1}`);
  const owners = new Map<string, string[]>();
  const plans = new Map<string, string[]>();
  for (const id of actionIds) {
    owners.set(id, [pick(HISTORY_PARTNERS)]);
    plans.set(id, [pick(HISTORY_PLANS)]);
    add(
      `action-${id}`,
      e('ActionRegistered', {
        actionId: id,
        planId: plans.get(id)![0],
        actionLineId: 'l',
        title: id,
        result: null,
        owners: [...owners.get(id)!],
        ownerScope: null,
        involved: [],
        deadline: random() < 0.8 ? { text: 'x', start: null, end: pick(['2018-01-01', '2018-06-30', '2019-12-31']) } : null,
        provenance: { origin: null, sourceText: null, note: null },
      }),
    );
  }
  const targetIds = ['t1', 't2'];
  for (const targetId of targetIds) {
    add(
      `target-${targetId}`,
      e('TargetDefined', {
        targetId,
        planId: pick(HISTORY_PLANS),
        actionLineId: 'l',
        actionIds: [pick(actionIds)],
        owners: [pick(HISTORY_PARTNERS)],
        description: `Doel ${targetId}`,
        sourceText: null,
        unit: '%',
        baseline: null,
        baselineDate: null,
        baselineNote: null,
        targetValue: 5,
        dueDate: '2018-12-31',
        direction: 'INCREASE',
        note: null,
      }),
    );
  }

  let measurements = 0;
  for (let i = 0; i < changes; i++) {
    const id = pick(actionIds);
    const r = random();
    const data = { actionId: id };
    if (r < 0.55)
      add(`action-${id}`, e('ActionStatusChanged', { ...data, status: pick(ACTION_STATUSES), previousStatus: 'NOT_REPORTED', note: null }));
    else if (r < 0.7 && owners.get(id)!.length > 1 && random() < 0.4) {
      // An action keeps at least one owner, as the domain demands.
      const partnerId = pick(owners.get(id)!);
      owners.set(
        id,
        owners.get(id)!.filter((p) => p !== partnerId),
      );
      add(`action-${id}`, e('OwnerRemoved', { ...data, partnerId, reason: 'r' }));
    } else if (r < 0.7) {
      const partnerId = pick(HISTORY_PARTNERS.filter((p) => !owners.get(id)!.includes(p)));
      if (!partnerId) continue;
      owners.get(id)!.push(partnerId);
      add(`action-${id}`, e('OwnerAssigned', { ...data, partnerId, reason: null }));
    } else if (r < 0.82) {
      add(
        `action-${id}`,
        e('ActionRescheduled', {
          ...data,
          deadline: { text: 'y', start: null, end: pick(['2018-03-01', '2020-01-01']) },
          previousDeadline: null,
          reason: 'r',
        }),
      );
    } else if (r < 0.9) {
      const planId = HISTORY_PLANS.find((p) => !plans.get(id)!.includes(p));
      if (!planId) continue;
      plans.get(id)!.push(planId);
      add(`action-${id}`, e('ActionAddedToPlan', { ...data, planId, actionLineId: 'l', note: null }));
    } else {
      const targetId = pick(targetIds);
      add(
        `target-${targetId}`,
        e('MeasurementRecorded', {
          targetId,
          measurementId: `${targetId}-m${++measurements}`,
          value: Math.round(random() * 100) / 10,
          measuredAt: '2018-06-01',
          source: null,
        }),
      );
    }
  }
  return { steps, actionIds };
}
