import type { ReadModelProjector, ReadModelReader } from '@actiemonitor/read-models';

/** Injected time: never Date.now() in decisions, so tests and replays are deterministic. */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = { now: () => new Date() };

/** The read side the query handlers use (SQLite or PostgreSQL). */
export type ReadModelQueries = ReadModelReader;
export const READ_MODEL_QUERIES = Symbol('READ_MODEL_QUERIES');

/** Brings the read models up to the head of the log; awaited after every write (read-your-writes). */
export type Projector = ReadModelProjector;
export const PROJECTOR = Symbol('PROJECTOR');

/** Rebuild, compare and swap the read models (cli replay). */
export const READ_MODEL_MAINTENANCE = Symbol('READ_MODEL_MAINTENANCE');
