import { deciderSpecification } from '../shared/decider-specification.testing';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { MeetingContext, MeetingEvent, meetingDecider, RecordMeeting } from './meeting';

const spec = deciderSpecification(meetingDecider);
const PLAN = 'actieplan-pleegzorg-2017-2018';
const context: MeetingContext = {
  planExists: true,
  knownPartners: new Set(['VWS', 'JN', 'REGIO-AMSTELLAND']),
  regions: new Set(['REGIO-AMSTELLAND']),
};
const record: RecordMeeting = {
  type: 'RecordMeeting',
  meetingId: 'overleg-2018-03-12',
  planId: PLAN,
  regionId: null,
  heldOn: '2018-03-12',
  participants: ['VWS', 'JN'],
  otherParticipants: ['  Pleegouder A. de Vries '],
  subject: ' Vervolg pleegzorg ',
  notes: '',
};
const recorded = meetingDecider.decide(record, meetingDecider.initialState(), context) as MeetingEvent[];

describe('meeting decider', () => {
  it('records a meeting with its participants, trimmed, and empty notes as none', () => {
    spec
      .given([])
      .when(record, context)
      .then([
        {
          type: 'MeetingRecorded',
          data: { subject: 'Vervolg pleegzorg', participants: ['VWS', 'JN'], otherParticipants: ['Pleegouder A. de Vries'], notes: null },
        },
      ]);
    spec
      .given([])
      .when({ ...record, regionId: 'REGIO-AMSTELLAND' }, context)
      .then([{ type: 'MeetingRecorded', data: { regionId: 'REGIO-AMSTELLAND' } }]);
  });

  it('refuses an unknown plan, a region that is none, a date that does not exist, unknown or repeated partners, nobody, and a second recording', () => {
    spec
      .given([])
      .when(record, { ...context, planExists: false })
      .thenThrows(NotFound);
    spec
      .given([])
      .when({ ...record, regionId: 'VWS' }, context)
      .thenThrows(InvalidInput, { field: 'regionId' });
    spec
      .given([])
      .when({ ...record, heldOn: '2018-02-30' }, context)
      .thenThrows(InvalidInput, { field: 'heldOn' });
    spec
      .given([])
      .when({ ...record, subject: ' ' }, context)
      .thenThrows(InvalidInput, { field: 'subject' });
    spec
      .given([])
      .when({ ...record, participants: ['VWS', 'NIEMAND'] }, context)
      .thenThrows(InvalidInput, { field: 'participants[1]' });
    spec
      .given([])
      .when({ ...record, participants: ['VWS', 'VWS'] }, context)
      .thenThrows(InvalidInput, { field: 'participants[1]' });
    spec
      .given([])
      .when({ ...record, participants: [], otherParticipants: [] }, context)
      .thenThrows(InvalidInput, { field: 'participants' });
    spec
      .given([])
      .when({ ...record, otherParticipants: ['A', ''] }, context)
      .thenThrows(InvalidInput, { field: 'otherParticipants[1]' });
    spec.given(recorded).when(record, context).thenThrows(Conflict);
  });

  it('records an agreement for an action of the meeting’s plan, once', () => {
    const agree = { type: 'RecordAgreement' as const, meetingId: record.meetingId, actionId: 'pleegzorg-9-1' };
    const agreed = spec
      .given(recorded)
      .when(agree, { actionPlanIds: [PLAN] })
      .then([{ type: 'AgreementRecorded', data: { meetingId: record.meetingId, actionId: 'pleegzorg-9-1' } }]) as MeetingEvent[];
    spec
      .given([...recorded, ...agreed])
      .when(agree, { actionPlanIds: [PLAN] })
      .thenThrows(InvalidInput, { field: 'actionId' });
    spec
      .given(recorded)
      .when({ ...agree, actionId: 'pleegzorg-9-2' }, { actionPlanIds: [PLAN] })
      .then([{ type: 'AgreementRecorded' }]);
  });

  it('refuses an agreement for a meeting that does not exist, or an action that does not or lies outside its plan', () => {
    const agree = { type: 'RecordAgreement' as const, meetingId: record.meetingId, actionId: 'koers-1-1' };
    spec
      .given([])
      .when(agree, { actionPlanIds: [PLAN] })
      .thenThrows(NotFound);
    spec.given(recorded).when(agree, { actionPlanIds: null }).thenThrows(InvalidInput, { field: 'actionId' });
    spec
      .given(recorded)
      .when(agree, { actionPlanIds: ['actieplan-koers'] })
      .thenThrows(InvalidInput, { field: 'actionId' });
  });
});
