import type { Provider } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { PROJECTOR, READ_MODEL_MAINTENANCE, READ_MODEL_QUERIES } from '@actiemonitor/application';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@actiemonitor/event-store';
import { SqliteProjector, SqliteReadModelMaintenance, SqliteReadModelQueries } from '@actiemonitor/read-models';
import { PERSISTENCE_RESOURCES, PersistenceResources } from './persistence-resources';
import { SQLITE_DATABASE } from './injection-keys';
import { assertReadModelsFollowLog } from './read-model-log-guard';

/**
 * Read models in a SQLite file of their own under DATA_DIR, projected from a log kept elsewhere
 * (KurrentDB). Each instance keeps its own copy; the projection daemon polls the log for events other
 * instances wrote.
 */
export function readModelProviders(file: string): Provider[] {
  return [
    {
      provide: SQLITE_DATABASE,
      useFactory: (resources: PersistenceResources) => {
        const db = SqliteEventStore.openDatabase(file);
        resources.onClose(() => {
          if (db.open) db.close();
        });
        return db;
      },
      inject: [PERSISTENCE_RESOURCES],
    },
    {
      provide: PROJECTOR,
      useFactory: async (db: Database.Database, store: EventStore) => {
        const projector = new SqliteProjector(db, store);
        await assertReadModelsFollowLog(db, projector.checkpoint(), store, file);
        return projector;
      },
      inject: [SQLITE_DATABASE, EVENT_STORE],
    },
    {
      provide: READ_MODEL_QUERIES,
      useFactory: (db: Database.Database, store: EventStore) => new SqliteReadModelQueries(db, store),
      inject: [SQLITE_DATABASE, EVENT_STORE],
    },
    sqliteMaintenanceProvider,
  ];
}

/** `cli replay` over a SQLite read-model file: scratch file, ATTACH to compare, one transaction to swap. */
export const sqliteMaintenanceProvider: Provider = {
  provide: READ_MODEL_MAINTENANCE,
  useFactory: (db: Database.Database, store: EventStore) => new SqliteReadModelMaintenance(db, store),
  inject: [SQLITE_DATABASE, EVENT_STORE],
};
