import type { EventMetadata, RecordedEvent } from '../event-store.port';

/** An events row as node-postgres returns it: bigint columns arrive as decimal strings. */
export interface PostgresEventRow {
  position: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  hash: string;
  prev_hash: string;
}

export const EVENT_COLUMNS = 'position, stream_id, version, type, schema_version, data, metadata, hash, prev_hash';

export function toRecordedEvent(row: PostgresEventRow): RecordedEvent {
  return {
    position: BigInt(row.position),
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

/** What the append reads under its lock, in one round trip. */
export interface AppendStateRow {
  command_stream_id: string | null;
  command_next_version: number | null;
  command_last_position: string | null;
  stream_version: number | null;
  head_position: string | null;
  head_hash: string | null;
  head_recorded_at: Date | null;
}
