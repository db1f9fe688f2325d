import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import {
  CLOCK,
  Clock,
  CONTACT_REPOSITORY,
  PROJECTOR,
  READ_MODEL_MAINTENANCE,
  READ_MODEL_QUERIES,
  systemClock,
  TOKEN_REPOSITORY,
} from '@actiemonitor/application';
import { assertStoreSettings } from '@actiemonitor/config';
import { EVENT_STORE } from '@actiemonitor/event-store';
import { kurrentDbProviders } from './kurrentdb-persistence.providers';
import type { PersistenceOptions } from './persistence-options';
import { PERSISTENCE_RESOURCES, PersistenceResources } from './persistence-resources';
import { CONFIGURATION, SQLITE_DATABASE } from './injection-keys';
import { postgresProviders } from './postgres-persistence.providers';
import { sqliteProviders } from './sqlite-persistence.providers';

export { CONFIGURATION, SQLITE_DATABASE } from './injection-keys';

export type { PersistenceOptions } from './persistence-options';

/**
 * Chooses and wires the adapters behind the ports, by EVENT_STORE:
 *  - sqlite (default): the log, the read models, the tokens and the contact addresses in one file under DATA_DIR;
 *  - postgres: the log, the read models, the tokens and the contact addresses in PostgreSQL (DATABASE_URL);
 *  - kurrentdb: the log in KurrentDB (KURRENTDB_URL), the read models, the tokens and the contact addresses
 *    in SQLite under DATA_DIR.
 */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(PERSISTENCE_RESOURCES) private readonly resources: PersistenceResources) {}

  static forRoot(options: PersistenceOptions): DynamicModule {
    // A store chosen without its URL stops the server (and the CLI) here, naming the missing setting.
    assertStoreSettings(options.config);
    const clock = options.clock ?? systemClock;
    // Only the SQLite-backed adapters have a SQLite file to offer (benchmarks and tools reach into it).
    const sqlite = options.config.EVENT_STORE === 'postgres' ? [] : [SQLITE_DATABASE];
    return {
      module: PersistenceModule,
      providers: [
        { provide: CONFIGURATION, useValue: options.config },
        { provide: CLOCK, useValue: clock },
        { provide: PERSISTENCE_RESOURCES, useValue: new PersistenceResources() },
        ...adapterProviders(options, clock),
      ],
      exports: [
        CONFIGURATION,
        CLOCK,
        ...sqlite,
        EVENT_STORE,
        PROJECTOR,
        READ_MODEL_QUERIES,
        READ_MODEL_MAINTENANCE,
        TOKEN_REPOSITORY,
        CONTACT_REPOSITORY,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.resources.closeAll();
  }
}

function adapterProviders(options: PersistenceOptions, clock: Clock): Provider[] {
  switch (options.config.EVENT_STORE) {
    case 'sqlite':
      return sqliteProviders(options, clock);
    case 'postgres':
      return postgresProviders(options, clock);
    case 'kurrentdb':
      return kurrentDbProviders(options, clock);
  }
}
