import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import {
  CONTACT_REPOSITORY,
  ContactRepository,
  READ_MODEL_MAINTENANCE,
  TOKEN_REPOSITORY,
  TokenRepository,
} from '@actiemonitor/application';
import { Configuration, databaseFile } from '@actiemonitor/config';
import { EVENT_STORE, EventStore, GENESIS_HASH, PostgresEventStore, SqliteEventStore, verifyLog } from '@actiemonitor/event-store';
import { PersistenceModule } from '@actiemonitor/platform';
import type { ReadModelMaintenance } from '@actiemonitor/read-models';
import { OPS_MESSAGES } from './ops.messages';
import type { Output } from './verify-file';

interface Head {
  position: bigint;
  hash: string;
}

/**
 * `copy-log --to <store> [--from <store>]`: the whole log, unchanged (positions, versions, command ids,
 * metadata, recorded times, hashes), page by page into PostgreSQL or an embedded store, then the tokens (still
 * hashed) and contact addresses, then the target's read models rebuilt from the copied log.
 *
 * Before anything is written the target's head is compared with the source: an empty target starts at 1;
 * a target whose head event is the source's event at that position (same hash, hence the same history
 * before it) is a copy cut short and continues after it; anything else is refused, untouched (not even
 * its tables are created). Each page is one transaction, so an interrupted copy always leaves a prefix.
 */
export async function copyLog(source: Configuration, target: Configuration, pageSize: number, out: Output): Promise<number> {
  if (target.EVENT_STORE === 'kurrentdb') {
    out.stderr(`${OPS_MESSAGES.copyTargetKind.nl}\n`);
    return 2;
  }
  const from = await openStore(source);
  try {
    const sourceStore = from.get<EventStore>(EVENT_STORE);
    const sourceHead = await sourceStore.headPosition();
    const targetHead = target.EVENT_STORE === 'postgres' ? await peekPostgresHead(target.DATABASE_URL as string) : peekSqliteHead(target);
    if (!(await isPrefixOf(targetHead, sourceStore, sourceHead))) {
      out.stderr(`${OPS_MESSAGES.copyRefused(targetHead.position.toString()).nl}\n`);
      return 2;
    }
    if (targetHead.position > 0n) out.stderr(`${OPS_MESSAGES.copyResuming(targetHead.position.toString()).nl}\n`);

    const to = await openStore(target);
    try {
      const targetStore = to.get<EventStore>(EVENT_STORE) as PostgresEventStore | SqliteEventStore;
      let after = targetHead.position;
      while (after < sourceHead) {
        const page = (await sourceStore.readAll({ after, limit: pageSize })).filter((e) => e.position <= sourceHead);
        if (page.length === 0) break;
        await targetStore.importSealed(page);
        after = page[page.length - 1].position;
        out.stderr(`${OPS_MESSAGES.copyProgress(after.toString(), sourceHead.toString()).nl}\n`);
      }
      const tokens = await copyTokens(from.get(TOKEN_REPOSITORY), to.get(TOKEN_REPOSITORY));
      const contacts = await copyContacts(from.get(CONTACT_REPOSITORY), to.get(CONTACT_REPOSITORY));
      const rebuilt = await to.get<ReadModelMaintenance>(READ_MODEL_MAINTENANCE).rebuild(await targetStore.headPosition());
      try {
        await rebuilt.replaceLive();
      } finally {
        await rebuilt.discard();
      }
      const check = await verifyLog(targetStore);
      const expected = await hashAt(sourceStore, sourceHead);
      if (!check.ok || check.headHash !== expected) {
        out.stderr(`${OPS_MESSAGES.copyHeadDiffers(check.ok ? check.headHash : '?', expected).nl}\n`);
        return 1;
      }
      out.stdout(`${OPS_MESSAGES.copyDone(check.count, check.headHash, tokens, contacts).nl}\n`);
      return 0;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

/** The store as the server would open it (same adapters, same migrations), without the rest of the application. */
async function openStore(config: Configuration): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(PersistenceModule.forRoot({ config }), { logger: ['error'] });
}

/** The target's head read with a plain connection, so a refused target is not even migrated. */
async function peekPostgresHead(url: string): Promise<Head> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ found: boolean }>("SELECT to_regclass('events') IS NOT NULL AS found");
    if (!exists.rows[0].found) return { position: 0n, hash: GENESIS_HASH };
    const { rows } = await client.query<{ position: string; hash: string }>(
      'SELECT position, hash FROM events ORDER BY position DESC LIMIT 1',
    );
    return rows.length === 0 ? { position: 0n, hash: GENESIS_HASH } : { position: BigInt(rows[0].position), hash: rows[0].hash };
  } finally {
    await client.end();
  }
}

/** The same for an embedded target, read-only: a missing file is an empty store. */
function peekSqliteHead(config: Configuration): Head {
  const file = databaseFile(config);
  if (!existsSync(file)) return { position: 0n, hash: GENESIS_HASH };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() === undefined) {
      return { position: 0n, hash: GENESIS_HASH };
    }
    const row = db.prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').safeIntegers(true).get() as
      { position: bigint; hash: string } | undefined;
    return row ?? { position: 0n, hash: GENESIS_HASH };
  } finally {
    db.close();
  }
}

/** A target head is a prefix of the source when the source has the same hash at that position (the chain covers all before it). */
async function isPrefixOf(head: Head, source: EventStore, sourceHead: bigint): Promise<boolean> {
  if (head.position === 0n) return true;
  if (head.position > sourceHead) return false;
  return (await hashAt(source, head.position)) === head.hash;
}

async function hashAt(store: EventStore, position: bigint): Promise<string> {
  if (position === 0n) return GENESIS_HASH;
  const [event] = await store.readAll({ after: position - 1n, limit: 1 });
  return event?.position === position ? event.hash : '';
}

/** Tokens keep their id, hash, dates and revocation; one already there (a resumed copy) is only revoked if the source revoked it. */
async function copyTokens(from: TokenRepository, to: TokenRepository): Promise<number> {
  const tokens = await from.list();
  for (const token of tokens) {
    const existing = await to.findByName(token.name);
    if (existing === null) await to.insert(token);
    else if (token.revokedAt !== null && existing.revokedAt === null) await to.revoke(token.name, token.revokedAt);
  }
  return tokens.length;
}

async function copyContacts(from: ContactRepository, to: ContactRepository): Promise<number> {
  const contacts = await from.list(null);
  const present = new Set((await to.list(null)).map((c) => `${c.partnerId}\u0000${c.email}`));
  for (const contact of contacts) if (!present.has(`${contact.partnerId}\u0000${contact.email}`)) await to.add(contact);
  return contacts.length;
}
