/**
 * Transaction-level advisory locks, one per purpose and per schema: two deployments (or two test runs)
 * in separate schemas of one database do not wait for each other. The namespaces are arbitrary
 * constants; what matters is that every instance of this code uses the same ones.
 * coalesce: with no schema on the search_path hashtext(NULL) would be NULL, and pg_advisory_xact_lock
 * with a NULL argument returns without locking anything.
 */
const APPEND_LOCK_NAMESPACE = 0x416d4501;
const MIGRATION_LOCK_NAMESPACE = 0x416d4502;

const lockSql = (namespace: number): string => `SELECT pg_advisory_xact_lock(${namespace}, hashtext(coalesce(current_schema(), '')))`;

/** Held by each append from before it reads the head until it commits: the single-writer lock. */
export const TAKE_APPEND_LOCK = lockSql(APPEND_LOCK_NAMESPACE);

/** Held while migrations run, so two instances starting together do not both create the tables. */
export const TAKE_MIGRATION_LOCK = lockSql(MIGRATION_LOCK_NAMESPACE);
