import type { Clock } from '@actiemonitor/application';
import type { Configuration } from '@actiemonitor/config';

/** What the persistence module is built from; each store's providers read it. */
export interface PersistenceOptions {
  config: Configuration;
  /** Tests inject a fixed clock; production uses the system clock. */
  clock?: Clock;
  /** The SQLite file (log and read models with sqlite, read models only otherwise). Tests may pass ':memory:'. */
  databaseFile?: string;
}
