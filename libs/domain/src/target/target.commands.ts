import { TargetDirection } from './target.events';
import type { RegionalFigureCommand } from './regional-figures';

export interface DefineTarget {
  type: 'DefineTarget';
  targetId: string;
  planId: string;
  actionLineId: string;
  actionIds: string[];
  owners: string[];
  description: string;
  sourceText?: string | null;
  unit: string | null;
  baseline: number | null;
  baselineDate: string | null;
  baselineNote?: string | null;
  targetValue: number | null;
  dueDate: string | null;
  direction: TargetDirection;
  note?: string | null;
}

export interface RecordBaseline {
  type: 'RecordBaseline';
  targetId: string;
  baseline: number;
  baselineDate: string;
  note: string | null;
}

export interface RecordMeasurement {
  type: 'RecordMeasurement';
  targetId: string;
  value: number;
  measuredAt: string;
  source: string | null;
}

export interface CorrectMeasurement {
  type: 'CorrectMeasurement';
  targetId: string;
  measurementId: string;
  value: number;
  measuredAt: string;
  source: string | null;
  reason: string;
}

export type TargetCommand = DefineTarget | RecordBaseline | RecordMeasurement | CorrectMeasurement | RegionalFigureCommand;
