import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Forbidden, InvalidInput, streamIds } from '@actiemonitor/domain';
import { EVENT_STORE, EventStore, GENESIS_HASH, RecordedEvent } from '@actiemonitor/event-store';
import { APPLICATION_MESSAGES } from '../application.messages';
import type { Principal } from '../auth/principal';
import { CLOCK, Clock, READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { assertPlanExists } from '../queries/action.queries';
import { readReportPeriod } from './report-period';
import { buildReportModel, dutchDay, ReportAction, ReportModel } from '@actiemonitor/read-models';

/**
 * Whose actions a caller may see in a report or a list of changes: partners only their own (asking for
 * another partner's is refused, asking for none means their own); coordinators and auditors any.
 */
export function reportPartnerScope(principal: Pick<Principal, 'role' | 'partnerId'> | null, partnerId: string | null): string | null {
  if (principal === null || principal.role !== 'PARTNER') return partnerId;
  if (partnerId !== null && partnerId !== principal.partnerId) throw new Forbidden(APPLICATION_MESSAGES.reportOnlyOwnActions);
  return principal.partnerId;
}

/** The report over a period: `from`/`to` are dates (whole Dutch days) or ISO instants; `madeOn` a date. */
export class GetReport {
  constructor(
    readonly planId: string,
    readonly from: string,
    readonly to: string,
    readonly partnerId: string | null,
    readonly madeOn: string | null = null,
  ) {}
}

/** Per action of the plan: status at `from` and at `to`, and every change in between in log order. */
export class GetChanges {
  constructor(
    readonly planId: string,
    readonly from: string,
    readonly to: string,
    readonly partnerId: string | null,
  ) {}
}

/**
 * The last event recorded up to `to`. Recorded times never go back along the log (sealing takes the later
 * of the clock and the head's time), so a binary search over positions finds it in ~log2(head) reads.
 */
async function headAt(store: EventStore, to: string): Promise<{ position: string; hash: string }> {
  let low = 0n;
  let high = await store.headPosition();
  while (low < high) {
    const middle = (low + high + 1n) / 2n;
    const [event] = await store.readAll({ after: middle - 1n, limit: 1 });
    if (event && event.metadata.recordedAt <= to) low = middle;
    else high = middle - 1n;
  }
  if (low === 0n) return { position: '0', hash: GENESIS_HASH };
  const [event] = await store.readAll({ after: low - 1n, limit: 1 });
  return { position: low.toString(), hash: event.hash };
}

@QueryHandler(GetReport)
export class GetReportHandler implements IQueryHandler<GetReport, ReportModel> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: GetReport): Promise<ReportModel> {
    const now = this.clock.now();
    await assertPlanExists(this.readModels, query.planId);
    const period = readReportPeriod(query.from, query.to, now);
    const plan = (await this.readModels.plan(query.planId))!;
    const partnerId = query.partnerId ? await this.readModels.resolvePartnerId(query.partnerId) : null;
    // An unknown partner would give an empty report that looks like "nothing happened".
    if (partnerId !== null && !(await this.readModels.partner(partnerId))) {
      throw new InvalidInput('partner', APPLICATION_MESSAGES.reportUnknownPartner(query.partnerId!));
    }
    const filter = { planId: plan.id, partnerId };
    const actionsAtTo = await this.readModels.actionsAsOf(filter, period.to);
    const ids = new Set(actionsAtTo.map((v) => v.id));
    // The same actions at the start (a partner's: those it owns at the end), as far as they existed then.
    const actionsAtFrom = (await this.readModels.actionsAsOf({ planId: plan.id }, period.from)).filter((v) => ids.has(v.id));

    const actionEvents = new Map<string, RecordedEvent[]>();
    for (const view of actionsAtTo) actionEvents.set(view.id, await this.store.readStream(streamIds.action(view.id)));
    const targetIds = new Set<string>();
    for (const line of plan.actionLines) {
      for (const target of await this.readModels.targetsOfActionLine(plan.id, line.id)) targetIds.add(target.id);
    }
    const targetEvents = new Map<string, RecordedEvent[]>();
    for (const id of [...targetIds].sort()) targetEvents.set(id, await this.store.readStream(streamIds.target(id)));
    const planEvents = await this.store.readStream(streamIds.plan(plan.id));

    return buildReportModel({
      plan,
      partnerId,
      period,
      madeOn: query.madeOn ?? dutchDay(now),
      head: await headAt(this.store, period.to),
      actionsAtFrom,
      actionsAtTo,
      actionEvents,
      targetEvents,
      planEvents,
    });
  }
}

export interface ActionChangesReadout extends Pick<ReportAction, 'title' | 'statusAtFrom' | 'statusAtTo' | 'noteAtTo' | 'changes'> {
  actionId: string;
  actionLineId: string;
}

@QueryHandler(GetChanges)
export class GetChangesHandler implements IQueryHandler<GetChanges, ActionChangesReadout[]> {
  constructor(private readonly report: GetReportHandler) {}

  async execute({ planId, from, to, partnerId }: GetChanges): Promise<ActionChangesReadout[]> {
    const model = await this.report.execute(new GetReport(planId, from, to, partnerId, ''));
    return model.lines.flatMap((line) =>
      line.actions.map(({ id, title, statusAtFrom, statusAtTo, noteAtTo, changes }) => ({
        actionId: id,
        actionLineId: line.id,
        title,
        statusAtFrom,
        statusAtTo,
        noteAtTo,
        changes,
      })),
    );
  }
}
