import type { Provider } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Clock, PROJECTOR, READ_MODEL_QUERIES, TOKEN_REPOSITORY } from '@actiemonitor/application';
import { databaseFile } from '@actiemonitor/config';
import { EVENT_STORE, RecordedEvent, SqliteEventStore } from '@actiemonitor/event-store';
import { SqliteProjector, SqliteReadModelQueries } from '@actiemonitor/read-models';
import { PERSISTENCE_RESOURCES, PersistenceResources } from './persistence-resources';
import { SQLITE_DATABASE } from './injection-keys';
import type { PersistenceOptions } from './persistence-options';
import { SqliteTokenRepository } from './sqlite/sqlite-token-repository';
import { sqliteMaintenanceProvider } from './read-model-providers';
import { subscriptionPollMs } from './subscription-poll';

const INLINE_PROJECTION = Symbol('INLINE_PROJECTION');

/**
 * With the log and the read models in one SQLite file, the projector runs inside each append's
 * transaction: one fsync per command instead of two. The store is built before the projector that
 * reads from it, so the hook is bound late.
 */
class InlineProjection {
  private projector: SqliteProjector | null = null;

  attach(projector: SqliteProjector): SqliteProjector {
    this.projector = projector;
    return projector;
  }

  apply(events: RecordedEvent[]): void {
    this.projector?.applyAppended(events);
  }
}

/** EVENT_STORE=sqlite (the default): the log, the read models and the tokens in one file under DATA_DIR. */
export function sqliteProviders(options: PersistenceOptions, clock: Clock): Provider[] {
  return [
    {
      provide: SQLITE_DATABASE,
      useFactory: (resources: PersistenceResources) => {
        const db = SqliteEventStore.openDatabase(options.databaseFile ?? databaseFile(options.config));
        resources.onClose(() => {
          if (db.open) db.close();
        });
        return db;
      },
      inject: [PERSISTENCE_RESOURCES],
    },
    { provide: INLINE_PROJECTION, useValue: new InlineProjection() },
    {
      provide: EVENT_STORE,
      useFactory: (db: Database.Database, inline: InlineProjection) =>
        new SqliteEventStore({
          database: db,
          clock: () => clock.now(),
          onAppended: (events) => inline.apply(events),
          subscriptionPollMs: subscriptionPollMs(options.config),
        }),
      inject: [SQLITE_DATABASE, INLINE_PROJECTION],
    },
    {
      provide: PROJECTOR,
      useFactory: (db: Database.Database, store: SqliteEventStore, inline: InlineProjection) =>
        inline.attach(new SqliteProjector(db, store)),
      inject: [SQLITE_DATABASE, EVENT_STORE, INLINE_PROJECTION],
    },
    { provide: READ_MODEL_QUERIES, useFactory: (db: Database.Database) => new SqliteReadModelQueries(db), inject: [SQLITE_DATABASE] },
    sqliteMaintenanceProvider,
    { provide: TOKEN_REPOSITORY, useFactory: (db: Database.Database) => new SqliteTokenRepository(db), inject: [SQLITE_DATABASE] },
  ];
}
