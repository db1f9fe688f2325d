import { DomainEvent, event } from '../shared/domain-event';
import { Decider } from '../shared/decider';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { assertSlugId } from '../shared/ids';
import { Period } from '../shared/period';
import { requireText, TEXT_LIMITS } from '../shared/text';
import { PLAN_MESSAGES } from './plan.messages';
import { PARTNER_MESSAGES } from '../partner/partner.messages';

export interface RegisterPlan {
  type: 'RegisterPlan';
  planId: string;
  title: string;
  period: Period;
  sourceDocument: string | null;
  /** A regional plan (e.g. a region's "actieplan", or its follow-up of national actions): the jeugdzorgregio it belongs to. */
  regionId?: string | null;
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
  // `regionId` only on regional plans: national plans' events keep the shape (and hashes) they always had.
  { planId: string; title: string; period: Period; sourceDocument: string | null; regionId?: string }
>;
export type ActionLineRegistered = DomainEvent<
  'ActionLineRegistered',
  { planId: string; actionLineId: string; code: string; title: string }
>;
export type PlanEvent = PlanRegistered | ActionLineRegistered;

export interface PlanState {
  registered: boolean;
  version: number;
  regionId: string | null;
  actionLines: ReadonlyMap<string, { code: string; title: string }>;
}

/** Only a regional plan needs it: which partners are jeugdzorgregio's. */
export interface PlanContext {
  knownRegions: ReadonlySet<string>;
}

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState, PlanContext | undefined> = {
  initialState: () => ({ registered: false, version: 0, regionId: null, actionLines: new Map() }),
  evolve: (state, e) => {
    switch (e.type) {
      case 'PlanRegistered':
        return { ...state, registered: true, version: state.version + 1, regionId: e.data.regionId ?? null };
      case 'ActionLineRegistered': {
        const actionLines = new Map(state.actionLines);
        actionLines.set(e.data.actionLineId, { code: e.data.code, title: e.data.title });
        return { ...state, actionLines, version: state.version + 1 };
      }
      default:
        return state;
    }
  },
  decide: (command, state, context) => {
    switch (command.type) {
      case 'RegisterPlan': {
        if (state.registered) throw new Conflict(PLAN_MESSAGES.alreadyRegistered(command.planId), state.version);
        assertSlugId('planId', command.planId);
        const { regionId } = command;
        if (regionId && !context?.knownRegions.has(regionId)) throw new InvalidInput('regionId', PARTNER_MESSAGES.notARegion(regionId));
        return [
          event('PlanRegistered', {
            planId: command.planId,
            title: requireText('title', command.title, TEXT_LIMITS.title),
            period: command.period,
            sourceDocument: command.sourceDocument,
            ...(regionId ? { regionId } : {}),
          }),
        ];
      }
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
