// Jest cannot load these ES modules itself: see ../web/charts/testing/jest-modules.testing.ts.
jest.mock('@observablehq/plot', () => jest.requireActual('../web/charts/testing/jest-modules.testing').plotUmd());
jest.mock('linkedom', () => jest.requireActual('../web/charts/testing/jest-modules.testing').nativeRequire('linkedom'));

import JSZip from 'jszip';
import { fixtureReport } from './report-fixture.testing';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

describe('the report renderers', () => {
  const model = fixtureReport();

  describe('Markdown', () => {
    const md = renderMarkdown(model);

    it('is the same, byte for byte, when made twice from the same model', () => {
      expect(renderMarkdown(fixtureReport())).toBe(md);
    });

    it('states plan, period, date made, log position and head hash on its title page', () => {
      expect(md).toContain('# Voortgangsrapportage: Actieplan X');
      expect(md).toContain('**Periode:** 1 januari 2018 t/m 30 juni 2018');
      expect(md).toContain('**Datum opgemaakt:** 2 juli 2018');
      expect(md).toContain('**Logpositie aan het eind van de periode:** 7');
      expect(md).toContain(`\`${'f'.repeat(64)}\``);
    });

    it('has each action under its line with owners, deadline as written and rescheduled, and changes with reasons', () => {
      expect(md).toContain('### 1 Eerste lijn');
      expect(md).toContain('#### a-1: Actie a-1');
      expect(md).toContain('medio 2018 (uiterlijk 30 juni 2018), verschoven naar eind 2019 (uiterlijk 31 december 2019)');
      expect(md).toContain('Waarom: vanwege het ontbreken van (project)financiering');
      expect(md).toContain('**Status eind periode:** Loopt — Gestart met werving');
      expect(md).not.toContain('Klaar');
    });

    it('lists targets with baseline, target value, measurements and attainment', () => {
      expect(md).toContain('**Nulmeting:** 100 gezinnen (1 september 2016)');
      expect(md).toContain('**Doel:** 200 gezinnen (31 december 2018)');
      expect(md).toContain('| 31 maart 2018 | 150 gezinnen | CBS |');
      expect(md).toContain('**Realisatie:** 50%');
    });

    it('escapes pipes in table cells', () => {
      const piped = { ...model, annex: [{ ...model.annex[0], why: 'a | b' }] };
      expect(renderMarkdown(piped)).toContain('a \\| b');
    });
  });

  describe('HTML', () => {
    const html = renderHtml(model);

    it('is one self-contained page: no external script, style, font or image', () => {
      expect(html).not.toMatch(/<script|<link|src="|url\(/);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('<html lang="nl">');
    });

    it('prints well: page breaks before action lines, an inline SVG chart per quantitative target', () => {
      expect(html).toMatch(/@media print[\s\S]*\.action-line \{ page-break-before: always/);
      expect(html.match(/class="action-line"/g)?.length).toBeGreaterThanOrEqual(2);
      expect(html).toContain('<svg');
    });

    it('escapes what users wrote', () => {
      const hostile = { ...model, plan: { ...model.plan, title: '<img src=x onerror=alert(1)>' } };
      expect(renderHtml(hostile)).not.toContain('<img');
    });

    it('is the same when made twice', () => {
      expect(renderHtml(fixtureReport())).toBe(html);
    });
  });

  describe('Word', () => {
    it('is an Office Open XML package with real headings, tables and page numbers', async () => {
      const zip = await JSZip.loadAsync(await renderDocx(model));
      expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
      const xml = await zip.file('word/document.xml')!.async('string');
      const styled = (style: string) =>
        [...xml.matchAll(new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="${style}"/>(?:(?!</w:p>).)*?</w:p>`, 'gs'))].map((m) =>
          [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
        );
      expect(styled('Heading2')).toEqual(expect.arrayContaining(['1 Eerste lijn', '2 Tweede lijn']));
      expect(styled('Heading3')).toEqual(expect.arrayContaining(['a-1: Actie a-1']));
      expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(3); // summary, measurements, annex
      expect(xml).toContain('30 juni 2018');
      const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
      const footer = await zip.file(footers[0])!.async('string');
      expect(footer).toContain('PAGE');
      // No macros, no external references.
      expect(Object.keys(zip.files).some((f) => /vbaProject|\.bin$/.test(f))).toBe(false);
      const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
      expect(rels).not.toContain('TargetMode="External"');
    });
  });
});
