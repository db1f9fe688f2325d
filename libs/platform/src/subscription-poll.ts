import type { Configuration } from '@actiemonitor/config';
import { DEFAULT_SUBSCRIPTION_POLL_MS } from '@actiemonitor/event-store';

/** PROJECTION_POLL_MS sets how often subscriptions look for other processes' appends (0: daemon off, store default). */
export function subscriptionPollMs(config: Pick<Configuration, 'PROJECTION_POLL_MS'>): number {
  return config.PROJECTION_POLL_MS > 0 ? config.PROJECTION_POLL_MS : DEFAULT_SUBSCRIPTION_POLL_MS;
}
