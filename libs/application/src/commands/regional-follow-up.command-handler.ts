import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { ACTION_MESSAGES, DeadlineInput, InvalidInput, NotFound, PARTNER_MESSAGES } from '@actiemonitor/domain';
import { assertRegionMayWrite } from '../auth/region-scope';
import { READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { CommandMeta, CommandOutcome } from './command-meta';
import { ExecuteActionCommand, ExecutePlanCommand } from './aggregate-commands';

export interface TakeUpInput {
  nationalActionId: string;
  regionId: string;
  /** Defaults to the national action's title. */
  title?: string | null;
  result?: string | null;
  /** Defaults to the region itself. */
  owners?: string[] | null;
  deadline: DeadlineInput | null;
}

/** A region takes up a national action: its regional instance, in the region's follow-up plan. */
export class TakeUpNationalAction {
  constructor(
    readonly input: TakeUpInput,
    readonly meta: CommandMeta,
  ) {}
}

export interface TakeUpOutcome extends CommandOutcome {
  instanceId: string;
  planId: string;
}

/** The follow-up plan of one region for one national plan, and the instance's id: readable and derived, so a retry finds them. */
export const followUpPlanId = (nationalPlanId: string, regionId: string) => `opvolging-${regionId.toLowerCase()}-${nationalPlanId}`;
export const FOLLOW_UP_LINE = 'opvolging';
export const instanceIdOf = (nationalActionId: string, regionId: string) => `${nationalActionId}-${regionId.toLowerCase()}`;

/**
 * Three appends in three streams, each idempotent: the follow-up plan and its line are registered the
 * first time a region takes up an action of that national plan (command ids derived from the plan, so
 * concurrent or retried take-ups record them once), then the instance itself with the caller's command id.
 */
@CommandHandler(TakeUpNationalAction)
export class RegionalFollowUpCommandHandler implements ICommandHandler<TakeUpNationalAction, TakeUpOutcome> {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
  ) {}

  async execute({ input, meta }: TakeUpNationalAction): Promise<TakeUpOutcome> {
    assertRegionMayWrite(meta.actor, input.regionId);
    const region = await this.readModels.partner(input.regionId);
    if (region?.kind !== 'region') throw new InvalidInput('regionId', PARTNER_MESSAGES.notARegion(input.regionId));
    const national = await this.readModels.action(input.nationalActionId);
    if (!national) throw new NotFound(ACTION_MESSAGES.notFound(input.nationalActionId));
    if (national.regionId) throw new InvalidInput('actionId', ACTION_MESSAGES.carriesOutRegional(national.id));
    const nationalPlan = await this.readModels.plan(national.planId);
    if (!nationalPlan) throw new NotFound(ACTION_MESSAGES.notFound(input.nationalActionId));

    const planId = followUpPlanId(nationalPlan.id, region.id);
    const setup = { ...meta, expectedVersion: null };
    if (!(await this.readModels.plan(planId))) {
      await this.commands.execute(
        new ExecutePlanCommand(
          {
            type: 'RegisterPlan',
            planId,
            title: `Regionale opvolging ${nationalPlan.title}: ${region.name}`,
            period: nationalPlan.period,
            sourceDocument: null,
            regionId: region.id,
          },
          { ...setup, commandId: `register-${planId}` },
        ),
      );
      await this.commands.execute(
        new ExecutePlanCommand(
          { type: 'RegisterActionLine', planId, actionLineId: FOLLOW_UP_LINE, code: 'Opvolging', title: 'Landelijke acties in de regio' },
          { ...setup, commandId: `register-${planId}-${FOLLOW_UP_LINE}` },
        ),
      );
    }
    const instanceId = instanceIdOf(national.id, region.id);
    const outcome: CommandOutcome = await this.commands.execute(
      new ExecuteActionCommand(
        {
          type: 'RegisterAction',
          actionId: instanceId,
          planId,
          actionLineId: FOLLOW_UP_LINE,
          title: input.title?.trim() ? input.title : national.title,
          result: input.result ?? null,
          owners: input.owners && input.owners.length > 0 ? input.owners : [region.id],
          deadline: input.deadline,
          carriesOut: national.id,
        },
        meta,
      ),
    );
    return { ...outcome, instanceId, planId };
  }
}
