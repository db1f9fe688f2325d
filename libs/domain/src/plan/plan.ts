import { DomainEvent, event } from '../shared/domain-event';
import { Decider } from '../shared/decider';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { assertSlugId } from '../shared/ids';
import { Period } from '../shared/period';
import { requireText, TEXT_LIMITS } from '../shared/text';
import { PLAN_MESSAGES } from './plan.messages';

export interface RegisterPlan {
  type: 'RegisterPlan';
  planId: string;
  title: string;
  period: Period;
  sourceDocument: string | null;
}

export interface RegisterActionLine {
  type: 'RegisterActionLine';
  planId: string;
  actionLineId: string;
  code: string;
  title: string;
}

export type PlanCommand = RegisterPlan | RegisterActionLine;

export type PlanRegistered = DomainEvent<
  'PlanRegistered',
  { planId: string; title: string; period: Period; sourceDocument: string | null }
>;
export type ActionLineRegistered = DomainEvent<
  'ActionLineRegistered',
  { planId: string; actionLineId: string; code: string; title: string }
>;
export type PlanEvent = PlanRegistered | ActionLineRegistered;

export interface PlanState {
  registered: boolean;
  version: number;
  actionLines: ReadonlyMap<string, { code: string; title: string }>;
}

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: () => ({ registered: false, version: 0, actionLines: new Map() }),
  evolve: (state, e) => {
    switch (e.type) {
      case 'PlanRegistered':
        return { ...state, registered: true, version: state.version + 1 };
      case 'ActionLineRegistered': {
        const actionLines = new Map(state.actionLines);
        actionLines.set(e.data.actionLineId, { code: e.data.code, title: e.data.title });
        return { ...state, actionLines, version: state.version + 1 };
      }
      default:
        return state;
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterPlan':
        if (state.registered) throw new Conflict(PLAN_MESSAGES.alreadyRegistered(command.planId), state.version);
        assertSlugId('planId', command.planId);
        return [
          event('PlanRegistered', {
            planId: command.planId,
            title: requireText('title', command.title, TEXT_LIMITS.title),
            period: command.period,
            sourceDocument: command.sourceDocument,
          }),
        ];
      case 'RegisterActionLine': {
        if (!state.registered) throw new NotFound(PLAN_MESSAGES.notFound(command.planId));
        assertSlugId('actionLineId', command.actionLineId);
        if (state.actionLines.has(command.actionLineId)) {
          throw new Conflict(PLAN_MESSAGES.actionLineAlreadyRegistered(command.actionLineId), state.version);
        }
        const code = requireText('code', command.code, 100);
        for (const line of state.actionLines.values()) {
          if (line.code === code) throw new InvalidInput('code', PLAN_MESSAGES.codeInUse(code));
        }
        return [
          event('ActionLineRegistered', {
            planId: command.planId,
            actionLineId: command.actionLineId,
            code,
            title: requireText('title', command.title, TEXT_LIMITS.title),
          }),
        ];
      }
    }
  },
};
