import { loadConfiguration } from './configuration';
import { assertStoreSettings, redactUrl } from './store.settings';

describe('store settings', () => {
  it('defaults to the embedded SQLite store and needs no URL', () => {
    const config = loadConfiguration({});
    expect(config.EVENT_STORE).toBe('sqlite');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(() => assertStoreSettings(config)).not.toThrow();
  });

  it('accepts postgres with a postgres:// or postgresql:// URL', () => {
    for (const url of ['postgres://app@db:5432/actiemonitor', 'postgresql://app:geheim@db/actiemonitor?sslmode=require']) {
      const config = loadConfiguration({ EVENT_STORE: 'postgres', DATABASE_URL: url });
      expect(config.DATABASE_URL).toBe(url);
      expect(() => assertStoreSettings(config)).not.toThrow();
    }
  });

  it('names DATABASE_URL when postgres is chosen without it (an empty value counts as missing)', () => {
    for (const env of [{ EVENT_STORE: 'postgres' }, { EVENT_STORE: 'postgres', DATABASE_URL: '' }]) {
      const config = loadConfiguration(env);
      expect(() => assertStoreSettings(config)).toThrow('Invalid configuration: DATABASE_URL: required when EVENT_STORE=postgres');
    }
  });

  it('names KURRENTDB_URL when kurrentdb is chosen without it', () => {
    const config = loadConfiguration({ EVENT_STORE: 'kurrentdb' });
    expect(() => assertStoreSettings(config)).toThrow(/KURRENTDB_URL: required when EVENT_STORE=kurrentdb/);
    const given = loadConfiguration({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false' });
    expect(() => assertStoreSettings(given)).not.toThrow();
  });

  it('refuses an unknown store and URLs of the wrong kind, naming the setting', () => {
    expect(() => loadConfiguration({ EVENT_STORE: 'mysql' })).toThrow(/EVENT_STORE/);
    expect(() => loadConfiguration({ DATABASE_URL: 'mysql://db/actiemonitor' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(() => loadConfiguration({ KURRENTDB_URL: 'http://localhost:2113' })).toThrow(/KURRENTDB_URL/);
  });

  it('hides the password of a URL', () => {
    expect(redactUrl('postgres://app:geheim@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(redactUrl('postgres://app@db/x')).toBe('postgres://app@db/x');
  });
});
