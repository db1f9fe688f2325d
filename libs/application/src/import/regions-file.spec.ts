import { join } from 'node:path';
import { PARTNER_ID_PATTERN } from '@actiemonitor/domain';
import { readPlanData, readRegionsFile } from './plan-files';

const PLANS_DIR = join(__dirname, '../../../../config/plans');

describe('config/plans/regions.json: the 42 jeugdzorgregio’s', () => {
  const file = readRegionsFile(PLANS_DIR)!;
  const data = readPlanData(PLANS_DIR);
  const regions = data.partners.filter((p) => p.kind === 'region');
  const others = data.partners.filter((p) => p.kind !== 'region');

  it('names where the list comes from: publisher, title, version and the address it was taken from', () => {
    expect(file.source.publisher).toMatch(/CBS/);
    expect(file.source.title).toMatch(/jeugdregio/);
    expect(file.source.version).toBe('2018');
    expect(file.source.retrievedFrom).toMatch(/^https:\/\/\S+jeugdregio_2018\.geojson/);
  });

  it('lists exactly 42 regions, each read as a partner of kind region', () => {
    expect(file.regions).toHaveLength(42);
    expect(regions.map((r) => r.id)).toEqual(file.regions.map((r) => r.id));
  });

  it('gives each region a partner id, and ids, names and CBS codes that no two regions share', () => {
    for (const r of file.regions) expect(r.id).toMatch(PARTNER_ID_PATTERN);
    for (const r of file.regions) expect(r.id).toMatch(/^REGIO-/);
    expect(new Set(file.regions.map((r) => r.id)).size).toBe(42);
    expect(new Set(file.regions.map((r) => r.name)).size).toBe(42);
    expect(new Set(file.regions.map((r) => r.cbsCode)).size).toBe(42);
    for (const r of file.regions) expect(r.cbsCode).toMatch(/^JZ\d{2}$/);
  });

  it('shares no id or alias with another partner, and keeps the plans’ generic "regio’s" a group', () => {
    const taken = new Set(others.flatMap((p) => [p.id, ...p.aliases].map((a) => a.toLowerCase())));
    for (const r of regions)
      for (const name of [r.id, ...r.aliases]) expect({ name, taken: taken.has(name.toLowerCase()) }).toEqual({ name, taken: false });
    const aliases = regions.flatMap((r) => r.aliases.map((a) => a.toLowerCase()));
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(others.find((p) => p.id === 'REGIOS')).toMatchObject({ kind: 'group', name: 'jeugdzorgregio’s' });
  });

  it('reads neither partner file as a plan', () => {
    expect(data.plans.map((p) => p.id)).toEqual(['actieplan-pleegzorg-2017-2018', 'koers-gezinshuizen-2019-2021']);
  });
});
