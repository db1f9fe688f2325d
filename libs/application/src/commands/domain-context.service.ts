import { Inject, Injectable } from '@nestjs/common';
import { fold, planDecider, PlanEvent, PlanState, streamIds, upcast } from '@actiemonitor/domain';
import { EVENT_STORE, EventStore } from '@actiemonitor/event-store';
import { READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { ActionRegions } from './action-regions';
import { KnownPartners } from './known-partners';

/** Reads the facts from other aggregates that a decision needs (partners, plan structure, actions). */
@Injectable()
export class DomainContextService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
  ) {
    this.partners = new KnownPartners(readModels);
    this.regions = new ActionRegions(readModels);
  }

  private readonly partners: KnownPartners;
  private readonly regions: ActionRegions;

  /** Every action command needs it. */
  async knownPartners(): Promise<ReadonlySet<string>> {
    return (await this.partners.current()).all;
  }

  /** The 42 jeugdzorgregio's (partners of kind `region`). */
  async knownRegions(): Promise<ReadonlySet<string>> {
    return (await this.partners.current()).regions;
  }

  /** The region of an action (null for a national one), or undefined when the action does not exist. */
  async regionOfAction(actionId: string): Promise<string | null | undefined> {
    return this.regions.regionOf(actionId);
  }

  async plan(planId: string): Promise<PlanState> {
    const events = await this.store.readStream(streamIds.plan(planId));
    return fold(
      planDecider,
      events.map((e) => upcast(e) as PlanEvent),
    );
  }

  /** The targets an action serves: a measurement proposed in its progress update must be for one. */
  async targetsOfAction(actionId: string): Promise<ReadonlySet<string>> {
    return new Set((await this.readModels.targetsOfAction(actionId)).map((t) => t.id));
  }

  /** The round an update names, or null when there is none. */
  async round(roundId: string): Promise<{ planId: string; actionIds: readonly string[] } | null> {
    return this.readModels.round(roundId);
  }

  /** The actions of a plan, or null when the plan does not exist. */
  async planActionIds(planId: string): Promise<ReadonlySet<string> | null> {
    if (!(await this.readModels.plan(planId))) return null;
    return new Set((await this.readModels.actions({ planId })).map((a) => a.id));
  }

  /** A plan's action lines, targets and actions (what a context series may give context to); null when there is no such plan. */
  async planContents(
    planId: string,
  ): Promise<{ actionLineIds: ReadonlySet<string>; targetIds: ReadonlySet<string>; actionIds: ReadonlySet<string> } | null> {
    const plan = await this.readModels.plan(planId);
    if (!plan) return null;
    const targetIds = new Set<string>();
    for (const line of plan.actionLines) {
      for (const target of await this.readModels.targetsOfActionLine(planId, line.id)) targetIds.add(target.id);
    }
    const actionIds = new Set((await this.readModels.actions({ planId })).map((a) => a.id));
    return { actionLineIds: new Set(plan.actionLines.map((l) => l.id)), targetIds, actionIds };
  }

  async existingActions(actionIds: string[]): Promise<ReadonlySet<string>> {
    const existing = new Set<string>();
    for (const id of actionIds) if ((await this.store.streamVersion(streamIds.action(id))) > 0) existing.add(id);
    return existing;
  }
}
