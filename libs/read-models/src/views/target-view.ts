import { RegionalFigureEvent, TargetDirection, TargetEvent } from '@actiemonitor/domain';

export interface MeasurementView {
  id: string;
  value: number;
  measuredAt: string;
  source: string | null;
  recordedAt: string;
  /** Set when a later event corrected this measurement; the log keeps the original too. */
  correction: { reason: string; correctedAt: string } | null;
}

export interface TargetView {
  id: string;
  planId: string;
  actionLineId: string;
  actionIds: string[];
  owners: string[];
  description: string;
  sourceText: string | null;
  unit: string | null;
  baseline: number | null;
  baselineDate: string | null;
  baselineNote: string | null;
  targetValue: number | null;
  dueDate: string | null;
  direction: TargetDirection;
  note: string | null;
  measurements: MeasurementView[];
  version: number;
  /** The regions' own figures (startfoto, measurements), by region id; absent until a region records one. */
  regions?: RegionalFiguresView[];
}

/** One region's figures for a national target: counts in the unit all regions use for it. */
export interface RegionalFiguresView {
  regionId: string;
  unit: string;
  startfoto: { value: number; measuredAt: string; source: string | null; goal: number | null; recordedAt: string };
  measurements: Array<{ id: string; value: number; measuredAt: string; source: string | null; recordedAt: string }>;
}

export function evolveTargetView(view: TargetView | null, e: TargetEvent, recordedAt: string): TargetView | null {
  if (e.type === 'TargetDefined') {
    const { targetId, ...rest } = e.data;
    return { id: targetId, ...rest, measurements: [], version: 1 };
  }
  if (view === null) return null;
  const next: TargetView = { ...view, version: view.version + 1 };
  switch (e.type) {
    case 'BaselineRecorded':
      return { ...next, baseline: e.data.baseline, baselineDate: e.data.baselineDate, baselineNote: e.data.note ?? view.baselineNote };
    case 'MeasurementRecorded':
      return {
        ...next,
        measurements: [
          ...view.measurements,
          {
            id: e.data.measurementId,
            value: e.data.value,
            measuredAt: e.data.measuredAt,
            source: e.data.source,
            recordedAt,
            correction: null,
          },
        ],
      };
    case 'MeasurementCorrected':
      return {
        ...next,
        measurements: view.measurements.map((m) =>
          m.id === e.data.measurementId
            ? {
                ...m,
                value: e.data.value,
                measuredAt: e.data.measuredAt,
                source: e.data.source,
                correction: { reason: e.data.reason, correctedAt: recordedAt },
              }
            : m,
        ),
      };
    case 'RegionalBaselineRecorded':
    case 'RegionalMeasurementRecorded':
      return { ...next, regions: evolveRegions(view.regions ?? [], e, recordedAt) };
    default:
      return next;
  }
}

function evolveRegions(regions: RegionalFiguresView[], e: RegionalFigureEvent, recordedAt: string): RegionalFiguresView[] {
  const { regionId, value, measuredAt, source } = e.data;
  const current = regions.find((r) => r.regionId === regionId);
  let updated: RegionalFiguresView;
  if (e.type === 'RegionalBaselineRecorded') {
    const startfoto = { value, measuredAt, source, goal: e.data.goal, recordedAt };
    updated = { regionId, unit: e.data.unit, startfoto, measurements: current?.measurements ?? [] };
  } else if (current) {
    updated = { ...current, measurements: [...current.measurements, { id: e.data.measurementId, value, measuredAt, source, recordedAt }] };
  } else {
    return regions;
  }
  return [...regions.filter((r) => r.regionId !== regionId), updated].sort((a, b) => a.regionId.localeCompare(b.regionId));
}
