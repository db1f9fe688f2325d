// Jest cannot load linkedom's ES-module dependencies itself: see testing/jest-modules.testing.ts.
jest.mock('linkedom', () => jest.requireActual('./testing/jest-modules.testing').nativeRequire('linkedom'));

import { createDocument, svgElement } from './dom';
import { finishSvg } from './finish-svg';
import { all, parseSvg } from './testing/parse-svg.testing';

/** An <svg> shaped like Plot's: a class, a font, a <style> element, inline styles and aria-labelled groups. */
function plotLikeSvg() {
  const document = createDocument();
  const svg = svgElement(document, 'svg', {
    class: 'plot-d6a7b5',
    'font-family': 'system-ui, sans-serif',
    style: 'color: red',
    viewBox: '0 0 720 100',
  });
  svg.appendChild(svgElement(document, 'style', {}, ':where(.plot-d6a7b5) { display: block; }'));
  const group = svgElement(document, 'g', { 'aria-label': 'bar', style: 'opacity: 0.5' });
  group.appendChild(svgElement(document, 'rect', { width: 10, height: 10, style: 'fill: red' }));
  svg.appendChild(group);
  return { document, svg };
}

describe('finishSvg', () => {
  const { document, svg } = plotLikeSvg();
  const markup = finishSvg(document, svg, { variant: 'test', title: 'Titel & meer', label: 'Tekst <b>alternatief</b>' });

  it('removes every <style> element and style attribute (the CSP forbids inline styles)', () => {
    expect(markup).not.toContain('<style');
    expect(markup).not.toMatch(/\sstyle=/);
  });

  it('leaves the font to the page and marks the root with the stylesheet class', () => {
    expect(markup).not.toContain('font-family');
    expect(parseSvg(markup).getAttribute('class')).toBe('am-chart am-chart--test');
    expect(parseSvg(markup).getAttribute('font-size')).toBe('12');
  });

  it('makes the root one image with a text alternative and a <title> as first child', () => {
    const root = parseSvg(markup);
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('Tekst <b>alternatief</b>');
    expect(root.firstElementChild?.tagName.toLowerCase()).toBe('title');
    expect(root.firstElementChild?.textContent).toBe('Titel & meer');
    expect(markup).toContain('aria-label="Tekst &lt;b&gt;alternatief&lt;/b&gt;"');
  });

  it("turns the groups' aria-labels into data-mark attributes", () => {
    const root = parseSvg(markup);
    expect(all(root, '[aria-label]')).toHaveLength(0);
    expect(all(root, 'g[data-mark="bar"] rect')).toHaveLength(1);
  });
});
