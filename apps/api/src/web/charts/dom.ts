import { DOMParser } from 'linkedom';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The small part of the DOM the chart code touches. The project compiles without the "dom" lib (it is a
 * server), so the DOM types in Plot's and linkedom's typings resolve to nothing useful (at most React's
 * empty placeholder interfaces); this interface keeps our own code typed.
 */
export interface ChartNode {
  readonly tagName: string;
  readonly children: ArrayLike<ChartNode>;
  readonly firstChild: ChartNode | null;
  readonly outerHTML: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  appendChild(child: ChartNode): ChartNode;
  insertBefore(child: ChartNode, reference: ChartNode | null): ChartNode;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<ChartNode>;
}

export interface ChartDocument {
  createElementNS(namespace: string, name: string): ChartNode;
}

/**
 * A fresh document per chart: Plot appends to it while rendering, and a shared one would slowly
 * collect detached nodes in a long-running server. Parsing this tiny document costs well under a millisecond.
 *
 * It is an SVG (XML) document rather than linkedom's parseHTML(): in HTML mode linkedom's serialiser
 * escapes only `"` in attribute values, so a partner called "A &amp; B" would reach the browser's
 * aria-label as "A & B". In XML mode it escapes &, <, > and " in attributes as well as in text, while
 * the markup (no xmlns added, self-closed empty elements) stays valid to inline in an HTML page.
 */
export function createDocument(): ChartDocument {
  return new DOMParser().parseFromString(`<svg xmlns="${SVG_NS}"></svg>`, 'image/svg+xml') as unknown as ChartDocument;
}

/** An SVG element with its attributes set; text goes in as textContent so the serialiser escapes it. */
export function svgElement(
  document: ChartDocument,
  name: string,
  attributes: Record<string, string | number> = {},
  text?: string,
): ChartNode {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}
