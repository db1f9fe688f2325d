import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionLevel, DeadlineInput, Involvement, PartnerKind, TargetDirection } from '@actiemonitor/domain';
import { ContextData, CONTEXT_FILES, readContextData } from './context-files';

/** The shape of config/plans/*.json (see config/plans/README.md). */
export interface PartnerFileEntry {
  id: string;
  name: string;
  kind: PartnerKind;
  aliases: string[];
}

export interface ActionFileEntry {
  id: string;
  title: string;
  result: string | null;
  owners: string[];
  ownerScope?: string | null;
  involved?: Involvement[];
  deadline: (DeadlineInput & { end?: string | null }) | null;
  origin?: string | null;
  sourceText?: string | null;
  narrative?: string | null;
  provenanceNote?: string | null;
  note?: string | null;
  /** Where the plan itself gives the trajectory's level (the Koers's "Niveau" figure), with where it says so. */
  level?: { value: ActionLevel; source: string } | null;
}

export interface TargetFileEntry {
  id: string;
  description: string;
  sourceText?: string | null;
  unit: string | null;
  baseline: number | null;
  baselineDate: string | null;
  baselineNote?: string | null;
  targetValue: number | null;
  dueDate: string | null;
  direction: TargetDirection;
  owners: string[];
  actionIds: string[];
  note?: string | null;
}

export interface PlanFile {
  id: string;
  title: string;
  period: DeadlineInput;
  sourceDocument?: string | null;
  actionLines: Array<{ id: string; code: string; title: string; actions: ActionFileEntry[]; targets?: TargetFileEntry[] }>;
  sharedActions?: Array<{ actionId: string; actionLineId: string; note?: string | null }>;
}

/** regions.json: the 42 jeugdzorgregio's, each registered as a partner of kind `region`, and where the list comes from. */
export interface RegionsFile {
  source: { publisher: string; title: string; version: string; retrievedFrom: string; [more: string]: string };
  regions: Array<{ id: string; name: string; cbsCode: string; aliases: string[] }>;
}

export interface PlanData {
  partners: PartnerFileEntry[];
  plans: PlanFile[];
  /** References, themes and context figures, imported after the plans they name. */
  context?: ContextData;
}

const PARTNER_FILES = ['partners.json', 'regions.json'];

/** The regions file of the folder, or null when it has none. */
export function readRegionsFile(directory: string): RegionsFile | null {
  const file = join(directory, 'regions.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RegionsFile) : null;
}

/**
 * Reads partners.json, then the regions of regions.json as partners of kind `region`, the context files
 * (kamerstukken.json, themes.json, context-figures.json), and every other *.json in the folder as a
 * plan, in file-name order.
 */
export function readPlanData(directory: string): PlanData {
  const files = readdirSync(directory)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const read = (file: string) => JSON.parse(readFileSync(join(directory, file), 'utf8'));
  const regions = (readRegionsFile(directory)?.regions ?? []).map((r): PartnerFileEntry => ({
    id: r.id,
    name: r.name,
    kind: 'region',
    aliases: r.aliases,
  }));
  return {
    partners: [...(files.includes('partners.json') ? (read('partners.json') as PartnerFileEntry[]) : []), ...regions],
    plans: files.filter((f) => !PARTNER_FILES.includes(f) && !CONTEXT_FILES.includes(f)).map((f) => read(f) as PlanFile),
    context: readContextData(directory),
  };
}
