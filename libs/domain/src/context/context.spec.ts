import { fold } from '../shared/decider';
import { deciderSpecification } from '../shared/decider-specification.testing';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { contextSeriesDecider, ContextSeriesEvent, DefineContextSeries, RecordContextFigure } from './context-series';
import { parliamentaryReferenceDecider, ParliamentaryReferenceEvent, RegisterParliamentaryReference } from './parliamentary-reference';
import { DefineTheme, themeDecider, ThemeEvent } from './theme';

const register: RegisterParliamentaryReference = {
  type: 'RegisterParliamentaryReference',
  referenceId: 'motie-voortman-34550-xvi-89',
  kind: 'MOTIE',
  chamber: 'TWEEDE_KAMER',
  dossier: '34550 XVI',
  number: '89',
  title: ' Aangehouden motie Voortman over het afhaken van pleegouders ',
  members: ['Voortman', 'Voortman'],
  date: null,
  dateText: '2016-2017',
  source: 'Actieplan Pleegzorg, voetnoot 2',
};
const registered = parliamentaryReferenceDecider.decide(register, parliamentaryReferenceDecider.initialState(), {
  subjectExists: false,
}) as ParliamentaryReferenceEvent[];
const link = {
  type: 'LinkParliamentaryReference' as const,
  referenceId: register.referenceId,
  subject: 'ACTION' as const,
  subjectId: 'pleegzorg-2-1',
  note: null,
};

describe('parliamentary reference decider', () => {
  const spec = deciderSpecification(parliamentaryReferenceDecider);

  it('registers a motie with its number and members (each once), with no date when the source gives none', () => {
    spec
      .given([])
      .when(register, { subjectExists: false })
      .then([
        {
          type: 'ParliamentaryReferenceRegistered',
          data: { title: 'Aangehouden motie Voortman over het afhaken van pleegouders', members: ['Voortman'], date: null, number: '89' },
        },
      ]);
  });

  it('links it to an existing action once; refuses an unknown subject by field, a second link and an unregistered reference', () => {
    spec
      .given(registered)
      .when(link, { subjectExists: true })
      .then([{ type: 'ParliamentaryReferenceLinked', data: { subjectId: 'pleegzorg-2-1' } }]);
    spec.given(registered).when(link, { subjectExists: false }).thenThrows(InvalidInput, { field: 'subjectId' });
    const linked = [
      ...registered,
      ...parliamentaryReferenceDecider.decide(link, fold(parliamentaryReferenceDecider, registered), { subjectExists: true }),
    ];
    spec
      .given(linked as ParliamentaryReferenceEvent[])
      .when(link, { subjectExists: true })
      .thenThrows(Conflict);
    spec
      .given(registered)
      .when({ ...link, subject: 'PLAN' }, { subjectExists: true })
      .then([{ type: 'ParliamentaryReferenceLinked' }]);
    spec.given([]).when(link, { subjectExists: true }).thenThrows(NotFound);
  });

  it('refuses a kind it does not know, a date that does not exist, an empty title and a second registration', () => {
    spec
      .given([])
      .when({ ...register, kind: 'PETITIE' as never }, { subjectExists: false })
      .thenThrows(InvalidInput, { field: 'kind' });
    spec
      .given([])
      .when({ ...register, date: '2016-02-30' }, { subjectExists: false })
      .thenThrows(InvalidInput, { field: 'date' });
    spec
      .given([])
      .when({ ...register, title: '  ' }, { subjectExists: false })
      .thenThrows(InvalidInput, { field: 'title' });
    spec.given(registered).when(register, { subjectExists: false }).thenThrows(Conflict);
  });
});

const defineTheme: DefineTheme = {
  type: 'DefineTheme',
  themeId: 'koers-opgave-partnerschap',
  planId: 'koers-gezinshuizen-2019-2021',
  actionLineId: 'koers-a',
  title: 'Partnerschap',
  description: null,
  source: 'overzichtstabel',
};
const lines = new Set(['koers-a', 'koers-b', 'koers-c']);

describe('theme decider', () => {
  const spec = deciderSpecification(themeDecider);
  const defined = themeDecider.decide(defineTheme, themeDecider.initialState(), { planActionLines: lines }) as ThemeEvent[];
  const linkAction = { type: 'LinkActionToTheme' as const, themeId: defineTheme.themeId, actionId: 'koers-o-1', note: null };

  it('defines a theme under an action line of its plan, and refuses an unknown plan or a line of another plan by field', () => {
    spec
      .given([])
      .when(defineTheme, { planActionLines: lines })
      .then([{ type: 'ThemeDefined', data: { title: 'Partnerschap' } }]);
    spec.given([]).when(defineTheme, { planActionLines: null }).thenThrows(InvalidInput, { field: 'planId' });
    spec
      .given([])
      .when({ ...defineTheme, actionLineId: 'pleegzorg-1' }, { planActionLines: lines })
      .thenThrows(InvalidInput, { field: 'actionLineId' });
  });

  it('links an action once, refuses an unknown action by field, and a link to a theme that does not exist', () => {
    spec
      .given(defined)
      .when(linkAction, { actionExists: true })
      .then([{ type: 'ActionLinkedToTheme', data: { actionId: 'koers-o-1' } }]);
    spec.given(defined).when(linkAction, { actionExists: false }).thenThrows(InvalidInput, { field: 'actionId' });
    const linked = [...defined, ...themeDecider.decide(linkAction, fold(themeDecider, defined), { actionExists: true })] as ThemeEvent[];
    spec.given(linked).when(linkAction, { actionExists: true }).thenThrows(Conflict);
    spec.given([]).when(linkAction, { actionExists: true }).thenThrows(NotFound);
  });
});

const defineSeries: DefineContextSeries = {
  type: 'DefineContextSeries',
  seriesId: 'pleegzorg-pleeggezinnen',
  planId: 'actieplan-pleegzorg-2017-2018',
  title: 'Pleeggezinnen',
  unit: 'gezinnen',
  source: 'Pleegzorg Nederland, 2016',
  actionLineId: 'pleegzorg-3',
  targetIds: ['pleegzorg-3-afhaken'],
  actionIds: [],
  note: null,
};
const plan = {
  actionLineIds: new Set(['pleegzorg-3']),
  targetIds: new Set(['pleegzorg-3-afhaken']),
  actionIds: new Set(['pleegzorg-3-1']),
};
const figure: RecordContextFigure = {
  type: 'RecordContextFigure',
  seriesId: 'pleegzorg-pleeggezinnen',
  period: '2015',
  date: '2015-12-31',
  category: null,
  value: 18430,
  note: null,
};

describe('context series decider', () => {
  const spec = deciderSpecification(contextSeriesDecider);
  const defined = contextSeriesDecider.decide(defineSeries, contextSeriesDecider.initialState(), { plan }) as ContextSeriesEvent[];

  it('defines a series beside targets of its plan; refuses a target, action or line outside the plan by field', () => {
    spec
      .given([])
      .when(defineSeries, { plan })
      .then([{ type: 'ContextSeriesDefined', data: { unit: 'gezinnen', targetIds: ['pleegzorg-3-afhaken'] } }]);
    spec.given([]).when(defineSeries, { plan: null }).thenThrows(InvalidInput, { field: 'planId' });
    spec
      .given([])
      .when({ ...defineSeries, targetIds: ['pleegzorg-3-afhaken', 'koers-x'] }, { plan })
      .thenThrows(InvalidInput, { field: 'targetIds[1]' });
    spec
      .given([])
      .when({ ...defineSeries, actionIds: ['koers-o-1'] }, { plan })
      .thenThrows(InvalidInput, { field: 'actionIds[0]' });
    spec
      .given([])
      .when({ ...defineSeries, actionLineId: 'pleegzorg-9' }, { plan })
      .thenThrows(InvalidInput, { field: 'actionLineId' });
    spec
      .given([])
      .when({ ...defineSeries, unit: '' }, { plan })
      .thenThrows(InvalidInput, { field: 'unit' });
  });

  it('records figures per period and part, refuses the same period and part twice, a value that is not a number, and a bad date', () => {
    spec
      .given(defined)
      .when(figure, {})
      .then([{ type: 'ContextFigureRecorded', data: { period: '2015', value: 18430 } }]);
    const recorded = [...defined, ...contextSeriesDecider.decide(figure, fold(contextSeriesDecider, defined), {})] as ContextSeriesEvent[];
    spec.given(recorded).when(figure, {}).thenThrows(Conflict);
    spec
      .given(recorded)
      .when({ ...figure, category: 'meisjes' }, {})
      .then([{ type: 'ContextFigureRecorded' }]);
    spec
      .given(defined)
      .when({ ...figure, value: Number.NaN }, {})
      .thenThrows(InvalidInput, { field: 'value' });
    spec
      .given(defined)
      .when({ ...figure, date: '2015-13-01' }, {})
      .thenThrows(InvalidInput, { field: 'date' });
    spec.given([]).when(figure, {}).thenThrows(NotFound);
  });
});
