import { APPLICATION_MESSAGES } from '../application.messages';
import { InvalidInput } from '@actiemonitor/domain';

/** RFC 5321's limits: 64 characters before the '@', 254 in all. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;

/** The dot-atom of RFC 5322 (no quoted strings, no comments): what real mailboxes use. */
const ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`);
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A top-level domain: letters, or an internationalised one in its xn-- form. */
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The address a mail server can deliver to, in the shape people type it: `naam@organisatie.nl`.
 * Trimmed and lower-cased (mailboxes do not differ by case in practice, and duplicates should not
 * either). Refusals name the field and say what is wrong, but never repeat the address: an error
 * message may end up in a log, and the address is personal data.
 */
export function checkEmailAddress(field: string, value: string | null | undefined): string {
  const address = (value ?? '').trim().toLowerCase();
  if (address.length === 0) throw new InvalidInput(field, APPLICATION_MESSAGES.emailRequired);
  if (address.length > MAX_EMAIL_LENGTH) {
    throw new InvalidInput(field, APPLICATION_MESSAGES.emailTooLong(address.length, MAX_EMAIL_LENGTH));
  }
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1 || address.indexOf('@') !== at) {
    throw new InvalidInput(field, APPLICATION_MESSAGES.emailShape);
  }
  const local = address.slice(0, at);
  if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) {
    throw new InvalidInput(field, APPLICATION_MESSAGES.emailLocalPart);
  }
  const labels = address.slice(at + 1).split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL.test(labels[labels.length - 1])) {
    throw new InvalidInput(field, APPLICATION_MESSAGES.emailDomain);
  }
  return address;
}
