import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Chamber, ReferenceKind, ReferenceSubject } from '@actiemonitor/domain';

/**
 * The shapes of config/plans/kamerstukken.json, themes.json and context-figures.json (see
 * config/plans/README.md). Every entry says where it comes from: the document, the place in it and
 * the words it quotes. The importer turns that into the `source` users read.
 */
export interface FileSource {
  document: string;
  location: string;
  quote: string;
}

export interface ReferenceFileEntry {
  id: string;
  kind: ReferenceKind;
  chamber: Chamber | null;
  dossier: string | null;
  number: string | null;
  title: string;
  members: string[];
  date: string | null;
  dateText: string | null;
  source: FileSource;
  note?: string | null;
  links: Array<{ subject: ReferenceSubject; subjectId: string; note: string | null }>;
}

export interface ThemeFileEntry {
  id: string;
  planId: string;
  actionLineId: string | null;
  title: string;
  description: string | null;
  source: FileSource;
  actions: Array<{ actionId: string; note: string | null }>;
}

export interface ContextSeriesFileEntry {
  id: string;
  planId: string;
  title: string;
  unit: string;
  /** The publisher as the plan names it ("Pleegzorg Nederland, 2016"). */
  publisher: string;
  source: FileSource;
  actionLineId: string | null;
  targetIds: string[];
  actionIds: string[];
  note: string | null;
  figures: Array<{ period: string | null; date: string | null; category: string | null; value: number; note: string | null }>;
}

export interface ContextData {
  references: ReferenceFileEntry[];
  themes: ThemeFileEntry[];
  contextSeries: ContextSeriesFileEntry[];
}

/** The files this module reads; readPlanData reads none of them as a plan. */
export const CONTEXT_FILES = ['kamerstukken.json', 'themes.json', 'context-figures.json'];

/** How a source reads for users: "document, place: “quote”". */
export function sourceText(source: FileSource): string {
  return `${source.document}, ${source.location}: “${source.quote}”`;
}

/** Reads the context files of the folder; a missing file gives an empty list. */
export function readContextData(directory: string): ContextData {
  const read = <T>(file: string, key: string): T[] => {
    const path = join(directory, file);
    return existsSync(path) ? ((JSON.parse(readFileSync(path, 'utf8')) as Record<string, T[]>)[key] ?? []) : [];
  };
  return {
    references: read<ReferenceFileEntry>('kamerstukken.json', 'references'),
    themes: read<ThemeFileEntry>('themes.json', 'themes'),
    contextSeries: read<ContextSeriesFileEntry>('context-figures.json', 'series'),
  };
}
