import { parseHTML } from 'linkedom';

/** Minimal element view for assertions (the project compiles without the DOM lib). */
export interface TestElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly children: ArrayLike<TestElement>;
  readonly firstElementChild: TestElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): TestElement | null;
  querySelectorAll(selector: string): ArrayLike<TestElement>;
}

/** Parses chart markup the way a browser reads it: inlined in an HTML page. Returns the root <svg>. */
export function parseSvg(markup: string): TestElement {
  const { document } = parseHTML(`<!doctype html><html lang="nl"><body>${markup}</body></html>`);
  const svg = document.querySelector('svg') as TestElement | null;
  if (!svg) throw new Error('no <svg> in the markup');
  return svg;
}

export function all(root: TestElement, selector: string): TestElement[] {
  return Array.from(root.querySelectorAll(selector));
}
