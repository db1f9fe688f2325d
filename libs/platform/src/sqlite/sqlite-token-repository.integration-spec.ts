import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { TokenRecord } from '@actiemonitor/application';
import { SqliteEventStore } from '@actiemonitor/event-store';
import { VerifiedTokens } from '../../../application/src/auth/verified-tokens';
import { SqliteTokenRepository } from './sqlite-token-repository';

function token(name: string): TokenRecord {
  return {
    id: `tok-${name}`,
    name,
    role: 'COORDINATOR',
    partnerId: 'VWS',
    secretHash: `hash-of-${name}`,
    createdAt: '2026-11-30T09:00:00.000Z',
    expiresAt: null,
    revokedAt: null,
  };
}

/** Two servers (or a server and the CLI) on one file: each has its own connection and repository. */
describe('Tokens in SQLite, remembered while the file says nothing changed', () => {
  let dir: string;
  let connections: Database.Database[];
  let here: SqliteTokenRepository;
  let elsewhere: SqliteTokenRepository;
  let otherDb: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'actiemonitor-tokens-'));
    const file = join(dir, 'actiemonitor.sqlite');
    connections = [SqliteEventStore.openDatabase(file), SqliteEventStore.openDatabase(file)];
    here = new SqliteTokenRepository(connections[0]);
    elsewhere = new SqliteTokenRepository(connections[1]);
    otherDb = connections[1];
  });
  afterEach(() => {
    for (const db of connections) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its revision while nothing is committed, and moves it for its own writes', async () => {
    const before = here.revision();
    expect(here.revision()).toBe(before);
    await here.insert(token('script'));
    const afterInsert = here.revision();
    expect(afterInsert).not.toBe(before);
    await here.revoke('script', '2026-11-30T10:00:00.000Z');
    expect(here.revision()).not.toBe(afterInsert);
  });

  it('moves its revision when another connection commits, so a token revoked there is read fresh at once', async () => {
    await here.insert(token('script'));
    const verified = new VerifiedTokens(here);
    expect((await verified.findBySecretHash('hash-of-script'))?.revokedAt).toBeNull();
    expect((await verified.findBySecretHash('hash-of-script'))?.revokedAt).toBeNull();
    expect(await elsewhere.revoke('script', '2026-11-30T10:00:00.000Z')).toBe(true);
    expect((await verified.findBySecretHash('hash-of-script'))?.revokedAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('sees an operator editing the table by hand on another connection', async () => {
    await here.insert(token('script'));
    const verified = new VerifiedTokens(here);
    expect((await verified.findBySecretHash('hash-of-script'))?.role).toBe('COORDINATOR');
    otherDb.prepare("UPDATE api_tokens SET role = 'AUDITOR' WHERE name = 'script'").run();
    expect((await verified.findBySecretHash('hash-of-script'))?.role).toBe('AUDITOR');
  });
});
