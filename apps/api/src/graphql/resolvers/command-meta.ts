import { actorOf, CommandMeta } from '@actiemonitor/application';
import { RequestContext } from '../../auth/request-context';

/** The metadata every event of this request will carry. The guard has already set the principal. */
export function commandMeta(ctx: RequestContext, input: { commandId?: string | null; expectedVersion?: number | null }): CommandMeta {
  return {
    actor: actorOf(ctx.principal!),
    commandId: input.commandId ?? null,
    correlationId: ctx.correlationId,
    expectedVersion: input.expectedVersion ?? null,
  };
}
