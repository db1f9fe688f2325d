import Database from 'better-sqlite3';
import { ChainVerification, SqliteEventStore, verifyLog } from '@actiemonitor/event-store';

/** Files of DATA_DIR besides the SQLite store that a backup carries, inside the copy (see backup.ts). */
export const CARRIED_FILES = ['session.key'] as const;
export const CARRIED_FILES_TABLE = 'ops_backup_files';

/** The log's chain in a SQLite file, read through the store adapter on a connection of its own. */
export async function verifySqliteFile(file: string): Promise<ChainVerification> {
  const db = new Database(file, { fileMustExist: true });
  try {
    const store = new SqliteEventStore({ database: db, clock: () => new Date() });
    try {
      return await verifyLog(store);
    } finally {
      await store.close();
    }
  } finally {
    db.close();
  }
}
