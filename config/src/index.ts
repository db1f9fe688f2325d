export * from './configuration';
export * from './flags';
export * from './store.settings';
