import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { CLOCK, Clock, PROJECTOR, READ_MODEL_QUERIES, systemClock, TOKEN_REPOSITORY } from '@actiemonitor/application';
import { Configuration, databaseFile } from '@actiemonitor/config';
import { EVENT_STORE, RecordedEvent, SqliteEventStore } from '@actiemonitor/event-store';
import { SqliteProjector, SqliteReadModelQueries } from '@actiemonitor/read-models';
import { SqliteTokenRepository } from './sqlite/sqlite-token-repository';

export const CONFIGURATION = Symbol('CONFIGURATION');
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
export const SQLITE_DATABASE = Symbol('SQLITE_DATABASE');

export interface PersistenceOptions {
  config: Configuration;
  /** Tests inject a fixed clock; production uses the system clock. */
  clock?: Clock;
  /** Tests may pass ':memory:'. */
  databaseFile?: string;
}

/**
 * Chooses and wires the adapters behind the ports. Today: the embedded SQLite file under DATA_DIR,
 * holding the log, the read models and the tokens.
 */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(SQLITE_DATABASE) private readonly db: Database.Database) {}

  static forRoot(options: PersistenceOptions): DynamicModule {
    const clock = options.clock ?? systemClock;
    return {
      module: PersistenceModule,
      providers: [
        { provide: CONFIGURATION, useValue: options.config },
        { provide: CLOCK, useValue: clock },
        { provide: SQLITE_DATABASE, useFactory: () => SqliteEventStore.openDatabase(options.databaseFile ?? databaseFile(options.config)) },
        { provide: INLINE_PROJECTION, useValue: new InlineProjection() },
        {
          provide: EVENT_STORE,
          useFactory: (db: Database.Database, inline: InlineProjection) =>
            new SqliteEventStore({ database: db, clock: () => clock.now(), onAppended: (events) => inline.apply(events) }),
          inject: [SQLITE_DATABASE, INLINE_PROJECTION],
        },
        {
          provide: PROJECTOR,
          useFactory: (db: Database.Database, store: SqliteEventStore, inline: InlineProjection) => inline.attach(new SqliteProjector(db, store)),
          inject: [SQLITE_DATABASE, EVENT_STORE, INLINE_PROJECTION],
        },
        { provide: READ_MODEL_QUERIES, useFactory: (db: Database.Database) => new SqliteReadModelQueries(db), inject: [SQLITE_DATABASE] },
        { provide: TOKEN_REPOSITORY, useFactory: (db: Database.Database) => new SqliteTokenRepository(db), inject: [SQLITE_DATABASE] },
      ],
      exports: [CONFIGURATION, CLOCK, SQLITE_DATABASE, EVENT_STORE, PROJECTOR, READ_MODEL_QUERIES, TOKEN_REPOSITORY],
    };
  }

  onApplicationShutdown(): void {
    if (this.db.open) this.db.close();
  }
}
