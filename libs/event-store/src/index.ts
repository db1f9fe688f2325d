/**
 * Public surface of @actiemonitor/event-store. The contract suite and the *.testing.ts helpers are not
 * exported: specs import them by path. The KurrentDB client itself loads only in KurrentDbEventStore.connect.
 */
export * from './event-store.port';
export * from './errors';
export * from './append-request-validation';
export * from './canonical-json';
export * from './hash-chain';
export * from './sqlite/sqlite-event-store';
export * from './read-log';
export * from './postgres/postgres-event-store';
export * from './postgres/postgres-pool';
export * from './postgres/postgres-migrations';
export { TAKE_MIGRATION_LOCK } from './postgres/postgres-locks';
export { inTransaction } from './postgres/transaction';
export type { Migration } from './postgres/postgres-schema';
export { READ_ALL_PAGE_CAP } from './log/read-all-options';
export * from './kurrentdb/kurrentdb-event-store';
export type { KurrentClientLike } from './kurrentdb/kurrentdb-client-like';
export * from './transient-errors';
export { DEFAULT_SUBSCRIPTION_POLL_MS } from './polling-subscription';
export * from './log/exported-log';
export { SealedRunRefused } from './log/sealed-import';
