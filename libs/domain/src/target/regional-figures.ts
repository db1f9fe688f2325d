import { event, DomainEvent } from '../shared/domain-event';
import { InvalidInput } from '../shared/errors';
import { isCalendarDate } from '../shared/period';
import { SHARED_MESSAGES } from '../shared/shared.messages';
import { optionalText, requireText, TEXT_LIMITS } from '../shared/text';
import { REGIONAL_FIGURE_MESSAGES as M } from './regional-figures.messages';
import { PARTNER_MESSAGES } from '../partner/partner.messages';

/**
 * A region's own figures for a national target: first a startfoto ("Hoeveel pleeggezinnen zijn er in
 * onze gemeenschap?", seed 000), optionally the region's own end point ("Bepaal dan gezamenlijk het
 * eindpunt"), then measurements. Regional figures are counts in one unit per target (the first startfoto
 * sets it), so the regions' figures can be added up into a national figure.
 */
export interface RecordRegionalBaseline {
  type: 'RecordRegionalBaseline';
  targetId: string;
  regionId: string;
  value: number;
  measuredAt: string;
  unit: string;
  source: string | null;
  /** The region's own end point; null when it follows the national target (see regionalGoal). */
  goal: number | null;
}

export interface RecordRegionalMeasurement {
  type: 'RecordRegionalMeasurement';
  targetId: string;
  regionId: string;
  value: number;
  measuredAt: string;
  source: string | null;
}

export type RegionalFigureCommand = RecordRegionalBaseline | RecordRegionalMeasurement;

/** A startfoto; a later one for the same region replaces it in the views, the earlier stays in the log. */
export type RegionalBaselineRecorded = DomainEvent<
  'RegionalBaselineRecorded',
  { targetId: string; regionId: string; value: number; measuredAt: string; unit: string; source: string | null; goal: number | null }
>;
export type RegionalMeasurementRecorded = DomainEvent<
  'RegionalMeasurementRecorded',
  { targetId: string; regionId: string; measurementId: string; value: number; measuredAt: string; source: string | null }
>;
export type RegionalFigureEvent = RegionalBaselineRecorded | RegionalMeasurementRecorded;

export interface RegionalFiguresState {
  /** The unit every region's figures for this target are counted in; set by the first startfoto. */
  unit: string | null;
  /** Per region: the date of its startfoto and how many measurements it recorded. */
  regions: Readonly<Record<string, { baselineDate: string; measurementCount: number }>>;
}

export const initialRegionalFigures = (): RegionalFiguresState => ({ unit: null, regions: {} });

export function evolveRegionalFigures(state: RegionalFiguresState, e: RegionalFigureEvent): RegionalFiguresState {
  const region = state.regions[e.data.regionId];
  if (e.type === 'RegionalBaselineRecorded') {
    const measurementCount = region?.measurementCount ?? 0;
    return {
      unit: state.unit ?? e.data.unit,
      regions: { ...state.regions, [e.data.regionId]: { baselineDate: e.data.measuredAt, measurementCount } },
    };
  }
  if (!region) return state;
  return { ...state, regions: { ...state.regions, [e.data.regionId]: { ...region, measurementCount: region.measurementCount + 1 } } };
}

export interface RegionalFiguresContext {
  knownRegions: ReadonlySet<string>;
}

export function decideRegionalFigure(
  command: RegionalFigureCommand,
  state: RegionalFiguresState,
  context: RegionalFiguresContext,
): RegionalFigureEvent {
  if (!context.knownRegions.has(command.regionId)) throw new InvalidInput('regionId', PARTNER_MESSAGES.notARegion(command.regionId));
  const value = count('value', command.value);
  const measuredAt = calendarDate('measuredAt', command.measuredAt);
  const source = optionalText('source', command.source, TEXT_LIMITS.source);
  if (command.type === 'RecordRegionalBaseline') {
    const unit = requireText('unit', command.unit, TEXT_LIMITS.unit);
    if (state.unit !== null && unit !== state.unit) throw new InvalidInput('unit', M.unitDiffers(state.unit));
    const goal = command.goal === null ? null : count('goal', command.goal);
    return event('RegionalBaselineRecorded', {
      targetId: command.targetId,
      regionId: command.regionId,
      value,
      measuredAt,
      unit,
      source,
      goal,
    });
  }
  const region = state.regions[command.regionId];
  if (!region) throw new InvalidInput('regionId', M.noStartfoto(command.regionId));
  if (measuredAt < region.baselineDate) throw new InvalidInput('measuredAt', M.beforeStartfoto(region.baselineDate));
  return event('RegionalMeasurementRecorded', {
    targetId: command.targetId,
    regionId: command.regionId,
    // Per region, in recording order: stable across replays and readable in exports.
    measurementId: `${command.targetId}-${command.regionId.toLowerCase()}-m${region.measurementCount + 1}`,
    value,
    measuredAt,
    source,
  });
}

/** Counts of families, registrations or people: whole and not negative. */
function count(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1e9) throw new InvalidInput(field, M.notACount);
  return value;
}

function calendarDate(field: string, value: string): string {
  if (!isCalendarDate(value)) throw new InvalidInput(field, SHARED_MESSAGES.notCalendarDate(value));
  return value;
}

/**
 * The end point a region works towards: its own when it set one; for a national target that asks for a
 * percentage increase ("5% in 2017 ten opzichte van september 2016") the same increase on the region's
 * startfoto; otherwise none (a national threshold says nothing about one region's share).
 */
export function regionalGoal(
  target: { unit: string | null; direction: string; targetValue: number | null },
  baseline: { value: number; goal: number | null },
): number | null {
  if (baseline.goal !== null) return baseline.goal;
  const relative = target.direction === 'INCREASE' && target.targetValue !== null && (target.unit ?? '').startsWith('% toename');
  return relative ? baseline.value * (1 + (target.targetValue as number) / 100) : null;
}
