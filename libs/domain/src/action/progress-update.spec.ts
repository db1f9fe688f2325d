import { deciderSpecification } from '../shared/decider-specification.testing';
import { Forbidden, InvalidInput, NotFound } from '../shared/errors';
import { actionDecider, ActionContext } from './action.decider';
import { ActionEvent } from './action.events';
import { SubmitProgressUpdate } from './progress-update';

const spec = deciderSpecification(actionDecider);
const ACTION = 'pleegzorg-3-4';

const registered: ActionEvent = {
  type: 'ActionRegistered',
  schemaVersion: 1,
  data: {
    actionId: ACTION,
    planId: 'actieplan-pleegzorg-2017-2018',
    actionLineId: 'pleegzorg-3',
    title: 'Verzamelen en verspreiden van goede voorbeelden',
    result: null,
    owners: ['JN', 'VNG'],
    ownerScope: null,
    involved: [],
    deadline: null,
    provenance: { origin: null, sourceText: null, note: null },
  },
};

const context: ActionContext = {
  knownPartners: new Set(['JN', 'VNG', 'VWS']),
  targetsOfAction: new Set(['pleegzorg-3-inschrijvingen-2017']),
  round: { planId: 'actieplan-pleegzorg-2017-2018', actionIds: [ACTION] },
};

const submit = (partnerId: string | null, extra: Partial<SubmitProgressUpdate> = {}): SubmitProgressUpdate => ({
  type: 'SubmitProgressUpdate',
  actionId: ACTION,
  partnerId,
  roundId: 'q2-2018',
  status: 'IN_PROGRESS',
  note: 'Goede voorbeelden verzameld',
  measurement: null,
  evidenceUrl: null,
  ...extra,
});

const submitted = (updateId: string, partnerId: string, status: 'IN_PROGRESS' | 'AT_RISK' = 'IN_PROGRESS'): ActionEvent => ({
  type: 'ProgressUpdateSubmitted',
  schemaVersion: 1,
  data: {
    actionId: ACTION,
    updateId,
    partnerId,
    roundId: 'q2-2018',
    status,
    note: 'Goede voorbeelden verzameld',
    measurement: null,
    evidenceUrl: null,
  },
});

describe('progress updates (action decider)', () => {
  it('an owner submits: an update with the next id, the status untouched', () => {
    spec
      .given([registered, submitted(`${ACTION}-u1`, 'VNG')])
      .when(submit('JN'), context)
      .then([{ type: 'ProgressUpdateSubmitted', data: { updateId: `${ACTION}-u2`, partnerId: 'JN', status: 'IN_PROGRESS' } }]);
  });

  it('refuses a partner that does not own the action, and a caller without a partner', () => {
    spec.given([registered]).when(submit('NVP'), context).thenThrows(Forbidden, { code: 'FORBIDDEN' });
    spec.given([registered]).when(submit(null), context).thenThrows(Forbidden);
  });

  it('follows the status rules of a report: STOPPED needs a note, NOT_REPORTED cannot be proposed', () => {
    spec
      .given([registered])
      .when(submit('JN', { status: 'STOPPED', note: null }), context)
      .thenThrows(InvalidInput, { field: 'note' });
    spec
      .given([registered])
      .when(submit('JN', { status: 'NOT_REPORTED' }), context)
      .thenThrows(InvalidInput, { field: 'status' });
  });

  it("checks the round, the measurement's target and date, and the evidence link", () => {
    spec
      .given([registered])
      .when(submit('JN'), { ...context, round: null })
      .thenThrows(NotFound);
    spec
      .given([registered])
      .when(submit('JN'), { ...context, round: { planId: 'x', actionIds: ['other'] } })
      .thenThrows(InvalidInput, { field: 'roundId' });
    const measurement = { targetId: 'pleegzorg-3-afhaken', value: 3, measuredAt: '2018-06-30' };
    spec.given([registered]).when(submit('JN', { measurement }), context).thenThrows(InvalidInput, { field: 'measurement.targetId' });
    spec
      .given([registered])
      .when(
        submit('JN', { measurement: { ...measurement, targetId: 'pleegzorg-3-inschrijvingen-2017', measuredAt: '2018-02-30' } }),
        context,
      )
      .thenThrows(InvalidInput, { field: 'measurement.measuredAt' });
    spec
      .given([registered])
      .when(submit('JN', { evidenceUrl: 'ftp://x.nl/a' }), context)
      .thenThrows(InvalidInput, { field: 'evidenceUrl' });
  });

  it('approval records the proposed status as a change that names the update', () => {
    spec
      .given([registered, submitted(`${ACTION}-u1`, 'VNG', 'AT_RISK')])
      .when({ type: 'ApproveProgressUpdate', actionId: ACTION, updateId: `${ACTION}-u1` }, context)
      .then([
        { type: 'ProgressUpdateApproved', data: { updateId: `${ACTION}-u1` } },
        { type: 'ActionStatusChanged', data: { status: 'AT_RISK', previousStatus: 'NOT_REPORTED', updateId: `${ACTION}-u1` } },
      ]);
  });

  it('an update is reviewed once: approving or returning it again is refused', () => {
    const approved: ActionEvent = {
      type: 'ProgressUpdateApproved',
      schemaVersion: 1,
      data: { actionId: ACTION, updateId: `${ACTION}-u1` },
    };
    const history = [registered, submitted(`${ACTION}-u1`, 'VNG'), approved];
    spec
      .given(history)
      .when({ type: 'ReturnProgressUpdate', actionId: ACTION, updateId: `${ACTION}-u1`, comment: 'Graag cijfers' }, context)
      .thenThrows(InvalidInput, { field: 'updateId' });
    spec
      .given(history)
      .when({ type: 'ApproveProgressUpdate', actionId: ACTION, updateId: `${ACTION}-u9` }, context)
      .thenThrows(NotFound);
  });

  it('a return needs a comment', () => {
    spec
      .given([registered, submitted(`${ACTION}-u1`, 'VNG')])
      .when({ type: 'ReturnProgressUpdate', actionId: ACTION, updateId: `${ACTION}-u1`, comment: '  ' }, context)
      .thenThrows(InvalidInput, { field: 'comment' });
  });
});
