import { Decider } from '../shared/decider';
import { event, DomainEvent } from '../shared/domain-event';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { assertSlugId } from '../shared/ids';
import { optionalText, requireText, TEXT_LIMITS } from '../shared/text';
import { CONTEXT_MESSAGES as M } from './context.messages';

/**
 * A theme of a plan (the Koers's opgaven: "Gezamenlijk verhaal", "Partnerschap"), optionally under one
 * of the plan's action lines (the Koers's A, B, C). Actions serve several themes and a theme has several
 * actions; each link is an event in the theme's stream.
 */
export interface DefineTheme {
  type: 'DefineTheme';
  themeId: string;
  planId: string;
  actionLineId: string | null;
  title: string;
  description: string | null;
  source: string | null;
}

export interface LinkActionToTheme {
  type: 'LinkActionToTheme';
  themeId: string;
  actionId: string;
  note: string | null;
}

export type ThemeCommand = DefineTheme | LinkActionToTheme;

export type ThemeDefined = DomainEvent<'ThemeDefined', Omit<DefineTheme, 'type'>>;
export type ActionLinkedToTheme = DomainEvent<'ActionLinkedToTheme', { themeId: string; actionId: string; note: string | null }>;
export type ThemeEvent = ThemeDefined | ActionLinkedToTheme;

export interface ThemeState {
  version: number;
  defined: boolean;
  actionIds: ReadonlySet<string>;
}

export interface ThemeContext {
  /** DefineTheme: the plan's action lines, or null when the plan does not exist. */
  planActionLines?: ReadonlySet<string> | null;
  /** LinkActionToTheme: whether the action exists. */
  actionExists?: boolean;
}

export const themeDecider: Decider<ThemeCommand, ThemeEvent, ThemeState, ThemeContext> = {
  initialState: () => ({ version: 0, defined: false, actionIds: new Set() }),
  evolve: (state, e) => ({
    version: state.version + 1,
    defined: true,
    actionIds: e.type === 'ActionLinkedToTheme' ? new Set([...state.actionIds, e.data.actionId]) : state.actionIds,
  }),
  decide: (command, state, context) => {
    if (command.type === 'DefineTheme') {
      if (state.defined) throw new Conflict(M.themeExists(command.themeId), state.version);
      assertSlugId('themeId', command.themeId);
      if (!context.planActionLines) throw new InvalidInput('planId', M.planNotFound(command.planId));
      if (command.actionLineId !== null && !context.planActionLines.has(command.actionLineId)) {
        throw new InvalidInput('actionLineId', M.actionLineNotInPlan(command.actionLineId, command.planId));
      }
      return [
        event('ThemeDefined', {
          themeId: command.themeId,
          planId: command.planId,
          actionLineId: command.actionLineId,
          title: requireText('title', command.title, TEXT_LIMITS.title),
          description: optionalText('description', command.description, TEXT_LIMITS.description),
          source: optionalText('source', command.source, TEXT_LIMITS.note),
        }),
      ];
    }
    if (!state.defined) throw new NotFound(M.themeNotFound(command.themeId));
    if (!context.actionExists) throw new InvalidInput('actionId', M.actionNotFound(command.actionId));
    if (state.actionIds.has(command.actionId)) throw new Conflict(M.alreadyLinked(command.actionId), state.version);
    return [
      event('ActionLinkedToTheme', {
        themeId: command.themeId,
        actionId: command.actionId,
        note: optionalText('note', command.note, TEXT_LIMITS.note),
      }),
    ];
  },
};
