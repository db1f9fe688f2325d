import type Database from 'better-sqlite3';
import type { ContactRepository, PartnerContact } from '@actiemonitor/application';
import { InvalidInput } from '@actiemonitor/domain';
import { type ContactRow, duplicateContactMessage, toPartnerContact } from '../contact-row';

/**
 * Contact addresses in the SQLite file beside the tokens, outside the event log. Removing one must
 * really erase it (AVG): the delete runs with `secure_delete` on, so SQLite overwrites the freed bytes
 * with zeros instead of leaving them in the page, and a checkpoint then truncates the write-ahead log,
 * which still held the page as it was. The rest of the file keeps SQLite's faster defaults.
 */
export class SqliteContactRepository implements ContactRepository {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS partner_contacts (
      partner_id TEXT NOT NULL, email TEXT NOT NULL, name TEXT,
      registered_at TEXT NOT NULL, registered_by TEXT NOT NULL,
      PRIMARY KEY (partner_id, email))`);
    this.statements = {
      insert: db.prepare(
        `INSERT INTO partner_contacts (partner_id, email, name, registered_at, registered_by)
         VALUES (@partner_id, @email, @name, @registered_at, @registered_by)`,
      ),
      all: db.prepare('SELECT * FROM partner_contacts ORDER BY partner_id, email'),
      byPartner: db.prepare('SELECT * FROM partner_contacts WHERE partner_id = ? ORDER BY email'),
      remove: db.prepare('DELETE FROM partner_contacts WHERE partner_id = ? AND email = ?'),
    };
  }

  async add(contact: PartnerContact): Promise<void> {
    try {
      this.statements.insert.run({
        partner_id: contact.partnerId,
        email: contact.email,
        name: contact.name,
        registered_at: contact.registeredAt,
        registered_by: contact.registeredBy,
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new InvalidInput('email', duplicateContactMessage(contact.partnerId));
      }
      throw error;
    }
  }

  async list(partnerId: string | null): Promise<PartnerContact[]> {
    const rows = (partnerId === null ? this.statements.all.all() : this.statements.byPartner.all(partnerId)) as ContactRow[];
    return rows.map(toPartnerContact);
  }

  async remove(partnerId: string, email: string): Promise<boolean> {
    const previous = this.db.pragma('secure_delete', { simple: true }) as number;
    this.db.pragma('secure_delete = ON');
    let removed: boolean;
    try {
      removed = this.statements.remove.run(partnerId, email).changes > 0;
    } finally {
      this.db.pragma(`secure_delete = ${['OFF', 'ON', 'FAST'][previous] ?? 'OFF'}`);
    }
    if (removed && !this.db.inTransaction) {
      // Best effort: another connection reading at this moment keeps the log until its next checkpoint.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return removed;
  }
}
