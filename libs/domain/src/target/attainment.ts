/**
 * How far the latest measurement has come from the baseline towards the target:
 * (latest - baseline) / (targetValue - baseline). 1 means reached; it may exceed 1 or be negative.
 * Null while there is no measurement, no baseline or no numeric target, or when target equals baseline
 * (there is no distance to cover, so a ratio would be meaningless).
 */
export function attainment(
  baseline: number | null,
  targetValue: number | null,
  measurements: ReadonlyArray<{ value: number; measuredAt: string }>,
): number | null {
  if (baseline === null || targetValue === null || measurements.length === 0) return null;
  if (targetValue === baseline) return null;
  const latest = latestMeasurement(measurements);
  return (latest.value - baseline) / (targetValue - baseline);
}

/** Latest by measurement date; of two on the same date, the one recorded later. */
export function latestMeasurement<M extends { measuredAt: string }>(measurements: ReadonlyArray<M>): M {
  let latest = measurements[0];
  for (const m of measurements) if (m.measuredAt >= latest.measuredAt) latest = m;
  return latest;
}
