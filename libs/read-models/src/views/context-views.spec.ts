import type { ParliamentaryReferenceEvent, ThemeEvent } from '@actiemonitor/domain';
import { evolveReferenceView, evolveThemeView, referenceAsOf, ReferenceView, themeAsOf, ThemeView } from './context-views';

const registered: ParliamentaryReferenceEvent = {
  type: 'ParliamentaryReferenceRegistered',
  schemaVersion: 1,
  data: {
    referenceId: 'motie-x',
    kind: 'MOTIE',
    chamber: 'TWEEDE_KAMER',
    dossier: null,
    number: null,
    title: 'Motie X',
    members: [],
    date: null,
    dateText: null,
    source: 'bron',
  },
};
const linked = (subjectId: string): ParliamentaryReferenceEvent => ({
  type: 'ParliamentaryReferenceLinked',
  schemaVersion: 1,
  data: { referenceId: 'motie-x', subject: 'ACTION', subjectId, note: null },
});

describe('context views as at a moment', () => {
  const view = [linked('a-1'), linked('a-2')].reduce<ReferenceView | null>(
    (v, e, i) => evolveReferenceView(v, e, `2020-01-0${i + 2}T00:00:00.000Z`),
    evolveReferenceView(null, registered, '2020-01-01T00:00:00.000Z'),
  )!;

  it('leaves out what was recorded after the moment, and the whole view before it existed', () => {
    expect(referenceAsOf(view, null)!.links.map((l) => l.subjectId)).toEqual(['a-1', 'a-2']);
    expect(referenceAsOf(view, '2020-01-02T12:00:00.000Z')!.links.map((l) => l.subjectId)).toEqual(['a-1']);
    expect(referenceAsOf(view, '2019-12-31T23:59:59.999Z')).toBeNull();
  });

  it('does the same for a theme’s actions', () => {
    const defined: ThemeEvent = {
      type: 'ThemeDefined',
      schemaVersion: 1,
      data: { themeId: 't', planId: 'p', actionLineId: null, title: 'T', description: null, source: null },
    };
    const theme = evolveThemeView(
      evolveThemeView(null, defined, '2020-01-01T00:00:00.000Z'),
      { type: 'ActionLinkedToTheme', schemaVersion: 1, data: { themeId: 't', actionId: 'a-1', note: null } },
      '2020-02-01T00:00:00.000Z',
    ) as ThemeView;
    expect(themeAsOf(theme, '2020-01-15T00:00:00.000Z')!.actions).toEqual([]);
    expect(themeAsOf(theme, '2020-02-01T00:00:00.000Z')!.actions.map((a) => a.actionId)).toEqual(['a-1']);
  });
});
