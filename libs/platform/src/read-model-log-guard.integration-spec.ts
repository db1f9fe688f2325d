import Database from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '@actiemonitor/event-store';
import { assertReadModelsFollowLog } from './read-model-log-guard';

function logWith(firstHash: string | null, head: bigint): Pick<EventStore, 'readAll' | 'headPosition'> {
  const first = firstHash === null ? [] : [{ position: 1n, hash: firstHash } as RecordedEvent];
  return { readAll: async () => first, headPosition: async () => head };
}

describe('read models that follow a log kept elsewhere', () => {
  let db: Database.Database;
  beforeEach(() => (db = new Database(':memory:')));
  afterEach(() => db.close());

  it('remembers the first event of the log they are built from, and accepts that log again', async () => {
    await assertReadModelsFollowLog(db, 0n, logWith(null, 0n), 'rm.sqlite');
    await assertReadModelsFollowLog(db, 3n, logWith('aaa', 5n), 'rm.sqlite');
    await expect(assertReadModelsFollowLog(db, 5n, logWith('aaa', 9n), 'rm.sqlite')).resolves.toBeUndefined();
  });

  it('stops start-up when the log is another one, naming the file and what to do', async () => {
    await assertReadModelsFollowLog(db, 3n, logWith('aaa', 5n), 'rm.sqlite');
    await expect(assertReadModelsFollowLog(db, 3n, logWith('bbb', 5n), 'rm.sqlite')).rejects.toThrow(
      /rm\.sqlite horen bij een ander logboek; verwijder dat bestand.*first event is not the one/,
    );
    await expect(assertReadModelsFollowLog(db, 0n, logWith(null, 0n), 'rm.sqlite')).rejects.toThrow(/ander logboek/);
  });

  it('stops start-up when the read models are ahead of the log', async () => {
    await expect(assertReadModelsFollowLog(db, 7n, logWith('aaa', 5n), 'rm.sqlite')).rejects.toThrow(
      /checkpoint 7 lies beyond the log's last position 5/,
    );
  });
});
