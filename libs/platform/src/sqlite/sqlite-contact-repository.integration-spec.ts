import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { PartnerContact } from '@actiemonitor/application';
import { InvalidInput } from '@actiemonitor/domain';
import { SqliteEventStore } from '@actiemonitor/event-store';
import { SqliteContactRepository } from './sqlite-contact-repository';

function contact(partnerId: string, email: string, overrides: Partial<PartnerContact> = {}): PartnerContact {
  return { partnerId, email, name: null, registeredAt: '2026-11-23T09:00:00.000Z', registeredBy: 'tok-coordinator', ...overrides };
}

describe('contact addresses in the SQLite file', () => {
  let dir: string;
  let db: Database.Database;
  let contacts: SqliteContactRepository;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'actiemonitor-contacts-'));
    db = SqliteEventStore.openDatabase(join(dir, 'actiemonitor.sqlite'));
    contacts = new SqliteContactRepository(db);
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores, lists by partner (then address) and for everyone, and reads back exactly as written', async () => {
    await contacts.add(contact('VWS', 'pleegzorg@minvws.nl', { name: 'Directie Jeugd' }));
    await contacts.add(contact('NVP', 'secretariaat@pleegzorg.nl'));
    await contacts.add(contact('NVP', 'jan.jansen@pleegzorg.nl', { name: 'Jan Jansen' }));

    expect(await contacts.list('NVP')).toEqual([
      contact('NVP', 'jan.jansen@pleegzorg.nl', { name: 'Jan Jansen' }),
      contact('NVP', 'secretariaat@pleegzorg.nl'),
    ]);
    expect((await contacts.list(null)).map((c) => `${c.partnerId} ${c.email}`)).toEqual([
      'NVP jan.jansen@pleegzorg.nl',
      'NVP secretariaat@pleegzorg.nl',
      'VWS pleegzorg@minvws.nl',
    ]);
    expect(await contacts.list('NJI')).toEqual([]);
  });

  it('refuses an address the partner has already, naming the field but not the address; another partner may have it', async () => {
    await contacts.add(contact('NVP', 'info@pleegzorg.nl'));
    const refusal = await contacts.add(contact('NVP', 'info@pleegzorg.nl', { name: 'Ander' })).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(InvalidInput);
    expect(refusal).toMatchObject({
      field: 'email',
      text: 'dit adres staat al geregistreerd bij NVP',
      reason: 'this address is already registered for NVP',
    });
    expect(String((refusal as Error).message)).not.toContain('info@pleegzorg.nl');
    await contacts.add(contact('JN', 'info@pleegzorg.nl'));
    expect(await contacts.list(null)).toHaveLength(2);
  });

  it('removes one address of one partner, once', async () => {
    await contacts.add(contact('NVP', 'info@pleegzorg.nl'));
    await contacts.add(contact('JN', 'info@pleegzorg.nl'));
    expect(await contacts.remove('NVP', 'info@pleegzorg.nl')).toBe(true);
    expect(await contacts.remove('NVP', 'info@pleegzorg.nl')).toBe(false);
    expect((await contacts.list(null)).map((c) => c.partnerId)).toEqual(['JN']);
  });

  it('erases a removed address from the file and its write-ahead log, and leaves secure_delete as it was', async () => {
    for (let i = 0; i < 50; i++) await contacts.add(contact('NVP', `medewerker${i}@pleegzorg.nl`, { name: `Medewerker ${i}` }));
    await contacts.add(contact('NVP', 'te.wissen@pleegzorg.nl', { name: 'Te Wissen' }));
    db.pragma('wal_checkpoint(PASSIVE)');
    await contacts.add(contact('VWS', 'blijft@minvws.nl'));
    const files = () => readdirSync(dir).map((f) => readFileSync(join(dir, f)));
    expect(files().some((content) => content.includes('te.wissen@pleegzorg.nl'))).toBe(true);
    const before = db.pragma('secure_delete', { simple: true });

    expect(await contacts.remove('NVP', 'te.wissen@pleegzorg.nl')).toBe(true);

    for (const content of files()) {
      expect(content.includes('te.wissen@pleegzorg.nl')).toBe(false);
      expect(content.includes('Te Wissen')).toBe(false);
    }
    expect(files().some((content) => content.includes('blijft@minvws.nl'))).toBe(true);
    expect(db.pragma('secure_delete', { simple: true })).toBe(before);
  });

  it('keeps its table when the file is opened again', async () => {
    await contacts.add(contact('NVP', 'info@pleegzorg.nl'));
    db.close();
    db = SqliteEventStore.openDatabase(join(dir, 'actiemonitor.sqlite'));
    expect(await new SqliteContactRepository(db).list(null)).toEqual([contact('NVP', 'info@pleegzorg.nl')]);
  });
});
