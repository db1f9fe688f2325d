// Jest cannot load these ES modules itself: see testing/jest-modules.testing.ts.
jest.mock('@observablehq/plot', () => jest.requireActual('./testing/jest-modules.testing').plotUmd());
jest.mock('linkedom', () => jest.requireActual('./testing/jest-modules.testing').nativeRequire('linkedom'));

import { ACTION_STATUSES, STATUS_COLOURS, STATUS_LABELS } from '../status-labels';
import { statusByPartnerChart } from './index';
import { all, parseSvg } from './testing/parse-svg.testing';

const rows = [
  { partnerId: 'vws', partnerName: 'VWS', byStatus: { IN_PROGRESS: 3, COMPLETED: 2 } },
  { partnerId: 'vng', partnerName: 'VNG', byStatus: { DELAYED: 1, NOT_STARTED: 4, AT_RISK: 0 } },
];

describe('statusByPartnerChart', () => {
  it('returns one accessible <svg> image with a Dutch text alternative naming partners and counts', () => {
    const markup = statusByPartnerChart(rows);
    expect(markup.startsWith('<svg')).toBe(true);
    const svg = parseSvg(markup);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Statussen per partner: VWS 3 Loopt, 2 Afgerond; VNG 4 Niet gestart, 1 Vertraagd');
    expect(svg.firstElementChild?.tagName.toLowerCase()).toBe('title');
    expect(svg.firstElementChild?.textContent).toBe('Statussen per partner');
    expect(svg.getAttribute('class')).toBe('am-chart am-chart--status-by-partner');
  });

  it('uses the given title for the tooltip and the text alternative', () => {
    const svg = parseSvg(statusByPartnerChart(rows, { title: 'Acties per partner' }));
    expect(svg.firstElementChild?.textContent).toBe('Acties per partner');
    expect(svg.getAttribute('aria-label')).toMatch(/^Acties per partner: VWS 3 Loopt/);
  });

  it('draws one rect per non-zero segment, in status order, in the status colour', () => {
    const svg = parseSvg(statusByPartnerChart(rows));
    const bars = all(svg, 'g.am-chart__bars rect');
    expect(bars.map((bar) => bar.getAttribute('fill'))).toEqual([
      STATUS_COLOURS.IN_PROGRESS,
      STATUS_COLOURS.COMPLETED,
      STATUS_COLOURS.NOT_STARTED,
      STATUS_COLOURS.DELAYED,
    ]);
    // Segments of one bar follow each other left to right and are as long as their counts.
    const [inProgress, completed] = bars.map((bar) => ({ x: Number(bar.getAttribute('x')), width: Number(bar.getAttribute('width')) }));
    expect(completed.x).toBeCloseTo(inProgress.x + inProgress.width);
    expect(completed.width / inProgress.width).toBeCloseTo(2 / 3);
    expect(all(svg, 'g.am-chart__bars rect title').map((t) => t.textContent)).toContain('VNG: 4 Niet gestart');
  });

  it('shows a legend with the Dutch labels of the statuses that occur, in ACTION_STATUSES order', () => {
    const svg = parseSvg(statusByPartnerChart(rows));
    const occurring = ACTION_STATUSES.filter((status) => ['IN_PROGRESS', 'COMPLETED', 'NOT_STARTED', 'DELAYED'].includes(status));
    expect(all(svg, 'g.am-chart__legend text').map((t) => t.textContent)).toEqual(occurring.map((status) => STATUS_LABELS[status]));
    expect(all(svg, 'g.am-chart__legend rect').map((r) => r.getAttribute('fill'))).toEqual(
      occurring.map((status) => STATUS_COLOURS[status]),
    );
  });

  it('labels the axis in Dutch with whole numbers only', () => {
    const svg = parseSvg(statusByPartnerChart(rows));
    const texts = all(svg, 'text').map((t) => t.textContent);
    expect(texts).toContain('Aantal acties');
    expect(texts).toEqual(expect.arrayContaining(['0', '1', '2', '3', '4', '5']));
    expect(texts.some((text) => /\d[.,]\d/.test(text ?? ''))).toBe(false);
  });

  it('contains no <style> element, no style attribute, no font-family and no external reference', () => {
    const markup = statusByPartnerChart(rows);
    expect(markup).not.toContain('<style');
    expect(markup).not.toMatch(/\sstyle=/);
    expect(markup).not.toContain('font-family');
    expect(markup).not.toMatch(/https?:|href/);
  });

  it('puts aria-label only on the root: ARIA forbids it on role-less <g> elements (axe aria-prohibited-attr)', () => {
    const svg = parseSvg(statusByPartnerChart(rows));
    expect(all(svg, '[aria-label]')).toHaveLength(0); // querySelectorAll searches below the root
    expect(all(svg, 'g[data-mark="bar"]')).toHaveLength(1);
  });

  it('escapes hostile partner names and gives them back unchanged to a browser', () => {
    const name = 'Evil <script>alert("x")</script> & Co &amp; zn';
    const markup = statusByPartnerChart([{ partnerId: 'x', partnerName: name, byStatus: { STOPPED: 1 } }]);
    expect(markup).not.toMatch(/<script/i);
    expect(markup).toContain('&lt;script');
    expect(markup).toContain('&amp;amp;');
    const svg = parseSvg(markup);
    expect(all(svg, 'script')).toHaveLength(0);
    expect(svg.getAttribute('aria-label')).toBe(`Statussen per partner: ${name} 1 Gestopt`);
    expect(all(svg, 'g.am-chart__bars rect title')[0].textContent).toBe(`${name}: 1 Gestopt`);
    expect(all(svg, 'g[data-mark="y-axis tick label"] text')[0].textContent).toBe('Evil <script>alert("x")</sc…');
  });

  it('cuts partner names longer than 28 characters with an ellipsis on the axis', () => {
    const name = 'Stichting Jeugdzorg Zuid-Holland Noord';
    const svg = parseSvg(statusByPartnerChart([{ partnerId: 'x', partnerName: name, byStatus: { IN_PROGRESS: 1 } }]));
    const labels = all(svg, 'g[data-mark="y-axis tick label"] text').map((t) => t.textContent);
    expect(labels).toEqual(['Stichting Jeugdzorg Zuid-Ho…']);
    expect(Array.from(labels[0] ?? '')).toHaveLength(28);
    expect(svg.getAttribute('aria-label')).toContain(name);
  });

  it('grows taller with the number of partners and shortens the text alternative for many', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      partnerId: `p${i}`,
      partnerName: `Partner nummer ${i + 1}`,
      byStatus: { IN_PROGRESS: i + 1, COMPLETED: 2 },
    }));
    const small = parseSvg(statusByPartnerChart(many.slice(0, 2)));
    const large = parseSvg(statusByPartnerChart(many));
    const height = (svg: typeof small) => Number(svg.getAttribute('viewBox')?.split(' ')[3]);
    expect(height(large) - height(small)).toBe(38 * 28);
    expect(large.getAttribute('viewBox')?.split(' ')[2]).toBe('720');
    const label = large.getAttribute('aria-label') ?? '';
    expect(label.length).toBeLessThanOrEqual(400);
    expect(label).toMatch(/^Statussen per partner: Partner nummer 1 1 Loopt, 2 Afgerond; .*; en nog \d+ partners$/);
  });

  it('says "geen acties" for a partner without actions but still draws its row', () => {
    const svg = parseSvg(statusByPartnerChart([...rows, { partnerId: 'leeg', partnerName: 'Leeg', byStatus: {} }]));
    expect(svg.getAttribute('aria-label')).toMatch(/; Leeg geen acties$/);
    expect(all(svg, 'g[data-mark="y-axis tick label"] text').map((t) => t.textContent)).toEqual(['VWS', 'VNG', 'Leeg']);
  });

  it('returns an empty string when there is nothing to draw', () => {
    expect(statusByPartnerChart([])).toBe('');
    expect(
      statusByPartnerChart([{ partnerId: 'a', partnerName: 'A', byStatus: { IN_PROGRESS: 0, COMPLETED: -1, DELAYED: Number.NaN } }]),
    ).toBe('');
  });

  it('is deterministic: the same input gives the same markup', () => {
    expect(statusByPartnerChart(rows)).toBe(statusByPartnerChart(rows));
  });
});
