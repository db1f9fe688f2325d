import { DomainEvent } from '../shared/domain-event';
import type { RegionalFigureEvent } from './regional-figures';

/** How progress on a target is read: up to a number, down to one, at least a threshold, or in words only. */
export type TargetDirection = 'INCREASE' | 'DECREASE' | 'AT_LEAST' | 'QUALITATIVE';

export interface TargetDefinition {
  targetId: string;
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
}

export type TargetDefined = DomainEvent<'TargetDefined', TargetDefinition>;
/** Plans often state a target relative to a baseline they do not give ("t.o.v. september 2016"): it is recorded later. */
export type BaselineRecorded = DomainEvent<
  'BaselineRecorded',
  { targetId: string; baseline: number; baselineDate: string; previousBaseline: number | null; note: string | null }
>;
export type MeasurementRecorded = DomainEvent<
  'MeasurementRecorded',
  { targetId: string; measurementId: string; value: number; measuredAt: string; source: string | null }
>;
/** A wrong measurement is corrected by a new fact that names what it corrects and why; the original stays in the log. */
export type MeasurementCorrected = DomainEvent<
  'MeasurementCorrected',
  { targetId: string; measurementId: string; value: number; measuredAt: string; source: string | null; reason: string }
>;

export type TargetEvent = TargetDefined | BaselineRecorded | MeasurementRecorded | MeasurementCorrected | RegionalFigureEvent;
