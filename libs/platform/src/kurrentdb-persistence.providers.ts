import type { Provider } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Clock, CONTACT_REPOSITORY, TOKEN_REPOSITORY } from '@actiemonitor/application';
import { redactUrl } from '@actiemonitor/config';
import { EVENT_STORE, KurrentDbEventStore, SqliteEventStore } from '@actiemonitor/event-store';
import { describeError } from './describe-error';
import { PERSISTENCE_RESOURCES, PersistenceResources } from './persistence-resources';
import type { PersistenceOptions } from './persistence-options';
import { readModelFile, tokenFile } from './read-model-files';
import { readModelProviders } from './read-model-providers';
import { SqliteContactRepository } from './sqlite/sqlite-contact-repository';
import { SqliteTokenRepository } from './sqlite/sqlite-token-repository';

/** DATA_DIR/tokens.sqlite, opened once for the tokens and the contact addresses. */
const TOKEN_DATABASE = Symbol('TOKEN_DATABASE');

/**
 * EVENT_STORE=kurrentdb: the log in KurrentDB; the read models in DATA_DIR/read-models-kurrentdb.sqlite
 * and the tokens and the partners' contact addresses in DATA_DIR/tokens.sqlite (KurrentDB holds events,
 * not a table of revocable secrets or of personal data that must be erasable).
 */
export function kurrentDbProviders(options: PersistenceOptions, clock: Clock): Provider[] {
  const url = options.config.KURRENTDB_URL as string; // assertStoreSettings has checked it is there
  return [
    {
      provide: EVENT_STORE,
      useFactory: async (resources: PersistenceResources) => {
        const store = await KurrentDbEventStore.connect(url, { clock: () => clock.now() });
        try {
          // The client connects lazily; ask once so a wrong URL stops start-up here, with its name.
          await store.headPosition();
        } catch (error) {
          await store.close().catch(() => undefined);
          throw new Error(`KurrentDB via KURRENTDB_URL=${redactUrl(url)}: niet bereikbaar (unreachable): ${describeError(error)}`, {
            cause: error,
          });
        }
        resources.onClose(() => store.close());
        return store;
      },
      inject: [PERSISTENCE_RESOURCES],
    },
    {
      provide: TOKEN_DATABASE,
      useFactory: (resources: PersistenceResources) => {
        const db = SqliteEventStore.openDatabase(tokenFile(options.config));
        resources.onClose(() => {
          if (db.open) db.close();
        });
        return db;
      },
      inject: [PERSISTENCE_RESOURCES],
    },
    { provide: TOKEN_REPOSITORY, useFactory: (db: Database.Database) => new SqliteTokenRepository(db), inject: [TOKEN_DATABASE] },
    { provide: CONTACT_REPOSITORY, useFactory: (db: Database.Database) => new SqliteContactRepository(db), inject: [TOKEN_DATABASE] },
    ...readModelProviders(options.databaseFile ?? readModelFile(options.config, 'kurrentdb')),
  ];
}
