import Database from 'better-sqlite3';
import type { EventStore, ReadAllOptions } from '@actiemonitor/event-store';
import { SqliteProjector } from './sqlite-projector';
import { SqliteReadModelQueries } from './sqlite-read-model-queries';

/**
 * The read models as they were at an instant: the same projections, run into a scratch in-memory
 * database over the events recorded up to then. Correct by construction (one projection code path);
 * its cost grows with the log, which the audit work (history tables / snapshots) will address.
 */
export class SqliteHistoricalReadModels {
  constructor(private readonly store: Pick<EventStore, 'readAll'>) {}

  async open(asOf: Date): Promise<{ queries: SqliteReadModelQueries; close(): void }> {
    const recordedUpTo = asOf.toISOString();
    const bounded = { readAll: (options: ReadAllOptions) => this.store.readAll({ ...options, recordedUpTo }) };
    const db = new Database(':memory:');
    try {
      await new SqliteProjector(db, bounded).catchUp();
      return { queries: new SqliteReadModelQueries(db), close: () => db.close() };
    } catch (error) {
      db.close();
      throw error;
    }
  }
}
