import type Database from 'better-sqlite3';
import type { EventStore } from '@actiemonitor/event-store';

/**
 * With the log outside the SQLite file (PostgreSQL, KurrentDB), the read models under DATA_DIR could
 * have been projected from another log: DATABASE_URL pointed at another database, a database restored
 * from an older backup. Their checkpoint would then point into a foreign history and the views would
 * silently mix two logs. The file remembers the hash of the first event it projected; another first
 * event, or a checkpoint beyond the log's head, stops start-up and says what to do.
 */
export async function assertReadModelsFollowLog(
  db: Database.Database,
  checkpoint: bigint,
  store: Pick<EventStore, 'readAll' | 'headPosition'>,
  file: string,
): Promise<void> {
  db.exec('CREATE TABLE IF NOT EXISTS platform_log_identity (id INTEGER PRIMARY KEY CHECK (id = 1), first_event_hash TEXT NOT NULL)');
  const remembered = db.prepare('SELECT first_event_hash FROM platform_log_identity WHERE id = 1').pluck().get() as string | undefined;
  const [first] = await store.readAll({ after: 0n, limit: 1 });
  const head = await store.headPosition();

  let mismatch: string | null = null;
  if (checkpoint > head) mismatch = `their checkpoint ${checkpoint} lies beyond the log's last position ${head}`;
  else if (remembered !== undefined && remembered !== first?.hash) mismatch = "the log's first event is not the one they were built from";
  if (mismatch !== null) {
    throw new Error(
      `De leesmodellen in ${file} horen bij een ander logboek; verwijder dat bestand, ze worden bij de start opnieuw opgebouwd ` +
        `(the read models belong to another log: ${mismatch}; delete the file to rebuild them)`,
    );
  }
  if (remembered === undefined && first !== undefined) {
    db.prepare('INSERT INTO platform_log_identity (id, first_event_hash) VALUES (1, ?)').run(first.hash);
  }
}
