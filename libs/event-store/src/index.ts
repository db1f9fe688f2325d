/** Public surface of @actiemonitor/event-store. The contract suite is not exported: specs import it by path. */
export * from './event-store.port';
export * from './errors';
export * from './append-request-validation';
export * from './canonical-json';
export * from './hash-chain';
export * from './sqlite/sqlite-event-store';
export * from './read-log';
