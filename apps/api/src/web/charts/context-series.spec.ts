// Jest cannot load these ES modules itself: see testing/jest-modules.testing.ts.
jest.mock('@observablehq/plot', () => jest.requireActual('./testing/jest-modules.testing').plotUmd());
jest.mock('linkedom', () => jest.requireActual('./testing/jest-modules.testing').nativeRequire('linkedom'));

import { contextSeriesChart } from './index';
import { all, parseSvg } from './testing/parse-svg.testing';

describe('contextSeriesChart', () => {
  const families = {
    title: 'Pleeggezinnen die voor pleegkinderen zorgden',
    unit: 'gezinnen',
    figures: [
      { date: '2015-12-31', category: null, value: 18430 },
      { date: '2014-12-31', category: null, value: 16223 },
    ],
  };

  it('draws a dated series as one accessible image that says it is no goal, oldest figure first', () => {
    const svg = parseSvg(contextSeriesChart(families));
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Contextcijfers (geen doel): 16.223 gezinnen op 31-12-2014, 18.430 gezinnen op 31-12-2015');
    expect(svg.firstElementChild?.textContent).toBe('Contextcijfers: Pleeggezinnen die voor pleegkinderen zorgden');
    expect(all(svg, 'g.am-chart__context circle')).toHaveLength(2);
  });

  it('draws nothing for a single figure, undated figures or shares of a whole', () => {
    expect(contextSeriesChart({ ...families, figures: families.figures.slice(0, 1) })).toBe('');
    expect(contextSeriesChart({ ...families, figures: families.figures.map((f) => ({ ...f, date: null })) })).toBe('');
    expect(contextSeriesChart({ ...families, figures: families.figures.map((f) => ({ ...f, category: 'meisjes' })) })).toBe('');
  });
});
