import type { Pool } from 'pg';
import { canonicalJson } from '../canonical-json';
import type { RecordedEvent } from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { assertSealedRunContinues, sealedRunBookkeeping } from '../log/sealed-import';
import { TAKE_APPEND_LOCK } from './postgres-locks';
import { inTransaction } from './transaction';

const INSERT_SEALED = `
INSERT INTO events (position, stream_id, version, type, schema_version, data, metadata, recorded_at, command_id, hash, prev_hash)
SELECT * FROM unnest($1::bigint[], $2::varchar[], $3::integer[], $4::text[], $5::integer[], $6::text[], $7::text[],
                     $8::timestamptz[], $9::text[], $10::text[], $11::text[])`;

const UPSERT_STREAMS = `
INSERT INTO streams (stream_id, version) SELECT * FROM unnest($1::varchar[], $2::integer[])
ON CONFLICT (stream_id) DO UPDATE SET version = GREATEST(streams.version, excluded.version)`;

// A command's events may arrive in two pages: the later page's values win.
const UPSERT_COMMANDS = `
INSERT INTO commands (command_id, stream_id, next_version, last_position) SELECT * FROM unnest($1::text[], $2::varchar[], $3::integer[], $4::bigint[])
ON CONFLICT (command_id) DO UPDATE SET next_version = excluded.next_version, last_position = excluded.last_position`;

/**
 * Writes a run of sealed events (see log/sealed-import.ts) after the head of a PostgreSQL log, in one
 * transaction under the append lock, so no append can interleave. Used by `copy-log` only, never by append().
 */
export async function importSealedIntoPostgres(pool: Pool, events: readonly RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await inTransaction(pool, async (client) => {
    await client.query(TAKE_APPEND_LOCK);
    const { rows } = await client.query<{ position: string; hash: string }>(
      'SELECT position, hash FROM events ORDER BY position DESC LIMIT 1',
    );
    const head = rows.length === 0 ? { position: 0n, hash: GENESIS_HASH } : { position: BigInt(rows[0].position), hash: rows[0].hash };
    assertSealedRunContinues(events, head);
    await client.query(INSERT_SEALED, [
      events.map((e) => e.position.toString()),
      events.map((e) => e.streamId),
      events.map((e) => e.version),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      events.map((e) => canonicalJson(e.data)),
      events.map((e) => canonicalJson(e.metadata)),
      events.map((e) => e.metadata.recordedAt),
      events.map((e) => e.metadata.commandId),
      events.map((e) => e.hash),
      events.map((e) => e.prevHash),
    ]);
    const { streams, commands } = sealedRunBookkeeping(events);
    await client.query(UPSERT_STREAMS, [[...streams.keys()], [...streams.values()]]);
    const records = [...commands.entries()];
    await client.query(UPSERT_COMMANDS, [
      records.map(([id]) => id),
      records.map(([, c]) => c.streamId),
      records.map(([, c]) => c.nextVersion),
      records.map(([, c]) => c.lastPosition.toString()),
    ]);
  });
}
