import { TargetEvent } from './target.events';

export interface MeasurementState {
  measurementId: string;
  value: number;
  measuredAt: string;
  source: string | null;
  corrected: boolean;
}

export interface TargetState {
  defined: boolean;
  version: number;
  baseline: number | null;
  /** Every measurement recorded, in recording order, with corrections applied. */
  measurements: MeasurementState[];
  /** Counts every MeasurementRecorded ever, so measurement ids stay stable and unique. */
  recordedCount: number;
}

export const initialTargetState = (): TargetState => ({
  defined: false,
  version: 0,
  baseline: null,
  measurements: [],
  recordedCount: 0,
});

export function evolveTarget(state: TargetState, e: TargetEvent): TargetState {
  const next = { ...state, version: state.version + 1 };
  switch (e.type) {
    case 'TargetDefined':
      return { ...next, defined: true, baseline: e.data.baseline };
    case 'BaselineRecorded':
      return { ...next, baseline: e.data.baseline };
    case 'MeasurementRecorded':
      return {
        ...next,
        recordedCount: state.recordedCount + 1,
        measurements: [
          ...state.measurements,
          {
            measurementId: e.data.measurementId,
            value: e.data.value,
            measuredAt: e.data.measuredAt,
            source: e.data.source,
            corrected: false,
          },
        ],
      };
    case 'MeasurementCorrected':
      return {
        ...next,
        measurements: state.measurements.map((m) =>
          m.measurementId === e.data.measurementId
            ? { ...m, value: e.data.value, measuredAt: e.data.measuredAt, source: e.data.source, corrected: true }
            : m,
        ),
      };
    default:
      return next;
  }
}
