import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ActionReadout, CommandOutcome, ExecuteActionCommand, GetAction } from '@actiemonitor/application';
import { Allow } from '../../auth/allow.decorator';
import { RequestContext } from '../../auth/request-context';
import { CorrectActionStatusInput } from '../inputs/correction.inputs';
import { ActionType } from '../types/action.type';
import { commandMeta } from './command-meta';

/** Corrections, not deletions: a wrong report is answered by a new fact that names it. */
@Resolver()
export class CorrectionResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Mutation(() => ActionType, {
    description:
      'Corrigeert de laatste statusmelding van een actie, met reden. Een regio-token alleen op regionale acties van de eigen regio.',
  })
  @Allow('report')
  async correctActionStatus(@Args('input') input: CorrectActionStatusInput, @Context() ctx: RequestContext): Promise<ActionReadout> {
    const command = {
      type: 'CorrectActionStatus' as const,
      actionId: input.actionId,
      correctsVersion: input.correctsVersion,
      status: input.status,
      note: input.note ?? null,
      reason: input.reason,
    };
    await this.commandBus.execute<ExecuteActionCommand, CommandOutcome>(new ExecuteActionCommand(command, commandMeta(ctx, input)));
    return (await this.queryBus.execute<GetAction, ActionReadout | null>(new GetAction(input.actionId)))!;
  }
}
