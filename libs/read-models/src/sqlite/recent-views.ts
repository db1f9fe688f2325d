import { emptyViewIds, viewKey } from '../projection/project-batch';
import type { LoadedViews } from '../projection/projection-steps';
import type { ViewChange, ViewKind } from '../projection/project-batch';

/** What `check` compares: SQLite's `PRAGMA data_version` of this connection, and the projection's checkpoint. */
export interface ReadModelsState {
  dataVersion: number;
  checkpoint: bigint;
}

/**
 * The views this connection's latest appends wrote, as written, so the next command on the same action
 * neither reads nor parses its document again (decision 129). They are trusted only while nothing else
 * can have changed the read models since they were written:
 * - no other connection has committed to the file (`PRAGMA data_version` unchanged: another server, the
 *   CLI's replay or import, an operator's sqlite3), and
 * - the checkpoint is the one the last remembered write left: a transaction of ours that wrote views and
 *   then did not commit left the checkpoint behind it. A catch-up or a rebuild on this connection
 *   forgets everything (`forget`).
 * Otherwise everything is forgotten and the views are read from the tables. Views are never changed in
 * place (the projection's evolve functions return new ones), so remembering the objects is safe.
 */
export class RecentViews {
  private readonly views = new Map<string, unknown>();
  private trustedAt: ReadModelsState | null = null;

  constructor(private readonly capacity = 1_000) {}

  /** Inside the write transaction, before loading: forgets everything unless the state is the one last written. */
  check(now: ReadModelsState): void {
    const at = this.trustedAt;
    if (at === null || at.dataVersion !== now.dataVersion || at.checkpoint !== now.checkpoint) this.forget();
  }

  /** Loads what is remembered and asks `read`, once, for the rest (all kinds together). */
  load(ids: Record<ViewKind, string[]>, read: (ids: Record<ViewKind, string[]>) => LoadedViews): LoadedViews {
    const views = new Map<string, unknown>();
    let missing: Record<ViewKind, string[]> | null = null;
    for (const kind of Object.keys(ids) as ViewKind[]) {
      for (const id of ids[kind]) {
        const key = viewKey(kind, id);
        const known = this.views.get(key);
        if (known !== undefined) views.set(key, known);
        else (missing ??= emptyViewIds())[kind].push(id);
      }
    }
    if (missing) for (const [key, view] of read(missing)) views.set(key, view);
    return views;
  }

  /** After the views of a batch were written and the checkpoint moved to `state.checkpoint`. */
  wrote(views: readonly ViewChange[], state: ReadModelsState): void {
    for (const { kind, id, after } of views) {
      const key = viewKey(kind, id);
      this.views.delete(key); // most recently written last: the first ones go when there are too many
      this.views.set(key, after);
    }
    for (const key of this.views.keys()) {
      if (this.views.size <= this.capacity) break;
      this.views.delete(key);
    }
    this.trustedAt = state;
  }

  forget(): void {
    this.views.clear();
    this.trustedAt = null;
  }
}
