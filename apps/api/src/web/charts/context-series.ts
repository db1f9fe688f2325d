import { createDocument } from './dom';
import { finishSvg } from './finish-svg';
import { formatDate, formatNumber, formatValue, parseIsoDate, truncate } from './format';
import { CHART_WIDTH, estimateTextWidth } from './layout';
import { Plot, renderPlot } from './plot';
import { timeAxis } from './ticks';

export interface ContextSeriesChartInput {
  title: string;
  unit: string | null;
  /** The series' figures; only those with a date and without a part ("category") are drawn. */
  figures: Array<{ date: string | null; category: string | null; value: number }>;
}

const HEIGHT = 240;
const CONTEXT_COLOUR = '#154273'; // Rijkshuisstijl donkerblauw, well over 3:1 against white

/**
 * A series of context figures over time: a line with a dot per figure, no target and no baseline
 * (context figures are not goals). "" when fewer than two figures have a date: a table says it better.
 */
export function contextSeriesChart(input: ContextSeriesChartInput): string {
  const points = input.figures
    .filter((f) => f.category === null && Number.isFinite(f.value))
    .map((f) => ({ date: parseIsoDate(f.date), value: f.value }))
    .filter((p): p is { date: Date; value: number } => p.date !== null)
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  if (points.length < 2) return '';
  const axis = timeAxis(points.map((p) => p.date));
  const document = createDocument();
  const largest = Math.max(...points.map((p) => Math.abs(p.value)));
  const svg = renderPlot({
    document,
    width: CHART_WIDTH,
    height: HEIGHT,
    marginTop: 24,
    marginRight: 20,
    marginBottom: 32,
    marginLeft: Math.max(48, estimateTextWidth(formatNumber(Math.ceil(largest * 1.25))) + 14),
    x: axis ? { type: 'utc', domain: axis.domain, ticks: axis.ticks, tickFormat: axis.format, label: null } : undefined,
    y: { zero: true, nice: true, grid: true, tickFormat: formatNumber, label: input.unit?.trim() || null, labelArrow: 'none' },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
      Plot.line(points, { x: 'date', y: 'value', stroke: CONTEXT_COLOUR, strokeWidth: 2, className: 'am-chart__line' }),
      Plot.dot(points, {
        x: 'date',
        y: 'value',
        r: 4,
        fill: CONTEXT_COLOUR,
        title: (p: { date: Date; value: number }) => `${formatValue(p.value, input.unit)} op ${formatDate(p.date)}`,
        className: 'am-chart__context',
      }),
    ],
  });
  return finishSvg(document, svg, {
    variant: 'context',
    title: `Contextcijfers: ${truncate(input.title.trim(), 120)}`,
    label: `Contextcijfers (geen doel): ${points.map((p) => `${formatValue(p.value, input.unit)} op ${formatDate(p.date)}`).join(', ')}`,
  });
}
