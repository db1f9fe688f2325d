/** Sizes shared by the charts. */

/** Every chart is drawn this wide in SVG user units; charts.css scales it down to fit the page. */
export const CHART_WIDTH = 720;

/** Font size in SVG user units, set on the root; the legend and margins are measured with it. */
export const CHART_FONT_SIZE = 12;

/**
 * A generous guess at the width of text: Fira Sans averages about 0.5 em per character, and 0.6 leaves
 * room for capitals and wider fallback fonts. There is no layout engine on the server, so margins and
 * legend spacing are estimated rather than measured.
 */
export function estimateTextWidth(text: string, fontSize = CHART_FONT_SIZE): number {
  return Math.ceil(Array.from(text).length * fontSize * 0.6);
}
