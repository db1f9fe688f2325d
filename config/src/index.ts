export * from './configuration';
export * from './flags';
export * from './store.settings';
export * from './mail.settings';
