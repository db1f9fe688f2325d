import { resolve } from 'node:path';
import type { Configuration } from '@actiemonitor/config';

/**
 * Where the read models live when the log is in KurrentDB (which holds events, not tables): a file named
 * after the store kind, so switching EVENT_STORE never projects one log on top of another's read models.
 */
export function readModelFile(config: Pick<Configuration, 'DATA_DIR'>, store: 'kurrentdb'): string {
  return resolve(config.DATA_DIR, `read-models-${store}.sqlite`);
}

/** With the log in KurrentDB, tokens and contact addresses stay in SQLite: in a file of their own, so deleting read models never deletes them. */
export function tokenFile(config: Pick<Configuration, 'DATA_DIR'>): string {
  return resolve(config.DATA_DIR, 'tokens.sqlite');
}
