export * from './configuration';
export * from './flags';
