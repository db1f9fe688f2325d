import { ChartDocument, ChartNode, svgElement } from './dom';
import { estimateTextWidth } from './layout';

export interface LegendItem {
  label: string;
  colour: string;
}

interface PlacedItem extends LegendItem {
  x: number;
  y: number;
}

export interface LegendLayout {
  items: PlacedItem[];
  height: number;
}

const SWATCH = 12;
const SWATCH_GAP = 6;
const ITEM_GAP = 18;
const ROW_HEIGHT = 20;

/**
 * Places the swatches left to right, wrapping to a new row when the next one would not fit. Plot's own
 * legends are HTML beside the <svg>; drawing ours inside keeps each chart one self-contained image.
 */
export function layoutLegend(items: LegendItem[], width: number): LegendLayout {
  const placed: PlacedItem[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const itemWidth = SWATCH + SWATCH_GAP + estimateTextWidth(item.label);
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += ROW_HEIGHT;
    }
    placed.push({ ...item, x, y });
    x += itemWidth + ITEM_GAP;
  }
  return { items: placed, height: items.length === 0 ? 0 : y + ROW_HEIGHT };
}

/** The legend as a <g> at (left, top): a coloured square and the dark label text for each item. */
export function drawLegend(document: ChartDocument, layout: LegendLayout, left: number, top: number): ChartNode {
  const group = svgElement(document, 'g', { class: 'am-chart__legend', transform: `translate(${left},${top})`, 'text-anchor': 'start' });
  for (const item of layout.items) {
    group.appendChild(svgElement(document, 'rect', { x: item.x, y: item.y + 2, width: SWATCH, height: SWATCH, fill: item.colour }));
    group.appendChild(
      svgElement(document, 'text', { x: item.x + SWATCH + SWATCH_GAP, y: item.y + 2 + SWATCH / 2, dy: '0.32em' }, item.label),
    );
  }
  return group;
}
