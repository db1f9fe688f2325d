import { ActionRegions } from './action-regions';

describe('ActionRegions: the region a status change is checked against', () => {
  it('reads an action once, and finds an action registered after a first miss', async () => {
    const views = new Map<string, { regionId?: string | null }>([
      ['regio-twente-1', { regionId: 'REGIO-TWENTE' }],
      ['pleegzorg-1-1', {}],
    ]);
    const reads: string[] = [];
    const regions = new ActionRegions({
      action: (id) => {
        reads.push(id);
        return views.get(id) ?? null;
      },
    });

    expect(await regions.regionOf('regio-twente-1')).toBe('REGIO-TWENTE');
    expect(await regions.regionOf('regio-twente-1')).toBe('REGIO-TWENTE');
    expect(await regions.regionOf('pleegzorg-1-1')).toBeNull();
    expect(await regions.regionOf('pleegzorg-1-1')).toBeNull();
    expect(reads).toEqual(['regio-twente-1', 'pleegzorg-1-1']);

    expect(await regions.regionOf('regio-twente-2')).toBeUndefined();
    views.set('regio-twente-2', { regionId: 'REGIO-TWENTE' });
    expect(await regions.regionOf('regio-twente-2')).toBe('REGIO-TWENTE');
    expect(reads).toEqual(['regio-twente-1', 'pleegzorg-1-1', 'regio-twente-2', 'regio-twente-2']);
  });
});
