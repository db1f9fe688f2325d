import type { SqliteProjector, SqliteReadModelQueries } from '@actiemonitor/read-models';

/** Injected time: never Date.now() in decisions, so tests and replays are deterministic. */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = { now: () => new Date() };

/** The read side the query handlers use. */
export type ReadModelQueries = Pick<
  SqliteReadModelQueries,
  | 'plans'
  | 'plan'
  | 'partners'
  | 'partner'
  | 'resolvePartnerId'
  | 'action'
  | 'actions'
  | 'target'
  | 'targetsOfAction'
  | 'targetsOfActionLine'
  | 'partnerStatuses'
  | 'actionAsOf'
  | 'actionsAsOf'
  | 'partnerStatusesAsOf'
>;
export const READ_MODEL_QUERIES = Symbol('READ_MODEL_QUERIES');

/** Brings the read models up to the head of the log; awaited after every write (read-your-writes). */
export type Projector = Pick<SqliteProjector, 'catchUp' | 'checkpoint'>;
export const PROJECTOR = Symbol('PROJECTOR');

