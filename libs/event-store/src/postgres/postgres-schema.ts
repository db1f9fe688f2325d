/**
 * The event store's tables in PostgreSQL, as numbered migrations. Each runs once, recorded in
 * event_store_migrations; add a new number rather than editing one that has shipped.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'events, streams, commands; events append-only',
    sql: `
CREATE TABLE events (
  -- Assigned as max(position)+1 under the append lock (see postgres-event-store.ts), never from a
  -- sequence: a sequence hands out numbers in call order, not commit order, and leaves gaps on rollback.
  position       bigint       PRIMARY KEY CHECK (position >= 1),
  stream_id      varchar(200) NOT NULL,
  version        integer      NOT NULL CHECK (version >= 1),
  type           text         NOT NULL,
  schema_version integer      NOT NULL,
  -- Canonical JSON as text, not jsonb: jsonb reorders keys and drops duplicates, and the hash is over
  -- the canonical bytes. A generated jsonb column can be added for querying without touching these.
  data           text         NOT NULL,
  metadata       text         NOT NULL,
  -- For recordedUpTo only; the metadata text holds the instant as hashed.
  recorded_at    timestamptz  NOT NULL,
  command_id     text         NOT NULL,
  hash           char(64)     NOT NULL,
  prev_hash      char(64)     NOT NULL,
  -- The last line of defence for optimistic concurrency: never two events at one version of a stream.
  CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version)
);
-- readAll({ streamId }) pages one stream in position order.
CREATE INDEX events_stream_position ON events (stream_id, position);

-- One row per stream, so the expected-version check is a primary-key lookup, not max(version).
CREATE TABLE streams (
  stream_id varchar(200) PRIMARY KEY,
  version   integer      NOT NULL
);

-- Idempotency keys: a retried command finds its first result here instead of writing twice.
CREATE TABLE commands (
  command_id    text         PRIMARY KEY,
  stream_id     varchar(200) NOT NULL,
  next_version  integer      NOT NULL,
  last_position bigint       NOT NULL
);

-- The log is append-only. This stops accidents through the application's own role (a migration with
-- a wrong table name, a hand-typed DELETE); the hash chain is what catches deliberate tampering.
CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER events_refuse_update_delete BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_refuse_change();
CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
`,
  },
];
