import type {
  Chamber,
  ContextSeriesEvent,
  ParliamentaryReferenceEvent,
  ReferenceKind,
  ReferenceSubject,
  ThemeEvent,
} from '@actiemonitor/domain';

/**
 * Parliamentary references, themes and context-figure series as readers see them. Each element keeps
 * the instant it was recorded: these aggregates only ever add, so the view as at `asOf` is the view
 * with the elements recorded after it left out (see `*AsOf` below), exactly.
 */
export interface ReferenceLinkView {
  subject: ReferenceSubject;
  subjectId: string;
  note: string | null;
  linkedAt: string;
}

export interface ReferenceView {
  id: string;
  kind: ReferenceKind;
  chamber: Chamber | null;
  dossier: string | null;
  number: string | null;
  title: string;
  members: string[];
  date: string | null;
  dateText: string | null;
  source: string;
  registeredAt: string;
  links: ReferenceLinkView[];
}

export interface ThemeActionView {
  actionId: string;
  note: string | null;
  linkedAt: string;
}

export interface ThemeView {
  id: string;
  planId: string;
  actionLineId: string | null;
  title: string;
  description: string | null;
  source: string | null;
  definedAt: string;
  actions: ThemeActionView[];
}

export interface ContextFigureView {
  period: string | null;
  date: string | null;
  category: string | null;
  value: number;
  note: string | null;
  recordedAt: string;
}

export interface ContextSeriesView {
  id: string;
  planId: string;
  title: string;
  unit: string;
  source: string;
  actionLineId: string | null;
  targetIds: string[];
  actionIds: string[];
  note: string | null;
  definedAt: string;
  figures: ContextFigureView[];
}

export function evolveReferenceView(view: ReferenceView | null, e: ParliamentaryReferenceEvent, at: string): ReferenceView | null {
  if (e.type === 'ParliamentaryReferenceRegistered') {
    const { referenceId, ...rest } = e.data;
    return { id: referenceId, ...rest, registeredAt: at, links: [] };
  }
  if (view === null) return null;
  const { subject, subjectId, note } = e.data;
  return { ...view, links: [...view.links, { subject, subjectId, note, linkedAt: at }] };
}

export function evolveThemeView(view: ThemeView | null, e: ThemeEvent, at: string): ThemeView | null {
  if (e.type === 'ThemeDefined') {
    const { themeId, ...rest } = e.data;
    return { id: themeId, ...rest, definedAt: at, actions: [] };
  }
  if (view === null) return null;
  return { ...view, actions: [...view.actions, { actionId: e.data.actionId, note: e.data.note, linkedAt: at }] };
}

export function evolveContextSeriesView(view: ContextSeriesView | null, e: ContextSeriesEvent, at: string): ContextSeriesView | null {
  if (e.type === 'ContextSeriesDefined') {
    const { seriesId, ...rest } = e.data;
    return { id: seriesId, ...rest, definedAt: at, figures: [] };
  }
  if (view === null) return null;
  const { period, date, category, value, note } = e.data;
  return { ...view, figures: [...view.figures, { period, date, category, value, note, recordedAt: at }] };
}

// As at an instant (ISO, compared as text like every asOf): null when the view did not exist yet.

export function referenceAsOf(view: ReferenceView, asOf: string | null): ReferenceView | null {
  if (asOf === null) return view;
  return view.registeredAt > asOf ? null : { ...view, links: view.links.filter((l) => l.linkedAt <= asOf) };
}

export function themeAsOf(view: ThemeView, asOf: string | null): ThemeView | null {
  if (asOf === null) return view;
  return view.definedAt > asOf ? null : { ...view, actions: view.actions.filter((a) => a.linkedAt <= asOf) };
}

export function contextSeriesAsOf(view: ContextSeriesView, asOf: string | null): ContextSeriesView | null {
  if (asOf === null) return view;
  return view.definedAt > asOf ? null : { ...view, figures: view.figures.filter((f) => f.recordedAt <= asOf) };
}
