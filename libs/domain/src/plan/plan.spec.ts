import { deciderSpecification } from '../shared/decider-specification.testing';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { planDecider, PlanRegistered } from './plan';
import { partnerDecider } from '../partner/partner';

const plans = deciderSpecification(planDecider);
const registered: PlanRegistered = {
  type: 'PlanRegistered',
  schemaVersion: 1,
  data: {
    planId: 'koers-gezinshuizen-2019-2021',
    title: 'Koers Gezinshuizen',
    period: { text: '2019-2021', start: '2019-01-01', end: '2021-12-31' },
    sourceDocument: null,
  },
};
const line = {
  type: 'RegisterActionLine' as const,
  planId: 'koers-gezinshuizen-2019-2021',
  actionLineId: 'koers-o',
  code: 'Ondersteuningsacties',
  title: 'Ondersteuningsacties',
};

describe('plan decider', () => {
  it('registers a plan once', () => {
    plans
      .given([])
      .when({ type: 'RegisterPlan', ...registered.data }, undefined)
      .then([{ type: 'PlanRegistered' }]);
    plans
      .given([registered])
      .when({ type: 'RegisterPlan', ...registered.data }, undefined)
      .thenThrows(Conflict);
  });

  it('refuses an id that is not a readable slug', () => {
    plans
      .given([])
      .when({ type: 'RegisterPlan', ...registered.data, planId: 'Koers Gezinshuizen!' }, undefined)
      .thenThrows(InvalidInput, { field: 'planId' });
  });

  it('adds action lines to an existing plan, with unique ids and codes', () => {
    plans
      .given([registered])
      .when(line, undefined)
      .then([{ type: 'ActionLineRegistered', data: { code: 'Ondersteuningsacties' } }]);
    plans.given([]).when(line, undefined).thenThrows(NotFound);
    const added = {
      type: 'ActionLineRegistered' as const,
      schemaVersion: 1,
      data: { planId: line.planId, actionLineId: line.actionLineId, code: line.code, title: line.title },
    };
    plans.given([registered, added]).when(line, undefined).thenThrows(Conflict);
    plans
      .given([registered, added])
      .when({ ...line, actionLineId: 'koers-x' }, undefined)
      .thenThrows(InvalidInput, { field: 'code' });
  });
});

describe('partner decider', () => {
  const partners = deciderSpecification(partnerDecider);
  const register = {
    type: 'RegisterPartner' as const,
    partnerId: 'NJI',
    name: 'Nederlands Jeugdinstituut',
    kind: 'organisation' as const,
    aliases: ['NJi', 'NJi', 'NJI'],
  };

  it('registers a partner with its aliases, once each', () => {
    partners
      .given([])
      .when(register, undefined)
      .then([{ type: 'PartnerRegistered', data: { aliases: ['NJi', 'NJI'] } }]);
  });

  it('refuses a lower-case or empty id and an empty name', () => {
    partners
      .given([])
      .when({ ...register, partnerId: 'nji' }, undefined)
      .thenThrows(InvalidInput, { field: 'partnerId' });
    partners
      .given([])
      .when({ ...register, name: ' ' }, undefined)
      .thenThrows(InvalidInput, { field: 'name' });
  });
});
