import { TargetDirection, TargetEvent } from '@actiemonitor/domain';

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
    default:
      return next;
  }
}
