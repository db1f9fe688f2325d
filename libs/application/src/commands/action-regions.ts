import type { Awaitable } from '@actiemonitor/read-models';

/** Regions kept; an entry is a few dozen bytes. */
const MAX_KEPT = 50_000;

/**
 * The region of each action a command names (null for a national action), kept once read: an action's
 * region comes from its plan when it is registered and never changes, so a kept answer stays right.
 * Saves reading and parsing the action's whole view for every status change (a region's token may only
 * write its own regional actions). An action not (yet) registered is not kept: it may be registered next.
 */
export class ActionRegions {
  private readonly kept = new Map<string, string | null>();

  constructor(private readonly readModels: { action(id: string): Awaitable<{ regionId?: string | null } | null | undefined> }) {}

  /** The action's region, null for a national action, undefined when there is no such action. */
  async regionOf(actionId: string): Promise<string | null | undefined> {
    const kept = this.kept.get(actionId);
    if (kept !== undefined) return kept;
    const action = await this.readModels.action(actionId);
    if (!action) return undefined;
    const region = action.regionId ?? null;
    if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(actionId, region);
    return region;
  }
}
