import { Decider } from '../shared/decider';
import { event, DomainEvent } from '../shared/domain-event';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { assertSlugId } from '../shared/ids';
import { isCalendarDate } from '../shared/period';
import { requireText, TEXT_LIMITS } from '../shared/text';
import { SHARED_MESSAGES } from '../shared/shared.messages';
import { ROUND_MESSAGES as M } from './round.messages';

/**
 * A reporting round ("Voortgang Q2 2018"): a coordinator asks the owners of a plan's actions for an
 * update between two dates. The round only says which actions and when; whether an owner has
 * reported is read from the actions' updates (see the round overview in the read models). Updates
 * submitted after `closesOn` are kept and shown as late.
 */
export interface OpenReportingRound {
  type: 'OpenReportingRound';
  roundId: string;
  planId: string;
  title: string;
  opensOn: string;
  closesOn: string;
  /** The actions it covers; the application fills in all of the plan's actions when none are named. */
  actionIds: string[];
}

export type ReportingRoundCommand = OpenReportingRound;

export type ReportingRoundOpened = DomainEvent<
  'ReportingRoundOpened',
  { roundId: string; planId: string; title: string; opensOn: string; closesOn: string; actionIds: string[] }
>;

export type ReportingRoundEvent = ReportingRoundOpened;

export interface ReportingRoundState {
  version: number;
  opened: boolean;
}

export interface ReportingRoundContext {
  /** The actions of the plan named by the command; null when the plan does not exist. */
  planActionIds: ReadonlySet<string> | null;
}

export const reportingRoundDecider: Decider<ReportingRoundCommand, ReportingRoundEvent, ReportingRoundState, ReportingRoundContext> = {
  initialState: () => ({ version: 0, opened: false }),
  evolve: (state) => ({ version: state.version + 1, opened: true }),
  decide: (command, state, context) => {
    if (state.opened) throw new Conflict(M.alreadyOpened(command.roundId), state.version);
    assertSlugId('roundId', command.roundId);
    if (context.planActionIds === null) throw new NotFound(M.planNotFound(command.planId));
    const title = requireText('title', command.title, TEXT_LIMITS.title);
    for (const field of ['opensOn', 'closesOn'] as const) {
      if (!isCalendarDate(command[field])) throw new InvalidInput(field, SHARED_MESSAGES.notCalendarDate(command[field]));
    }
    if (command.closesOn < command.opensOn) throw new InvalidInput('closesOn', M.closesBeforeOpening);
    const actionIds = [...new Set(command.actionIds)];
    if (actionIds.length === 0) throw new InvalidInput('actionIds', M.noActions);
    actionIds.forEach((id, i) => {
      if (!context.planActionIds?.has(id)) throw new InvalidInput(`actionIds[${i}]`, M.actionNotInPlan(id, command.planId));
    });
    return [
      event('ReportingRoundOpened', {
        roundId: command.roundId,
        planId: command.planId,
        title,
        opensOn: command.opensOn,
        closesOn: command.closesOn,
        actionIds,
      }),
    ];
  },
};
