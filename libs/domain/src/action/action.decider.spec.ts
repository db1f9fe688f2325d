import { deciderSpecification } from '../shared/decider-specification.testing';
import { InvalidInput, NotFound, Conflict } from '../shared/errors';
import { planDecider, PlanEvent } from '../plan/plan';
import { fold } from '../shared/decider';
import { actionDecider, ActionContext } from './action.decider';
import { ActionEvent, ActionRegistered } from './action.events';
import { RegisterAction } from './action.commands';

const spec = deciderSpecification(actionDecider);

const plan = fold(planDecider, [
  {
    type: 'PlanRegistered',
    schemaVersion: 1,
    data: {
      planId: 'actieplan-pleegzorg-2017-2018',
      title: 'Actieplan Pleegzorg 2017-2018',
      period: { text: '2017-2018', start: '2017-01-01', end: '2018-12-31' },
      sourceDocument: null,
    },
  },
  {
    type: 'ActionLineRegistered',
    schemaVersion: 1,
    data: { planId: 'actieplan-pleegzorg-2017-2018', actionLineId: 'pleegzorg-3', code: '3', title: 'Werven en screenen van pleegouders' },
  },
] as PlanEvent[]);

const context: ActionContext = { knownPartners: new Set(['JN', 'VNG', 'VWS', 'NVP']), plan };

const register: RegisterAction = {
  type: 'RegisterAction',
  actionId: 'pleegzorg-3-4',
  planId: 'actieplan-pleegzorg-2017-2018',
  actionLineId: 'pleegzorg-3',
  title: 'Verzamelen en verspreiden van goede voorbeelden',
  result: 'Verzamelen en verspreiden van goede voorbeelden gericht op werving, binding en behoud van pleegouders',
  owners: ['JN', 'VNG'],
  deadline: { text: '2017/2018' },
};

const registered: ActionRegistered = {
  type: 'ActionRegistered',
  schemaVersion: 1,
  data: {
    actionId: 'pleegzorg-3-4',
    planId: 'actieplan-pleegzorg-2017-2018',
    actionLineId: 'pleegzorg-3',
    title: 'Verzamelen en verspreiden van goede voorbeelden',
    result: null,
    owners: ['JN', 'VNG'],
    ownerScope: null,
    involved: [],
    deadline: { text: '2017/2018', start: '2017-01-01', end: '2018-12-31' },
    provenance: { origin: null, sourceText: null, note: null },
  },
};

describe('action decider', () => {
  describe('RegisterAction', () => {
    it('registers an action with its owners and the deadline read from its text', () => {
      spec
        .given([])
        .when(register, context)
        .then([
          {
            type: 'ActionRegistered',
            data: { owners: ['JN', 'VNG'], deadline: { text: '2017/2018', start: '2017-01-01', end: '2018-12-31' } },
          },
        ]);
    });

    it('keeps a commitment without a date as deadline null', () => {
      spec
        .given([])
        .when({ ...register, deadline: null }, context)
        .then([{ type: 'ActionRegistered', data: { deadline: null } }]);
    });

    it('refuses an owner that is not a known partner, naming the field', () => {
      spec
        .given([])
        .when({ ...register, owners: ['JN', 'XYZ'] }, context)
        .thenThrows(InvalidInput, { field: 'owners[1]' });
    });

    it('refuses an action without owners', () => {
      spec
        .given([])
        .when({ ...register, owners: [] }, context)
        .thenThrows(InvalidInput, {
          field: 'owners',
          message: 'owners: minstens één eigenaar is verplicht',
          text: 'minstens één eigenaar is verplicht',
          reason: 'one owner or more is required',
        });
    });

    it('refuses a deadline whose end lies before its start', () => {
      spec
        .given([])
        .when({ ...register, deadline: { text: '1 maart 2020 – 1 juni 2019' } }, context)
        .thenThrows(InvalidInput, { field: 'deadline' });
    });

    it('refuses hand-read dates that do not exist', () => {
      spec
        .given([])
        .when({ ...register, deadline: { text: 'eind februari 2019', end: '2019-02-30' } }, context)
        .thenThrows(InvalidInput, { field: 'deadline' });
    });

    it('refuses an action line that is not in the plan', () => {
      spec
        .given([])
        .when({ ...register, actionLineId: 'pleegzorg-9' }, context)
        .thenThrows(InvalidInput, { field: 'actionLineId' });
    });

    it('refuses a plan that does not exist', () => {
      spec
        .given([])
        .when(register, { ...context, plan: null })
        .thenThrows(NotFound, {
          message: "Plan 'actieplan-pleegzorg-2017-2018' bestaat niet",
          reason: "plan 'actieplan-pleegzorg-2017-2018' not found",
        });
    });

    it('refuses to register the same action twice', () => {
      spec
        .given([registered])
        .when(register, context)
        .thenThrows(Conflict, { message: 'Actie pleegzorg-3-4 bestaat al', reason: 'action pleegzorg-3-4 is already registered' });
    });

    it('refuses a party that is both owner and involved', () => {
      spec
        .given([])
        .when({ ...register, involved: [{ partnerId: 'JN', role: 'COLLABORATOR' }] }, context)
        .thenThrows(InvalidInput, { field: 'involved[0].partnerId' });
    });
  });

  describe('ChangeActionStatus', () => {
    const change = { type: 'ChangeActionStatus' as const, actionId: 'pleegzorg-3-4', note: null };

    it('records a status change with the previous status', () => {
      spec
        .given([registered])
        .when({ ...change, status: 'IN_PROGRESS' }, context)
        .then([{ type: 'ActionStatusChanged', data: { status: 'IN_PROGRESS', previousStatus: 'NOT_REPORTED' } }]);
    });

    it('needs a note to stop an action', () => {
      spec
        .given([registered])
        .when({ ...change, status: 'STOPPED' }, context)
        .thenThrows(InvalidInput, { field: 'note' });
      spec
        .given([registered])
        .when({ ...change, status: 'STOPPED', note: '   ' }, context)
        .thenThrows(InvalidInput, { field: 'note' });
    });

    it('stops an action with a reason', () => {
      spec
        .given([registered])
        .when({ ...change, status: 'STOPPED', note: 'Gestopt vanwege het ontbreken van projectfinanciering' }, context)
        .then([
          { type: 'ActionStatusChanged', data: { status: 'STOPPED', note: 'Gestopt vanwege het ontbreken van projectfinanciering' } },
        ]);
    });

    it('cannot go back to NOT_REPORTED', () => {
      spec
        .given([registered])
        .when({ ...change, status: 'NOT_REPORTED' }, context)
        .thenThrows(InvalidInput, { field: 'status' });
    });

    it('records nothing when status and note are unchanged', () => {
      const inProgress: ActionEvent = {
        type: 'ActionStatusChanged',
        schemaVersion: 1,
        data: { actionId: 'pleegzorg-3-4', status: 'IN_PROGRESS', previousStatus: 'NOT_REPORTED', note: null },
      };
      spec
        .given([registered, inProgress])
        .when({ ...change, status: 'IN_PROGRESS' }, context)
        .thenNothing();
    });

    it('refuses a note with control characters', () => {
      spec
        .given([registered])
        .when({ ...change, status: 'AT_RISK', note: 'bel\u0007' }, context)
        .thenThrows(InvalidInput, { field: 'note' });
    });

    it('refuses an action that does not exist', () => {
      spec
        .given([])
        .when({ ...change, status: 'IN_PROGRESS' }, context)
        .thenThrows(NotFound);
    });
  });

  describe('owners', () => {
    it('assigns a known partner as an extra owner', () => {
      spec
        .given([registered])
        .when({ type: 'AssignOwner', actionId: 'pleegzorg-3-4', partnerId: 'NVP', reason: null }, context)
        .then([{ type: 'OwnerAssigned', data: { partnerId: 'NVP' } }]);
    });

    it('refuses an owner twice', () => {
      spec
        .given([registered])
        .when({ type: 'AssignOwner', actionId: 'pleegzorg-3-4', partnerId: 'JN', reason: null }, context)
        .thenThrows(InvalidInput, { field: 'partnerId' });
    });

    it('removes an owner with a reason but never the last one', () => {
      spec
        .given([registered])
        .when({ type: 'RemoveOwner', actionId: 'pleegzorg-3-4', partnerId: 'VNG', reason: 'Leesfout in de tabel' }, context)
        .then([{ type: 'OwnerRemoved', data: { partnerId: 'VNG' } }]);
      const vngRemoved: ActionEvent = {
        type: 'OwnerRemoved',
        schemaVersion: 1,
        data: { actionId: 'pleegzorg-3-4', partnerId: 'VNG', reason: 'x' },
      };
      spec
        .given([registered, vngRemoved])
        .when({ type: 'RemoveOwner', actionId: 'pleegzorg-3-4', partnerId: 'JN', reason: 'x' }, context)
        .thenThrows(InvalidInput, { field: 'partnerId' });
    });

    it('needs a reason to remove an owner', () => {
      spec
        .given([registered])
        .when({ type: 'RemoveOwner', actionId: 'pleegzorg-3-4', partnerId: 'VNG', reason: '' }, context)
        .thenThrows(InvalidInput, { field: 'reason' });
    });
  });

  describe('RescheduleAction', () => {
    it('records the new deadline, the previous one and the reason', () => {
      spec
        .given([registered])
        .when(
          { type: 'RescheduleAction', actionId: 'pleegzorg-3-4', deadline: { text: 'medio 2019' }, reason: 'Uitgesteld na evaluatie' },
          context,
        )
        .then([
          {
            type: 'ActionRescheduled',
            data: {
              deadline: { text: 'medio 2019', start: null, end: '2019-06-30' },
              previousDeadline: { text: '2017/2018' },
              reason: 'Uitgesteld na evaluatie',
            },
          },
        ]);
    });

    it('needs a reason', () => {
      spec
        .given([registered])
        .when({ type: 'RescheduleAction', actionId: 'pleegzorg-3-4', deadline: { text: '2019' }, reason: ' ' }, context)
        .thenThrows(InvalidInput, { field: 'reason' });
    });

    it('refuses a text it cannot read as a period', () => {
      spec
        .given([registered])
        .when({ type: 'RescheduleAction', actionId: 'pleegzorg-3-4', deadline: { text: 'binnenkort' }, reason: 'x' }, context)
        .thenThrows(InvalidInput, { field: 'deadline' });
    });
  });
});

describe('CorrectActionStatus', () => {
  const reported: ActionEvent = {
    type: 'ActionStatusChanged',
    schemaVersion: 1,
    data: { actionId: 'pleegzorg-3-4', status: 'COMPLETED', previousStatus: 'NOT_REPORTED', note: null },
  };
  const correct = {
    type: 'CorrectActionStatus' as const,
    actionId: 'pleegzorg-3-4',
    correctsVersion: 2,
    status: 'IN_PROGRESS' as const,
    note: null,
    reason: 'Per abuis als afgerond gemeld',
  };

  it('corrects the latest status report, naming it and why', () => {
    spec
      .given([registered, reported])
      .when(correct, context)
      .then([
        {
          type: 'ActionStatusCorrected',
          data: { correctsVersion: 2, status: 'IN_PROGRESS', previousStatus: 'COMPLETED', reason: 'Per abuis als afgerond gemeld' },
        },
      ]);
  });

  it('needs a reason, and only the latest report can be corrected', () => {
    spec
      .given([registered, reported])
      .when({ ...correct, reason: '' }, context)
      .thenThrows(InvalidInput, { field: 'reason' });
    spec
      .given([registered, reported])
      .when({ ...correct, correctsVersion: 1 }, context)
      .thenThrows(InvalidInput, { field: 'correctsVersion' });
    spec
      .given([registered])
      .when({ ...correct, correctsVersion: 1 }, context)
      .thenThrows(InvalidInput, { field: 'correctsVersion' });
  });

  it('follows the same rules as a status change: STOPPED needs a note', () => {
    spec
      .given([registered, reported])
      .when({ ...correct, status: 'STOPPED' }, context)
      .thenThrows(InvalidInput, { field: 'note' });
  });
});

describe('regional actions', () => {
  const regionalPlan = { ...plan, regionId: 'REGIO-HAAGLANDEN' };
  const instance: RegisterAction = {
    ...register,
    actionId: 'pleegzorg-3-4-regio-haaglanden',
    owners: ['VNG'],
    carriesOut: 'pleegzorg-3-4',
  };

  it('registers an action of a regional plan with its region and the national action it carries out', () => {
    spec
      .given([])
      .when(instance, { ...context, plan: regionalPlan, nationalAction: { regionId: null } })
      .then([{ type: 'ActionRegistered', data: { regionId: 'REGIO-HAAGLANDEN', carriesOut: 'pleegzorg-3-4' } }]);
  });

  it('keeps a national action’s event as it always was: no region, nothing carried out', () => {
    const [event] = actionDecider.decide(register, actionDecider.initialState(), context);
    expect(Object.keys(event.data)).not.toContain('regionId');
    expect(Object.keys(event.data)).not.toContain('carriesOut');
  });

  it('refuses to carry out an action from a national plan, an unknown action, or another regional action', () => {
    spec
      .given([])
      .when(instance, { ...context, nationalAction: { regionId: null } })
      .thenThrows(InvalidInput, { field: 'carriesOut' });
    spec
      .given([])
      .when(instance, { ...context, plan: regionalPlan, nationalAction: null })
      .thenThrows(InvalidInput, { field: 'carriesOut' });
    spec
      .given([])
      .when(instance, { ...context, plan: regionalPlan, nationalAction: { regionId: 'REGIO-TWENTE' } })
      .thenThrows(InvalidInput, { field: 'carriesOut' });
  });

  it('sets a level where the plan says it, and refuses one it does not know', () => {
    spec
      .given([registered])
      .when({ type: 'SetActionLevel', actionId: 'pleegzorg-3-4', level: 'AANBIEDER', source: 'Koers, Niveau' }, context)
      .then([{ type: 'ActionLevelSet', data: { level: 'AANBIEDER' } }]);
    spec
      .given([registered])
      .when({ type: 'SetActionLevel', actionId: 'pleegzorg-3-4', level: 'GEMEENTE' as never, source: null }, context)
      .thenThrows(InvalidInput, { field: 'level' });
  });
});
