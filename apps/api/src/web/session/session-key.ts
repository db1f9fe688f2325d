import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from '@actiemonitor/config';

/**
 * The key that encrypts session cookies: SESSION_KEY when set (instances that share sessions must share
 * it), else one generated on first start and kept beside the database, readable by its owner only, so
 * sessions survive a restart.
 */
export function sessionKey(config: Pick<Configuration, 'SESSION_KEY' | 'DATA_DIR'>): Buffer {
  if (config.SESSION_KEY) return Buffer.from(config.SESSION_KEY, 'hex');
  const file = join(config.DATA_DIR, 'session.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length === 32) return key;
    throw new Error(`${file} does not hold a 32-byte hex key: remove it to generate a new one (signs everyone out)`);
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
