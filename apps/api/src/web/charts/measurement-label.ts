import { formatDate, formatValue } from './format';

export interface DatedValue {
  date: Date;
  value: number;
}

export interface MeasurementSummary {
  unit: string | null;
  measurements: DatedValue[];
  baseline: { value: number; date: Date | null } | null;
  target: { value: number; date: Date | null } | null;
}

/** Up to this many measurements are read out one by one; beyond it only the first and the last. */
const LISTED_MEASUREMENTS = 5;

/**
 * The chart's text alternative, e.g. "Metingen: 2,1% op 31-12-2016, 3,2% op 31-12-2017; nulmeting
 * 1,5% op 01-01-2015; doel 5% op 31-12-2025".
 */
export function measurementLabel({ unit, measurements, baseline, target }: MeasurementSummary): string {
  const parts = [describeMeasurements(measurements, unit)];
  if (baseline) parts.push(`nulmeting ${onDate(baseline.value, baseline.date, unit)}`);
  if (target) parts.push(`doel ${onDate(target.value, target.date, unit)}`);
  return parts.join('; ');
}

function describeMeasurements(measurements: DatedValue[], unit: string | null): string {
  if (measurements.length === 0) return 'Nog geen metingen';
  if (measurements.length <= LISTED_MEASUREMENTS) {
    return `Metingen: ${measurements.map((m) => onDate(m.value, m.date, unit)).join(', ')}`;
  }
  const first = measurements[0];
  const last = measurements[measurements.length - 1];
  return `${measurements.length} metingen, van ${onDate(first.value, first.date, unit)} tot ${onDate(last.value, last.date, unit)}`;
}

function onDate(value: number, date: Date | null, unit: string | null): string {
  return date ? `${formatValue(value, unit)} op ${formatDate(date)}` : formatValue(value, unit);
}
