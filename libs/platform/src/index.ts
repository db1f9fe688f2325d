export * from './persistence.module';
export * from './sqlite/sqlite-token-repository';
export * from './postgres/postgres-token-repository';
