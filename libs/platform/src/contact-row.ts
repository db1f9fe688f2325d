import { PLATFORM_MESSAGES } from './platform.messages';
import type { PartnerContact } from '@actiemonitor/application';

/** The partner_contacts row, the same columns in SQLite and PostgreSQL. */
export interface ContactRow {
  partner_id: string;
  email: string;
  name: string | null;
  registered_at: string;
  registered_by: string;
}

export function toPartnerContact(row: ContactRow): PartnerContact {
  return {
    partnerId: row.partner_id,
    email: row.email,
    name: row.name,
    registeredAt: row.registered_at,
    registeredBy: row.registered_by,
  };
}

/** The refusal for an address a partner already has; it names the partner, never the address. */
export const duplicateContactMessage = (partnerId: string) => PLATFORM_MESSAGES.contactDuplicate(partnerId);
