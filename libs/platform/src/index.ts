export * from './persistence.module';
export * from './sqlite/sqlite-token-repository';
