/**
 * A partner's contact address for reminders. Personal data (AVG): kept in a table of its own beside the
 * tokens, never in the event log, so a coordinator can erase it for good.
 */
export interface PartnerContact {
  partnerId: string;
  /** Trimmed and in lower case (see email-address.ts); unique per partner. */
  email: string;
  name: string | null;
  registeredAt: string;
  /** Who registered it: a token id or `oidc:<sub>` (`cli` from the command line), never a person's name. */
  registeredBy: string;
}

/** Where contact addresses are kept (SQLite or PostgreSQL, as the tokens). Asked on every call. */
export interface ContactRepository {
  /** Resolves once stored; an address the partner already has is refused (InvalidInput on `email`). */
  add(contact: PartnerContact): Promise<void>;
  /** One partner's contacts, or everyone's when `partnerId` is null; by partner, then address. */
  list(partnerId: string | null): Promise<PartnerContact[]>;
  /** Erases the row (nothing of it is kept); false when the partner had no such address. */
  remove(partnerId: string, email: string): Promise<boolean>;
}

export const CONTACT_REPOSITORY = Symbol('CONTACT_REPOSITORY');
