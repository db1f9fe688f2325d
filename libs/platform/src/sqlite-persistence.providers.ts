import type { Provider } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Clock, CONTACT_REPOSITORY, PROJECTOR, READ_MODEL_QUERIES, TOKEN_REPOSITORY } from '@actiemonitor/application';
import { databaseFile } from '@actiemonitor/config';
import { EVENT_STORE, SqliteEventStore } from '@actiemonitor/event-store';
import type { EventStore } from '@actiemonitor/event-store';
import { SqliteProjector, SqliteReadModelQueries } from '@actiemonitor/read-models';
import { PERSISTENCE_RESOURCES, PersistenceResources } from './persistence-resources';
import { SQLITE_DATABASE } from './injection-keys';
import type { PersistenceOptions } from './persistence-options';
import { BackgroundWalCheckpoint } from './sqlite/background-wal-checkpoint';
import { SqliteContactRepository } from './sqlite/sqlite-contact-repository';
import { SqliteTokenRepository } from './sqlite/sqlite-token-repository';
import { sqliteMaintenanceProvider } from './read-model-providers';
import { subscriptionPollMs } from './subscription-poll';

/**
 * EVENT_STORE=sqlite (the default): the log, the read models, the tokens and the partners' contact
 * addresses (tables of their own, outside the log) in one file under DATA_DIR.
 * How the read models follow the log is the application's ReadModelFreshness, as for every store.
 */
export function sqliteProviders(options: PersistenceOptions, clock: Clock): Provider[] {
  return [
    {
      provide: SQLITE_DATABASE,
      useFactory: (resources: PersistenceResources) => {
        const db = SqliteEventStore.openDatabase(options.databaseFile ?? databaseFile(options.config));
        const checkpoints = BackgroundWalCheckpoint.start(db.name);
        resources.onClose(async () => {
          await checkpoints?.stop();
          if (db.open) db.close();
        });
        return db;
      },
      inject: [PERSISTENCE_RESOURCES],
    },
    {
      provide: EVENT_STORE,
      useFactory: (db: Database.Database) =>
        new SqliteEventStore({ database: db, clock: () => clock.now(), subscriptionPollMs: subscriptionPollMs(options.config) }),
      inject: [SQLITE_DATABASE],
    },
    {
      provide: PROJECTOR,
      useFactory: (db: Database.Database, store: SqliteEventStore) => new SqliteProjector(db, store),
      inject: [SQLITE_DATABASE, EVENT_STORE],
    },
    {
      provide: READ_MODEL_QUERIES,
      useFactory: (db: Database.Database, store: EventStore) => new SqliteReadModelQueries(db, store),
      inject: [SQLITE_DATABASE, EVENT_STORE],
    },
    sqliteMaintenanceProvider,
    { provide: TOKEN_REPOSITORY, useFactory: (db: Database.Database) => new SqliteTokenRepository(db), inject: [SQLITE_DATABASE] },
    { provide: CONTACT_REPOSITORY, useFactory: (db: Database.Database) => new SqliteContactRepository(db), inject: [SQLITE_DATABASE] },
  ];
}
