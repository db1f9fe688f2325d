import { join } from 'node:path';
import { readPlanData } from './plan-files';

const PLANS_DIR = join(__dirname, '../../../../config/plans');

/**
 * The context files name plans, action lines, targets and actions by id: each must exist in the plan
 * files, or the import refuses it at start-up. Every entry carries its source.
 */
describe('config/plans context files (kamerstukken, themes, context figures)', () => {
  const data = readPlanData(PLANS_DIR);
  const context = data.context!;
  const plans = new Map(data.plans.map((p) => [p.id, p]));
  const actionIds = new Set(data.plans.flatMap((p) => p.actionLines.flatMap((l) => l.actions.map((a) => a.id))));
  const targetIds = new Set(data.plans.flatMap((p) => p.actionLines.flatMap((l) => (l.targets ?? []).map((t) => t.id))));

  it('are not read as plans', () => {
    expect([...plans.keys()]).toEqual(['actieplan-pleegzorg-2017-2018', 'koers-gezinshuizen-2019-2021']);
  });

  it('link references only to plans and actions that exist, and give every reference a quoted source', () => {
    for (const r of context.references) {
      expect(r.source.quote.length).toBeGreaterThan(10);
      for (const l of r.links)
        expect([r.id, l.subjectId, l.subject === 'PLAN' ? plans.has(l.subjectId) : actionIds.has(l.subjectId)]).toEqual([
          r.id,
          l.subjectId,
          true,
        ]);
    }
    expect(context.references.map((r) => r.id)).toEqual(
      expect.arrayContaining(['motie-voortman-34550-xvi-89', 'kamervragen-ypma-2016z20139']),
    );
  });

  it('give the Koers’s nine opgaven under its action lines, with Campagne serving five', () => {
    const koers = plans.get('koers-gezinshuizen-2019-2021')!;
    expect(context.themes).toHaveLength(9);
    for (const t of context.themes) {
      expect(koers.actionLines.map((l) => l.id)).toContain(t.actionLineId);
      for (const a of t.actions) expect(actionIds.has(a.actionId)).toBe(true);
    }
    expect(context.themes.filter((t) => t.actions.some((a) => a.actionId === 'koers-o-1'))).toHaveLength(5);
  });

  it('give figures with a unit, a publisher and targets of the same plan; a date only with a period', () => {
    for (const s of context.contextSeries) {
      const plan = plans.get(s.planId)!;
      expect(plan).toBeDefined();
      expect(s.unit).not.toBe('');
      expect(s.publisher).not.toBe('');
      const planTargets = new Set(plan.actionLines.flatMap((l) => (l.targets ?? []).map((t) => t.id)));
      for (const id of s.targetIds) expect([id, targetIds.has(id) && planTargets.has(id)]).toEqual([id, true]);
      for (const f of s.figures) expect([s.id, f.date !== null && f.period === null]).toEqual([s.id, false]);
    }
    const children = context.contextSeries.find((s) => s.id === 'pleegzorg-kinderen-in-pleegzorg')!;
    expect(children.figures.map((f) => [f.period, f.value])).toEqual([
      ['2014', 21880],
      ['2015', 22512],
    ]);
  });
});
