import type { Pool } from 'pg';
import type { ContactRepository, PartnerContact } from '@actiemonitor/application';
import { InvalidInput } from '@actiemonitor/domain';
import { type ContactRow, duplicateContactMessage, toPartnerContact } from '../contact-row';

/** Beside api_tokens, outside the log: a coordinator's DELETE erases the row (see docs/operations.md on vacuum). */
const CREATE_CONTACT_TABLE = `
CREATE TABLE IF NOT EXISTS partner_contacts (
  partner_id    text NOT NULL,
  email         text NOT NULL,
  name          text,
  -- ISO strings as the port hands them over, so a record reads back exactly as written.
  registered_at text NOT NULL,
  registered_by text NOT NULL,
  PRIMARY KEY (partner_id, email)
)`;

/** An arbitrary constant of its own, beside the token table's and the event store's lock namespaces. */
const CONTACT_TABLE_LOCK = `SELECT pg_advisory_xact_lock(${0x416d4504}, hashtext(coalesce(current_schema(), '')))`;

/** Byte order, as SQLite sorts, whatever the database's collation. */
const SELECT_ALL = 'SELECT * FROM partner_contacts ORDER BY partner_id COLLATE "C", email COLLATE "C"';
const SELECT_BY_PARTNER = 'SELECT * FROM partner_contacts WHERE partner_id = $1 ORDER BY email COLLATE "C"';
const INSERT = `INSERT INTO partner_contacts (partner_id, email, name, registered_at, registered_by) VALUES ($1, $2, $3, $4, $5)`;
const DELETE = 'DELETE FROM partner_contacts WHERE partner_id = $1 AND email = $2';

/** Idempotent, and safe when several instances start at once (CREATE IF NOT EXISTS alone can race). */
async function createContactTable(pool: Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(CONTACT_TABLE_LOCK);
    await client.query(CREATE_CONTACT_TABLE);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Contact addresses in PostgreSQL, asked on every call: what one instance or the CLI registers, all see at once. */
export class PostgresContactRepository implements ContactRepository {
  static async open(pool: Pool): Promise<PostgresContactRepository> {
    await createContactTable(pool);
    return new PostgresContactRepository(pool);
  }

  private constructor(private readonly pool: Pool) {}

  async add(c: PartnerContact): Promise<void> {
    try {
      await this.pool.query(INSERT, [c.partnerId, c.email, c.name, c.registeredAt, c.registeredBy]);
    } catch (error) {
      // unique_violation; its detail repeats the address, so the error is replaced, not wrapped.
      if ((error as { code?: unknown }).code === '23505') throw new InvalidInput('email', duplicateContactMessage(c.partnerId));
      throw error;
    }
  }

  async list(partnerId: string | null): Promise<PartnerContact[]> {
    const { rows } =
      partnerId === null
        ? await this.pool.query<ContactRow>(SELECT_ALL)
        : await this.pool.query<ContactRow>(SELECT_BY_PARTNER, [partnerId]);
    return rows.map(toPartnerContact);
  }

  async remove(partnerId: string, email: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(DELETE, [partnerId, email]);
    return (rowCount ?? 0) > 0;
  }
}
