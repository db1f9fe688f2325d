import type { ContextSeriesView, ReferenceView, ThemeView } from '../views/context-views';
import type { ReadModelTableName } from '../schema/read-model-catalogue';
import type { ViewChange } from './project-batch';

type RowValues = readonly (string | bigint | number | null)[];
/** The two kinds of `TableWrite` (table-writes.ts) these views need; declared here so the two files do not import each other. */
type ContextWrite =
  | { readonly kind: 'upsert'; readonly table: ReadModelTableName; readonly rows: readonly RowValues[] }
  | {
      readonly kind: 'replace-links';
      readonly table: ReadModelTableName;
      readonly keyColumn: string;
      readonly ids: readonly string[];
      readonly rows: readonly RowValues[];
    };

/**
 * The rows a batch writes for references, themes and context series: the documents, and the link rows
 * that answer "which references does this action answer to" and "which themes does it serve" from an
 * index. Links are only ever added, so a view's link rows are rewritten when its list grew.
 */
export function contextViewWrites(changes: readonly ViewChange[]): ContextWrite[] {
  const references: Array<{ seq: bigint; before: ReferenceView | null; after: ReferenceView }> = [];
  const themes: Array<{ seq: bigint; before: ThemeView | null; after: ThemeView }> = [];
  const series: Array<{ seq: bigint; after: ContextSeriesView }> = [];
  for (const change of changes) {
    if (change.kind === 'reference') references.push(change);
    else if (change.kind === 'theme') themes.push(change);
    else if (change.kind === 'contextSeries') series.push(change);
  }
  const writes: ContextWrite[] = [];
  const upsert = (table: 'rm_references' | 'rm_themes' | 'rm_context_series', rows: RowValues[]) => {
    if (rows.length > 0) writes.push({ kind: 'upsert', table, rows });
  };
  upsert(
    'rm_references',
    references.map(({ after, seq }) => [after.id, seq, JSON.stringify(after)]),
  );
  const grownReferences = references.filter((c) => c.after.links.length !== (c.before?.links.length ?? -1)).map((c) => c.after);
  if (grownReferences.length > 0) {
    writes.push({
      kind: 'replace-links',
      table: 'rm_reference_links',
      keyColumn: 'reference_id',
      ids: grownReferences.map((r) => r.id),
      rows: grownReferences.flatMap((r) => r.links.map((l) => [r.id, l.subject, l.subjectId])),
    });
  }
  upsert(
    'rm_themes',
    themes.map(({ after, seq }) => [after.id, seq, after.planId, JSON.stringify(after)]),
  );
  const grownThemes = themes.filter((c) => c.after.actions.length !== (c.before?.actions.length ?? -1)).map((c) => c.after);
  if (grownThemes.length > 0) {
    writes.push({
      kind: 'replace-links',
      table: 'rm_theme_actions',
      keyColumn: 'theme_id',
      ids: grownThemes.map((t) => t.id),
      rows: grownThemes.flatMap((t) => t.actions.map((a) => [t.id, a.actionId])),
    });
  }
  upsert(
    'rm_context_series',
    series.map(({ after, seq }) => [after.id, seq, after.planId, JSON.stringify(after)]),
  );
  return writes;
}
