// Jest cannot load these ES modules itself: see testing/jest-modules.testing.ts.
jest.mock('@observablehq/plot', () => jest.requireActual('./testing/jest-modules.testing').plotUmd());
jest.mock('linkedom', () => jest.requireActual('./testing/jest-modules.testing').nativeRequire('linkedom'));

import { measurementChart, MeasurementChartInput } from './index';
import { all, parseSvg } from './testing/parse-svg.testing';

const input: MeasurementChartInput = {
  description: 'Percentage pleegkinderen met een perspectiefplan',
  unit: '%',
  baseline: null,
  baselineDate: null,
  targetValue: 5,
  dueDate: null,
  measurements: [{ measuredAt: '2017-12-31', value: 3.2 }],
};

const xTickLabels = (markup: string) => all(parseSvg(markup), 'g[data-mark="x-axis tick label"] text').map((t) => t.textContent);
const yTickLabels = (markup: string) => all(parseSvg(markup), 'g[data-mark="y-axis tick label"] text').map((t) => t.textContent);

describe('measurementChart', () => {
  it('returns one accessible <svg> image with a Dutch text alternative', () => {
    const markup = measurementChart(input);
    expect(markup.startsWith('<svg')).toBe(true);
    const svg = parseSvg(markup);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Metingen: 3,2% op 31-12-2017; doel 5%');
    expect(svg.firstElementChild?.tagName.toLowerCase()).toBe('title');
    expect(svg.firstElementChild?.textContent).toBe('Metingen: Percentage pleegkinderen met een perspectiefplan');
    expect(svg.getAttribute('class')).toBe('am-chart am-chart--measurement');
  });

  it('draws the target as a dashed rule labelled "Doel"', () => {
    const svg = parseSvg(measurementChart({ ...input, dueDate: '2020-12-31' }));
    const rule = svg.querySelector('g.am-chart__target');
    expect(rule?.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(all(svg, 'g.am-chart__target line')).toHaveLength(1);
    expect(svg.querySelector('g.am-chart__target-label text')?.textContent).toBe('Doel: 5% op 31-12-2020');
    expect(svg.getAttribute('aria-label')).toBe('Metingen: 3,2% op 31-12-2017; doel 5% op 31-12-2020');
  });

  it('draws one dot per measurement, joined by a line in date order', () => {
    const measurements = [
      { measuredAt: '2018-12-31', value: 4.1 },
      { measuredAt: '2016-12-31', value: 2.05 },
      { measuredAt: '2017-12-31', value: 3.2 },
    ];
    const svg = parseSvg(measurementChart({ ...input, measurements }));
    const dots = all(svg, 'g.am-chart__measurements circle');
    expect(dots).toHaveLength(3);
    const xs = dots.map((dot) => Number(dot.getAttribute('cx')));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(all(svg, 'g.am-chart__measurements title').map((t) => t.textContent)).toEqual([
      '2,05% op 31-12-2016',
      '3,2% op 31-12-2017',
      '4,1% op 31-12-2018',
    ]);
    expect(all(svg, 'g.am-chart__line path')).toHaveLength(1);
    expect(svg.getAttribute('aria-label')).toBe('Metingen: 2,05% op 31-12-2016, 3,2% op 31-12-2017, 4,1% op 31-12-2018; doel 5%');
  });

  it('summarises long series by their first and last measurement', () => {
    const measurements = Array.from({ length: 8 }, (_, i) => ({ measuredAt: `${2010 + i}-06-30`, value: i + 0.5 }));
    const svg = parseSvg(measurementChart({ ...input, targetValue: null, measurements }));
    expect(svg.getAttribute('aria-label')).toBe('8 metingen, van 0,5% op 30-06-2010 tot 7,5% op 30-06-2017');
    expect(all(svg, 'g.am-chart__measurements circle')).toHaveLength(8);
  });

  it('writes numbers with a Dutch decimal comma and thousands point', () => {
    expect(
      yTickLabels(measurementChart({ ...input, targetValue: 1.5, measurements: [{ measuredAt: '2017-12-31', value: 0.25 }] })),
    ).toContain('0,2');
    expect(yTickLabels(measurementChart({ ...input, unit: 'gezinshuizen', targetValue: 1500, measurements: [] }))).toContain('1.000');
  });

  it('writes dates in Dutch: years for long spans, "jan 2018" for short ones', () => {
    const years = xTickLabels(
      measurementChart({
        ...input,
        measurements: [
          { measuredAt: '2015-01-01', value: 1 },
          { measuredAt: '2019-12-31', value: 2 },
        ],
      }),
    );
    expect(years).toEqual(['2015', '2016', '2017', '2018', '2019', '2020']);
    const months = xTickLabels(
      measurementChart({
        ...input,
        measurements: [
          { measuredAt: '2018-01-15', value: 1 },
          { measuredAt: '2018-10-15', value: 2 },
        ],
      }),
    );
    expect(months).toEqual(['mrt 2018', 'mei 2018', 'jul 2018', 'sep 2018']);
  });

  it('shows a dated baseline as a hollow dot and an undated one as a dotted rule', () => {
    const dated = parseSvg(measurementChart({ ...input, baseline: 1.5, baselineDate: '2015-01-01' }));
    expect(dated.querySelector('g.am-chart__baseline')?.getAttribute('fill')).toBe('white');
    expect(all(dated, 'g.am-chart__baseline circle')).toHaveLength(1);
    expect(dated.querySelector('g.am-chart__baseline-label text')?.textContent).toBe('Nulmeting');
    expect(dated.getAttribute('aria-label')).toBe('Metingen: 3,2% op 31-12-2017; nulmeting 1,5% op 01-01-2015; doel 5%');

    const undated = parseSvg(measurementChart({ ...input, baseline: 1.5 }));
    expect(undated.querySelector('g.am-chart__baseline')?.getAttribute('stroke-dasharray')).toBe('2 3');
    expect(undated.querySelector('g.am-chart__baseline-label text')?.textContent).toBe('Nulmeting: 1,5%');
  });

  it('draws the target alone when nothing has been measured yet', () => {
    const svg = parseSvg(measurementChart({ ...input, measurements: [] }));
    expect(svg.getAttribute('aria-label')).toBe('Nog geen metingen; doel 5%');
    expect(all(svg, 'g.am-chart__target line')).toHaveLength(1);
    expect(all(svg, 'circle')).toHaveLength(0);
  });

  it('returns an empty string without measurements and without a target', () => {
    expect(measurementChart({ ...input, targetValue: null, measurements: [] })).toBe('');
    expect(measurementChart({ ...input, baseline: 3, baselineDate: '2015-01-01', targetValue: null, measurements: [] })).toBe('');
  });

  it('skips measurements with an impossible date or value', () => {
    const measurements = [
      { measuredAt: '2017-02-30', value: 1 },
      { measuredAt: '31-12-2017', value: 1 },
      { measuredAt: '2017-12-31', value: Number.NaN },
      { measuredAt: '2018-12-31', value: 4 },
    ];
    const svg = parseSvg(measurementChart({ ...input, measurements }));
    expect(all(svg, 'g.am-chart__measurements circle')).toHaveLength(1);
  });

  it('escapes a hostile description and contains no inline style or external reference', () => {
    const description = 'Meting <script>alert(1)</script> & "meer" &amp;';
    const markup = measurementChart({ ...input, description, unit: '<b>', baseline: 1, baselineDate: '2015-01-01' });
    expect(markup).not.toMatch(/<script|<b>/i);
    expect(markup).not.toContain('<style');
    expect(markup).not.toMatch(/\sstyle=/);
    expect(markup).not.toContain('font-family');
    expect(markup).not.toMatch(/https?:|href/);
    const svg = parseSvg(markup);
    expect(all(svg, '[aria-label]')).toHaveLength(0);
    expect(svg.firstElementChild?.textContent).toBe(`Metingen: ${description}`);
    expect(svg.getAttribute('aria-label')).toBe('Metingen: 3,2 <b> op 31-12-2017; nulmeting 1 <b> op 01-01-2015; doel 5 <b>');
  });

  it('is deterministic: the same input gives the same markup', () => {
    const full = { ...input, baseline: 1, baselineDate: '2015-01-01', dueDate: '2021-12-31' };
    expect(measurementChart(full)).toBe(measurementChart(full));
  });
});
