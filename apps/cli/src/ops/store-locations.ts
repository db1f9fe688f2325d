import { resolve } from 'node:path';
import { Configuration, loadConfiguration } from '@actiemonitor/config';

/**
 * A store named on the command line: `postgres://…` (or `postgresql://…`) for PostgreSQL, `sqlite:<DATA_DIR>`
 * for an embedded store. Everything else is taken from the environment, as for the other commands.
 */
export function storeConfiguration(location: string, env: NodeJS.ProcessEnv = process.env): Configuration | null {
  if (/^postgres(ql)?:\/\//.test(location)) return loadConfiguration({ ...env, EVENT_STORE: 'postgres', DATABASE_URL: location });
  if (location.startsWith('sqlite:') && location.length > 'sqlite:'.length) {
    return loadConfiguration({ ...env, EVENT_STORE: 'sqlite', DATA_DIR: resolve(location.slice('sqlite:'.length)) });
  }
  return null;
}

/** Whether two configurations point at the same log. */
export function sameStore(a: Configuration, b: Configuration): boolean {
  if (a.EVENT_STORE !== b.EVENT_STORE) return false;
  return a.EVENT_STORE === 'postgres' ? a.DATABASE_URL === b.DATABASE_URL : resolve(a.DATA_DIR) === resolve(b.DATA_DIR);
}
