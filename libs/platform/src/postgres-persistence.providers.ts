import { Logger, Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  Clock,
  CONTACT_REPOSITORY,
  PROJECTOR,
  READ_MODEL_MAINTENANCE,
  READ_MODEL_QUERIES,
  TOKEN_REPOSITORY,
} from '@actiemonitor/application';
import { redactUrl } from '@actiemonitor/config';
import { createPostgresPool, EVENT_STORE, EventStore, migrateEventStore, PostgresEventStore } from '@actiemonitor/event-store';
import {
  migratePostgresReadModels,
  PostgresProjector,
  PostgresReadModelMaintenance,
  PostgresReadModelQueries,
} from '@actiemonitor/read-models';
import { describeError } from './describe-error';
import { subscriptionPollMs } from './subscription-poll';
import { PERSISTENCE_RESOURCES, PersistenceResources } from './persistence-resources';
import type { PersistenceOptions } from './persistence-options';
import { PostgresContactRepository } from './postgres/postgres-contact-repository';
import { PostgresTokenRepository } from './postgres/postgres-token-repository';

const POSTGRES_POOL = Symbol('POSTGRES_POOL');

/**
 * EVENT_STORE=postgres: the log, the read models with their checkpoint, the tokens and the partners'
 * contact addresses in PostgreSQL (one backup holds all of it; every instance reads the same read models). Migrations run at start-up,
 * before anything else touches the tables.
 */
export function postgresProviders(options: PersistenceOptions, clock: Clock): Provider[] {
  const url = options.config.DATABASE_URL as string; // assertStoreSettings has checked it is there
  const logger = new Logger('PostgreSQL');
  return [
    {
      provide: POSTGRES_POOL,
      useFactory: async (resources: PersistenceResources) => {
        const pool = createPostgresPool({
          connectionString: url,
          onIdleConnectionError: (error) => logger.warn(`Verbinding verbroken, wordt vervangen (idle connection lost): ${error.message}`),
        });
        try {
          await migrateEventStore(pool);
          await migratePostgresReadModels(pool);
        } catch (error) {
          await pool.end().catch(() => undefined);
          throw new Error(`PostgreSQL via DATABASE_URL=${redactUrl(url)}: starten mislukt (start-up failed): ${describeError(error)}`, {
            cause: error,
          });
        }
        resources.onClose(() => pool.end());
        return pool;
      },
      inject: [PERSISTENCE_RESOURCES],
    },
    {
      provide: EVENT_STORE,
      useFactory: (pool: Pool, resources: PersistenceResources) => {
        const store = new PostgresEventStore({ pool, clock: () => clock.now(), subscriptionPollMs: subscriptionPollMs(options.config) });
        resources.onClose(() => store.close());
        return store;
      },
      inject: [POSTGRES_POOL, PERSISTENCE_RESOURCES],
    },
    {
      provide: TOKEN_REPOSITORY,
      // Asks PostgreSQL on every call; the pool is closed with the other resources.
      useFactory: (pool: Pool) => PostgresTokenRepository.open({ pool }),
      inject: [POSTGRES_POOL],
    },
    { provide: CONTACT_REPOSITORY, useFactory: (pool: Pool) => PostgresContactRepository.open(pool), inject: [POSTGRES_POOL] },
    {
      provide: PROJECTOR,
      useFactory: (pool: Pool, store: EventStore) => new PostgresProjector(pool, store),
      inject: [POSTGRES_POOL, EVENT_STORE],
    },
    {
      provide: READ_MODEL_QUERIES,
      useFactory: (pool: Pool, store: EventStore) => new PostgresReadModelQueries(pool, store),
      inject: [POSTGRES_POOL, EVENT_STORE],
    },
    {
      provide: READ_MODEL_MAINTENANCE,
      useFactory: (pool: Pool, store: EventStore) =>
        new PostgresReadModelMaintenance(pool, store, (schema) => createPostgresPool({ connectionString: url, schema, max: 2 })),
      inject: [POSTGRES_POOL, EVENT_STORE],
    },
  ];
}
