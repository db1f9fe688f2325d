import { ACTION_STATUSES, ActionStatus, attainment, latestMeasurement, regionalGoal } from '@actiemonitor/domain';
import type { ActionView } from './views/action-view';
import type { RegionalFiguresView, TargetView } from './views/target-view';

/** How far the regions took up a national action: in how many regions, and their instances per status. */
export interface RegionalRollUp {
  regions: number;
  instances: number;
  byStatus: Array<{ status: ActionStatus; count: number }>;
}

export function rollUp(instances: readonly ActionView[]): RegionalRollUp {
  const counts = new Map<ActionStatus, number>();
  for (const instance of instances) counts.set(instance.status, (counts.get(instance.status) ?? 0) + 1);
  return {
    regions: new Set(instances.map((i) => i.regionId)).size,
    instances: instances.length,
    // In the statuses' own order, only those that occur.
    byStatus: ACTION_STATUSES.filter((status) => counts.has(status)).map((status) => ({ status, count: counts.get(status) as number })),
  };
}

/** One region's figures with what they mean: its end point, latest measurement and attainment. */
export interface RegionalFiguresReadout extends RegionalFiguresView {
  goal: number | null;
  latest: number | null;
  attainment: number | null;
}

export function regionalReadout(target: TargetView, figures: RegionalFiguresView): RegionalFiguresReadout {
  const goal = regionalGoal(target, figures.startfoto);
  const latest = figures.measurements.length > 0 ? latestMeasurement(figures.measurements).value : null;
  return { ...figures, goal, latest, attainment: attainment(figures.startfoto.value, goal, figures.measurements) };
}

/**
 * The national figure as the sum of the regions' latest measurements, never without saying how many
 * regions it covers and which did not report: a sum over 30 of the 42 regions is not a national count.
 */
export interface RegionalTotal {
  unit: string;
  total: number;
  /** The same regions' startfotos added up, so the total has something to compare with. */
  startfotoTotal: number;
  reporting: string[];
  notReporting: string[];
}

export function regionalTotal(target: TargetView, allRegionIds: readonly string[]): RegionalTotal | null {
  const regions = target.regions ?? [];
  if (regions.length === 0) return null;
  const reported = regions.filter((r) => r.measurements.length > 0);
  const reporting = new Set(reported.map((r) => r.regionId));
  return {
    unit: regions[0].unit,
    total: reported.reduce((sum, r) => sum + latestMeasurement(r.measurements).value, 0),
    startfotoTotal: reported.reduce((sum, r) => sum + r.startfoto.value, 0),
    reporting: [...reporting].sort(),
    notReporting: allRegionIds.filter((id) => !reporting.has(id)),
  };
}
