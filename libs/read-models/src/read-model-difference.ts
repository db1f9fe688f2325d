import type { ReadModelDifference } from './ports/read-model-reader';
import { READ_MODEL_KEYS, ReadModelTable } from './read-model-tables';

const SIDE = { live: 'live', rebuilt: 'herbouw' } as const;
const MAX_VALUE = 120;

function shown(value: unknown): string {
  const text = typeof value === 'bigint' ? value.toString() : (JSON.stringify(value, bigintText) ?? 'undefined');
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** A `doc` column as an object: JSON text in SQLite, already parsed (jsonb) from PostgreSQL. */
function asDocument(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string' && value.startsWith('{')) return JSON.parse(value) as Record<string, unknown>;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** JSON documents (the `doc` columns) compared field by field, to the first level that differs. */
function documentFields(column: string, a: unknown, b: unknown): Array<[string, unknown, unknown]> {
  const parse = asDocument;
  const [docA, docB] = [parse(a), parse(b)];
  if (!docA || !docB) return [[column, a, b]];
  const fields = [...new Set([...Object.keys(docA), ...Object.keys(docB)])];
  return fields.filter((f) => JSON.stringify(docA[f]) !== JSON.stringify(docB[f])).map((f) => [`${column}.${f}`, docA[f], docB[f]]);
}

/**
 * The first difference `replay --verify` found, as an operator reads it: the table, the row's key, and
 * for a changed row only the fields that differ, live and rebuilt value side by side. A row that exists
 * on one side only is named by its key, with a shortened view of the row.
 */
export function describeDifference(difference: ReadModelDifference): string {
  const { table, onlyIn, row, counterpart } = difference;
  const keys = READ_MODEL_KEYS[table as ReadModelTable] ?? [];
  const key = keys.map((k) => `${k}=${shown(row[k])}`).join(', ');
  if (!counterpart) {
    const where = onlyIn === 'live' ? 'de live leesmodellen' : 'de herbouw';
    return `VERSCHIL in ${table}: rij alleen in ${where}${key ? ` (${key})` : ''}: ${shown(row)}`;
  }
  const [live, rebuilt] = onlyIn === 'live' ? [row, counterpart] : [counterpart, row];
  const lines = Object.keys(live)
    .filter((column) => JSON.stringify(live[column], bigintText) !== JSON.stringify(rebuilt[column], bigintText))
    .flatMap((column) => documentFields(column, live[column], rebuilt[column]))
    .map(([field, a, b]) => `  ${field}: ${SIDE.live} ${shown(a)}, ${SIDE.rebuilt} ${shown(b)}`);
  return [`VERSCHIL in ${table} (${key}): de rij verschilt`, ...lines].join('\n');
}

function bigintText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
