import { deciderSpecification } from '../shared/decider-specification.testing';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { OpenReportingRound, ReportingRoundEvent, reportingRoundDecider } from './reporting-round';

const spec = deciderSpecification(reportingRoundDecider);
const planActionIds = new Set(['pleegzorg-1-1', 'pleegzorg-1-2']);
const open: OpenReportingRound = {
  type: 'OpenReportingRound',
  roundId: 'q2-2018',
  planId: 'actieplan-pleegzorg-2017-2018',
  title: 'Voortgang Q2 2018',
  opensOn: '2018-06-01',
  closesOn: '2018-06-30',
  actionIds: ['pleegzorg-1-1', 'pleegzorg-1-1', 'pleegzorg-1-2'],
};

describe('reporting round decider', () => {
  it('opens a round over the named actions, each once', () => {
    spec
      .given([])
      .when(open, { planActionIds })
      .then([{ type: 'ReportingRoundOpened', data: { title: 'Voortgang Q2 2018', actionIds: ['pleegzorg-1-1', 'pleegzorg-1-2'] } }]);
  });

  it('refuses an unknown plan, an action outside it, dates that do not exist or close before opening, and a second opening', () => {
    spec.given([]).when(open, { planActionIds: null }).thenThrows(NotFound);
    spec
      .given([])
      .when({ ...open, actionIds: ['koers-1-1'] }, { planActionIds })
      .thenThrows(InvalidInput, { field: 'actionIds[0]' });
    spec
      .given([])
      .when({ ...open, closesOn: '2018-06-31' }, { planActionIds })
      .thenThrows(InvalidInput, { field: 'closesOn' });
    spec
      .given([])
      .when({ ...open, closesOn: '2018-05-31' }, { planActionIds })
      .thenThrows(InvalidInput, { field: 'closesOn' });
    const opened = reportingRoundDecider.decide(open, reportingRoundDecider.initialState(), { planActionIds }) as ReportingRoundEvent[];
    spec.given(opened).when(open, { planActionIds }).thenThrows(Conflict);
  });
});
