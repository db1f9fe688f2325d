import { ChartDocument, ChartNode, svgElement } from './dom';
import { CHART_FONT_SIZE } from './layout';

/** The class every chart's root carries; assets/charts.css styles charts through it. */
export const CHART_CLASS = 'am-chart';

export interface FinishOptions {
  /** Added as `am-chart--<variant>` so the stylesheet can tell the charts apart. */
  variant: string;
  /** The short name shown as a tooltip: the root's <title>. */
  title: string;
  /** The text alternative a screen reader reads instead of the drawing. */
  label: string;
}

/**
 * Turns Plot's <svg> into markup the pages may inline: the site's Content-Security-Policy allows no
 * inline styles, so Plot's <style> element and every style attribute go (charts.css carries the same
 * rules); the font is left to the page; and the root becomes one image with a Dutch text alternative.
 */
export function finishSvg(document: ChartDocument, svg: ChartNode, options: FinishOptions): string {
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  for (const element of [svg, ...Array.from(svg.querySelectorAll('*'))]) element.removeAttribute('style');
  // Plot names each group with aria-label ("x-axis tick", "bar", …). ARIA forbids aria-label on a <g>
  // without a role (axe: aria-prohibited-attr), and inside role="img" nobody reads it anyway; keep the
  // name as data-mark, which specs and stylesheets can still select on.
  for (const element of Array.from(svg.querySelectorAll('[aria-label]'))) {
    element.setAttribute('data-mark', element.getAttribute('aria-label') ?? '');
    element.removeAttribute('aria-label');
  }

  svg.setAttribute('class', `${CHART_CLASS} ${CHART_CLASS}--${options.variant}`);
  svg.removeAttribute('font-family'); // inherit the page's font (Fira Sans)
  svg.setAttribute('font-size', String(CHART_FONT_SIZE)); // Plot's 10 is too small once the chart is scaled down
  svg.removeAttribute('aria-description');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', options.label);
  svg.insertBefore(svgElement(document, 'title', {}, options.title), svg.firstChild);

  // outerHTML escapes text and attribute values, so partner names and descriptions need no escaping here.
  return svg.outerHTML;
}
