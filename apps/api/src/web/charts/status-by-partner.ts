import { ACTION_STATUSES, ActionStatus, STATUS_COLOURS, STATUS_LABELS } from '../status-labels';
import { createDocument } from './dom';
import { finishSvg } from './finish-svg';
import { formatNumber, truncate } from './format';
import { drawLegend, layoutLegend } from './legend';
import { CHART_WIDTH, estimateTextWidth } from './layout';
import { Plot, renderPlot } from './plot';
import { count, StatusByPartnerRow, statusByPartnerLabel } from './status-by-partner-label';
import { countTicks } from './ticks';

export type { StatusByPartnerRow };

export interface StatusByPartnerOptions {
  /** Chart name for the tooltip and the start of the text alternative; defaults to "Statussen per partner". */
  title?: string;
}

interface Segment {
  partnerId: string;
  status: ActionStatus;
  count: number;
}

const DEFAULT_TITLE = 'Statussen per partner';
/** Longer names are cut with an ellipsis; the table beside the chart shows them in full. */
const NAME_LENGTH = 28;
const BAR_STEP = 28;
const MARGIN_RIGHT = 16;
const MARGIN_BOTTOM = 40;

/**
 * One horizontal bar per partner, stacked by status in ACTION_STATUSES order, with a legend of the
 * statuses that occur. Returns "" when there is no action to draw, so the page can say so in words.
 */
export function statusByPartnerChart(rows: StatusByPartnerRow[], options: StatusByPartnerOptions = {}): string {
  const partners = uniqueById(rows);
  const segments = partners.flatMap((row) =>
    ACTION_STATUSES.map((status) => ({ partnerId: row.partnerId, status, count: count(row.byStatus[status]) })).filter(
      (segment) => segment.count > 0,
    ),
  );
  if (segments.length === 0) return '';

  const title = options.title?.trim() || DEFAULT_TITLE;
  const fullNames = new Map(partners.map((row) => [row.partnerId, row.partnerName]));
  const names = new Map(partners.map((row) => [row.partnerId, truncate(row.partnerName, NAME_LENGTH)]));
  const marginLeft = Math.min(240, Math.max(48, ...Array.from(names.values(), (name) => estimateTextWidth(name))) + 14);

  const shown = ACTION_STATUSES.filter((status) => segments.some((segment) => segment.status === status));
  const legend = layoutLegend(
    shown.map((status) => ({ label: STATUS_LABELS[status], colour: STATUS_COLOURS[status] })),
    CHART_WIDTH - marginLeft - MARGIN_RIGHT,
  );
  const marginTop = legend.height + 16;

  const totals = partners.map((row) =>
    segments.filter((segment) => segment.partnerId === row.partnerId).reduce((sum, segment) => sum + segment.count, 0),
  );
  const ticks = countTicks(Math.max(...totals));

  const document = createDocument();
  const svg = renderPlot({
    document,
    width: CHART_WIDTH,
    height: marginTop + partners.length * BAR_STEP + MARGIN_BOTTOM,
    marginTop,
    marginLeft,
    marginRight: MARGIN_RIGHT,
    marginBottom: MARGIN_BOTTOM,
    x: {
      domain: [0, ticks[ticks.length - 1]],
      ticks,
      tickFormat: formatNumber,
      grid: true,
      label: 'Aantal acties',
      labelArrow: 'none',
      labelAnchor: 'center',
      labelOffset: 34,
    },
    y: { domain: partners.map((row) => row.partnerId), tickFormat: (id: string) => names.get(id) ?? '', label: null, padding: 0.25 },
    color: { type: 'ordinal', domain: [...ACTION_STATUSES], range: ACTION_STATUSES.map((status) => STATUS_COLOURS[status]) },
    marks: [
      Plot.barX(segments, {
        x: 'count',
        y: 'partnerId',
        fill: 'status',
        order: [...ACTION_STATUSES],
        // A white seam keeps neighbouring segments apart where two colours are close.
        stroke: 'white',
        strokeWidth: 1,
        // The tooltip names the partner in full: the axis may show it cut short.
        title: (segment: Segment) => `${fullNames.get(segment.partnerId)}: ${formatNumber(segment.count)} ${STATUS_LABELS[segment.status]}`,
        className: 'am-chart__bars',
      }),
      Plot.ruleX([0]),
    ],
  });
  svg.appendChild(drawLegend(document, legend, marginLeft, 4));

  return finishSvg(document, svg, { variant: 'status-by-partner', title, label: statusByPartnerLabel(partners, title) });
}

/** Plot's band scale would merge repeated ids into one bar; keep the first row for each partner. */
function uniqueById(rows: StatusByPartnerRow[]): StatusByPartnerRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.partnerId) && seen.add(row.partnerId));
}
