import { Decider } from '../shared/decider';
import { event, DomainEvent } from '../shared/domain-event';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { assertSlugId } from '../shared/ids';
import { isCalendarDate } from '../shared/period';
import { optionalText, requireText, TEXT_LIMITS } from '../shared/text';
import { SHARED_MESSAGES } from '../shared/shared.messages';
import { CONTEXT_MESSAGES as M } from './context.messages';

/**
 * A series of context figures a plan gives ("kinderen en jongeren in pleegzorg": 21.880 in 2014,
 * 22.512 in 2015, source Pleegzorg Nederland). Figures are not goals: they have no target value and
 * no attainment, and are kept apart from targets. A series may give context to an action line, to
 * targets and to actions of its plan.
 */
export interface DefineContextSeries {
  type: 'DefineContextSeries';
  seriesId: string;
  planId: string;
  title: string;
  unit: string;
  /** Who publishes the figures, as the plan says ("Pleegzorg Nederland, 2016"), and where the plan gives them. */
  source: string;
  actionLineId: string | null;
  targetIds: string[];
  actionIds: string[];
  note: string | null;
}

export interface RecordContextFigure {
  type: 'RecordContextFigure';
  seriesId: string;
  /** The period as the source writes it ("2015", "december 2000"); null when it names none. */
  period: string | null;
  /** The last day of that period, null when the source names none. */
  date: string | null;
  /** A part of the whole ("0 - 4 jaar"), null for the whole. */
  category: string | null;
  value: number;
  note: string | null;
}

export type ContextSeriesCommand = DefineContextSeries | RecordContextFigure;

export type ContextSeriesDefined = DomainEvent<'ContextSeriesDefined', Omit<DefineContextSeries, 'type'>>;
export type ContextFigureRecorded = DomainEvent<'ContextFigureRecorded', Omit<RecordContextFigure, 'type'>>;
export type ContextSeriesEvent = ContextSeriesDefined | ContextFigureRecorded;

export interface ContextSeriesState {
  version: number;
  defined: boolean;
  figures: ReadonlySet<string>;
}

export interface ContextSeriesContext {
  /** DefineContextSeries: the plan's action lines, targets and actions; null when the plan does not exist. */
  plan?: { actionLineIds: ReadonlySet<string>; targetIds: ReadonlySet<string>; actionIds: ReadonlySet<string> } | null;
}

const figureKey = (f: { period: string | null; date: string | null; category: string | null }) =>
  JSON.stringify([f.period, f.date, f.category]);

export const contextSeriesDecider: Decider<ContextSeriesCommand, ContextSeriesEvent, ContextSeriesState, ContextSeriesContext> = {
  initialState: () => ({ version: 0, defined: false, figures: new Set() }),
  evolve: (state, e) => ({
    version: state.version + 1,
    defined: true,
    figures: e.type === 'ContextFigureRecorded' ? new Set([...state.figures, figureKey(e.data)]) : state.figures,
  }),
  decide: (command, state, context) => {
    if (command.type === 'DefineContextSeries') {
      if (state.defined) throw new Conflict(M.seriesExists(command.seriesId), state.version);
      assertSlugId('seriesId', command.seriesId);
      const plan = context.plan;
      if (!plan) throw new InvalidInput('planId', M.planNotFound(command.planId));
      if (command.actionLineId !== null && !plan.actionLineIds.has(command.actionLineId)) {
        throw new InvalidInput('actionLineId', M.actionLineNotInPlan(command.actionLineId, command.planId));
      }
      const targetIds = [...new Set(command.targetIds)];
      targetIds.forEach((id, i) => {
        if (!plan.targetIds.has(id)) throw new InvalidInput(`targetIds[${i}]`, M.targetNotInPlan(id, command.planId));
      });
      const actionIds = [...new Set(command.actionIds)];
      actionIds.forEach((id, i) => {
        if (!plan.actionIds.has(id)) throw new InvalidInput(`actionIds[${i}]`, M.actionNotFound(id));
      });
      return [
        event('ContextSeriesDefined', {
          seriesId: command.seriesId,
          planId: command.planId,
          title: requireText('title', command.title, TEXT_LIMITS.title),
          unit: requireText('unit', command.unit, TEXT_LIMITS.unit),
          source: requireText('source', command.source, TEXT_LIMITS.note),
          actionLineId: command.actionLineId,
          targetIds,
          actionIds,
          note: optionalText('note', command.note, TEXT_LIMITS.note),
        }),
      ];
    }
    if (!state.defined) throw new NotFound(M.seriesNotFound(command.seriesId));
    if (typeof command.value !== 'number' || !Number.isFinite(command.value)) throw new InvalidInput('value', SHARED_MESSAGES.notFinite);
    if (command.date !== null && !isCalendarDate(command.date))
      throw new InvalidInput('date', SHARED_MESSAGES.notCalendarDate(command.date));
    const figure = {
      seriesId: command.seriesId,
      period: optionalText('period', command.period, 100),
      date: command.date,
      category: optionalText('category', command.category, 100),
      value: command.value,
      note: optionalText('note', command.note, TEXT_LIMITS.note),
    };
    if (state.figures.has(figureKey(figure))) {
      throw new Conflict(M.figureExists([figure.period ?? figure.date ?? '—', figure.category].filter(Boolean).join(', ')), state.version);
    }
    return [event('ContextFigureRecorded', figure)];
  },
};
