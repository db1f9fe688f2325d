import { Inject, Logger } from '@nestjs/common';
import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ActionReadout, assertPlanExists, CLOCK, Clock, READ_MODEL_QUERIES, ReadModelQueries } from '@actiemonitor/application';
import type { Configuration } from '@actiemonitor/config';
import { CONFIGURATION } from '@actiemonitor/platform';
import { ActionFilter, dutchCalendarDate, isOverdue, matchesActionFilter } from '@actiemonitor/read-models';
import { Allow } from '../auth/allow.decorator';
import { Authenticator } from '../auth/authenticator';
import { API_MESSAGES } from '../errors/api.messages';
import { LookupId } from '../graphql/inputs/validation';
import { ActionType } from '../graphql/types/action.type';
import { ActionChange, ActionChangeFeed } from './action-change-feed';
import { ActionChangeStream } from './action-change-stream';
import { FORBIDDEN_CLOSE_CODE, SubscriptionContext } from './subscription-connection';

/**
 * `actionChanged`: the live feed for partners' own systems. The same permission as the `actions`
 * query (@Allow('read'), checked by the AuthGuard on subscribe); the token is checked again before
 * every delivery and every SUBSCRIPTION_TOKEN_CHECK_MS, and a revoked or expired one closes the socket.
 */
@Resolver()
export class ActionChangesResolver {
  private readonly logger = new Logger('Subscriptions');

  constructor(
    private readonly feed: ActionChangeFeed,
    private readonly authenticator: Authenticator,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIGURATION) private readonly config: Configuration,
  ) {}

  @Subscription(() => ActionType, {
    description:
      'Een actie zoals ze is na elke wijziging, in de volgorde van het logboek, elke wijziging één keer; te filteren op plan en partner (eigenaar). Over WebSocket (graphql-transport-ws) op /graphql.',
    resolve: (value: ActionReadout) => value,
  })
  @Allow('read')
  async actionChanged(
    @Args('planId', { type: () => ID, nullable: true }, LookupId('planId')) planId: string | null,
    @Args('partnerId', { type: () => ID, nullable: true }, LookupId('partnerId')) partnerId: string | null,
    @Context() context: SubscriptionContext,
  ): Promise<AsyncIterableIterator<ActionReadout>> {
    if (!context.live || !context.socket) throw refused(API_MESSAGES.subscriptionsOverWebSocket, 'BAD_REQUEST');
    const maximum = this.config.SUBSCRIPTIONS_PER_CONNECTION;
    if (context.live.open >= maximum) throw refused(API_MESSAGES.tooManySubscriptions(maximum), 'TOO_MANY_SUBSCRIPTIONS');
    // Counted before the first await, so that subscriptions sent together cannot pass the limit together.
    context.live.open += 1;
    let filter: ActionFilter;
    let stopListening: () => void = () => undefined;
    const stream: ActionChangeStream<ActionReadout> = new ActionChangeStream<ActionReadout>({
      read: (change) => this.actionAfter(change, filter),
      allowed: () => this.stillAllowed(context),
      revoked: () => context.socket.close(FORBIDDEN_CLOSE_CODE, 'Forbidden'),
      ended: () => {
        clearInterval(check);
        stopListening();
        context.live.open -= 1;
      },
    });
    const check = setInterval(
      () => void this.stillAllowed(context).then((ok) => ok || stream.revoke()),
      this.config.SUBSCRIPTION_TOKEN_CHECK_MS,
    );
    check.unref();
    try {
      await assertPlanExists(this.readModels, planId);
      filter = { planId, partnerId: partnerId ? await this.readModels.resolvePartnerId(partnerId) : null };
      stopListening = await this.feed.listen((changes) => stream.push(changes));
    } catch (error) {
      await stream.return(); // frees the slot and the timer
      throw error;
    }
    return stream;
  }

  /**
   * The action after this change: the live row when it is at the change's version; when later changes
   * are already applied, the version recorded at the change's time (the history time travel reads).
   */
  private async actionAfter(change: ActionChange, filter: ActionFilter): Promise<ActionReadout | null> {
    const live = await this.readModels.action(change.actionId);
    const view =
      live && live.version !== change.version ? ((await this.readModels.actionAsOf(change.actionId, change.recordedAt)) ?? live) : live;
    if (!view || !matchesActionFilter(view, filter)) return null;
    return { ...view, overdue: isOverdue(view, dutchCalendarDate(this.clock.now())) };
  }

  /** A token revoked or expired since connection_init no longer holds; a store that is away does not revoke anyone. */
  private async stillAllowed(context: SubscriptionContext): Promise<boolean> {
    try {
      return (await this.authenticator.authenticate(context.credential)).principal !== null;
    } catch (error) {
      this.logger.warn(`Token check postponed: ${error instanceof Error ? error.message : String(error)}`);
      return true;
    }
  }
}

function refused(message: { nl: string; en: string }, code: string): GraphQLError {
  return new GraphQLError(message.nl, { extensions: { code, reason: message.en } });
}
