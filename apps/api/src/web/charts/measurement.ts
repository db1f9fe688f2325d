import { createDocument } from './dom';
import { finishSvg } from './finish-svg';
import { formatDate, formatNumber, formatValue, parseIsoDate, truncate } from './format';
import { DatedValue, measurementLabel } from './measurement-label';
import { CHART_WIDTH, estimateTextWidth } from './layout';
import { Plot, renderPlot } from './plot';
import { timeAxis } from './ticks';

export interface MeasurementChartInput {
  description: string;
  unit: string | null;
  baseline: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  dueDate: string | null;
  /** measuredAt is a calendar date, "YYYY-MM-DD". */
  measurements: Array<{ measuredAt: string; value: number }>;
}

const HEIGHT = 280;
/** Rijkshuisstijl colours, each at least 3:1 against white (WCAG 1.4.11). */
const MEASUREMENT_COLOUR = '#01689b'; // lintblauw
const TARGET_COLOUR = '#39870c'; // groen
const BASELINE_COLOUR = '#696969'; // grijs

/**
 * The measurements of one target over time: a line with a dot per measurement, the baseline as a hollow
 * dot (or a dotted rule when it has no date) and the target value as a dashed rule labelled "Doel".
 * Returns "" when there is neither a measurement nor a target value: nothing worth a picture.
 */
export function measurementChart(input: MeasurementChartInput): string {
  const measurements = validMeasurements(input.measurements);
  const target = isNumber(input.targetValue) ? { value: input.targetValue, date: parseIsoDate(input.dueDate) } : null;
  if (measurements.length === 0 && target === null) return '';
  const baseline = isNumber(input.baseline) ? { value: input.baseline, date: parseIsoDate(input.baselineDate) } : null;
  const unit = input.unit;

  const dates = [...measurements.map((m) => m.date), baseline?.date, target?.date].filter((date): date is Date => date instanceof Date);
  const axis = timeAxis(dates);
  const marks = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    ...baselineMarks(baseline, unit),
    ...targetMarks(target, unit),
    ...measurementMarks(measurements, unit),
  ];

  const document = createDocument();
  const svg = renderPlot({
    document,
    width: CHART_WIDTH,
    height: HEIGHT,
    marginTop: 28,
    marginRight: 20,
    marginBottom: 32,
    marginLeft: yAxisMargin([...measurements.map((m) => m.value), baseline?.value ?? 0, target?.value ?? 0]),
    x: axis ? { type: 'utc', domain: axis.domain, ticks: axis.ticks, tickFormat: axis.format, label: null } : undefined,
    y: { zero: true, nice: true, grid: true, tickFormat: formatNumber, label: unit?.trim() || null, labelArrow: 'none' },
    marks,
  });

  const description = input.description.trim();
  return finishSvg(document, svg, {
    variant: 'measurement',
    title: description ? `Metingen: ${truncate(description, 120)}` : 'Metingen',
    label: measurementLabel({ unit, measurements, baseline, target }),
  });
}

function measurementMarks(measurements: DatedValue[], unit: string | null) {
  if (measurements.length === 0) return [];
  return [
    Plot.line(measurements, { x: 'date', y: 'value', stroke: MEASUREMENT_COLOUR, strokeWidth: 2, className: 'am-chart__line' }),
    Plot.dot(measurements, {
      x: 'date',
      y: 'value',
      r: 4,
      fill: MEASUREMENT_COLOUR,
      title: (m: DatedValue) => `${formatValue(m.value, unit)} op ${formatDate(m.date)}`,
      className: 'am-chart__measurements',
    }),
  ];
}

function targetMarks(target: { value: number; date: Date | null } | null, unit: string | null) {
  if (target === null) return [];
  const text = `Doel: ${formatValue(target.value, unit)}${target.date ? ` op ${formatDate(target.date)}` : ''}`;
  return [
    Plot.ruleY([target.value], { stroke: TARGET_COLOUR, strokeWidth: 2, strokeDasharray: '6 4', className: 'am-chart__target' }),
    // The label sits just above the rule at the right; a white halo keeps it legible over grid lines.
    Plot.text([target.value], {
      y: (value: number) => value,
      text: () => text,
      frameAnchor: 'right',
      textAnchor: 'end',
      dy: -8,
      fill: 'currentColor',
      stroke: 'white',
      strokeWidth: 4,
      className: 'am-chart__target-label',
    }),
  ];
}

function baselineMarks(baseline: { value: number; date: Date | null } | null, unit: string | null) {
  if (baseline === null) return [];
  const text = `Nulmeting: ${formatValue(baseline.value, unit)}`;
  if (baseline.date === null) {
    return [
      Plot.ruleY([baseline.value], { stroke: BASELINE_COLOUR, strokeWidth: 1.5, strokeDasharray: '2 3', className: 'am-chart__baseline' }),
      // Right-aligned under its rule: clear of the "Doel" label (above its rule) and of the first measurements.
      Plot.text([baseline.value], {
        y: (value: number) => value,
        text: () => text,
        frameAnchor: 'right',
        textAnchor: 'end',
        dy: 10,
        fill: 'currentColor',
        stroke: 'white',
        strokeWidth: 4,
        className: 'am-chart__baseline-label',
      }),
    ];
  }
  const point = [{ date: baseline.date, value: baseline.value }];
  return [
    Plot.dot(point, {
      x: 'date',
      y: 'value',
      r: 5,
      stroke: BASELINE_COLOUR,
      strokeWidth: 2,
      fill: 'white',
      title: () => `${text} op ${formatDate(baseline.date as Date)}`,
      className: 'am-chart__baseline',
    }),
    Plot.text(point, {
      x: 'date',
      y: 'value',
      text: () => 'Nulmeting',
      dy: -12,
      fill: 'currentColor',
      stroke: 'white',
      strokeWidth: 4,
      className: 'am-chart__baseline-label',
    }),
  ];
}

/** Measurements with a real date and a finite value, oldest first (the line must not zigzag back in time). */
function validMeasurements(measurements: MeasurementChartInput['measurements']): DatedValue[] {
  return measurements
    .map((m) => ({ date: parseIsoDate(m.measuredAt), value: m.value }))
    .filter((m): m is DatedValue => m.date !== null && isNumber(m.value))
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** Room for the longest y tick label (a nice round number at most about 1.2 × the largest value). */
function yAxisMargin(values: number[]): number {
  const largest = Math.max(...values.map(Math.abs));
  const longest = formatNumber(-Math.ceil(largest * 1.25)); // a minus sign and thousands points included
  return Math.max(48, estimateTextWidth(longest) + 14);
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
