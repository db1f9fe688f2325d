import { z } from 'zod';

/** Where links in e-mails point when PUBLIC_URL is not set: the server on its default port. */
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/** An unset variable and `VAR=` (how .env files and compose write "nothing") both mean "not given". */
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An address as SMTP needs it: no spaces, no angle brackets, one '@', a dotted domain. */
const ADDRESS = /^[^\s@<>"(),;:\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
/** `Naam <adres>` or a bare address; the name without control characters, quotes or angle brackets. */
const SENDER = /^(?:([^\u0000-\u001F\u007F<>"]{1,100}?) *<([^<>]+)>|([^<>\s]+))$/;

function isSender(value: string): boolean {
  const match = SENDER.exec(value.trim());
  if (match === null) return false;
  return ADDRESS.test(match[2] ?? match[3]);
}

function hasProtocol(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Reminders by e-mail (issue 15): where the dashboard is reachable, for the links in the messages, and
 * the SMTP server that `cli reminders --send` hands them to. None is needed to run the server.
 */
export const mailSettings = z.object({
  /** The dashboard's public address, e.g. https://actiemonitor.example.nl; links in e-mails start with it. */
  PUBLIC_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine((v) => hasProtocol(v, ['http:', 'https:']) && !/[?#]/.test(v), {
        message: 'moet een http(s)-adres zonder ? of # zijn, bv. https://actiemonitor.example.nl (must be an http(s) URL)',
      })
      .transform((v) => v.trim().replace(/\/+$/, ''))
      .optional(),
  ),
  /**
   * The SMTP server, e.g. smtp://relay.example.nl:587 (STARTTLS when offered), smtps://user:pass@host:465
   * (TLS from the start); options as nodemailer reads them from the query (?requireTLS=true).
   */
  SMTP_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine((v) => hasProtocol(v.trim(), ['smtp:', 'smtps:']), {
        message: 'moet een URL zijn zoals smtp://relay.example.nl:587 of smtps://gebruiker:wachtwoord@host:465 (must be an smtp:// URL)',
      })
      .optional(),
  ),
  /** The sender, `Naam <adres>` or an address; default Actiemonitor <noreply@ the host of PUBLIC_URL>. */
  SMTP_FROM: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine(isSender, {
        message: 'moet een adres zijn, of "Naam <adres>", bv. Actiemonitor <noreply@example.nl> (must be a sender address)',
      })
      .transform((v) => v.trim())
      .optional(),
  ),
});

export type MailSettings = z.infer<typeof mailSettings>;

/** The dashboard's address without a trailing slash: PUBLIC_URL, or http://localhost:3000. */
export function publicUrl(config: Pick<MailSettings, 'PUBLIC_URL'>): string {
  return config.PUBLIC_URL ?? DEFAULT_PUBLIC_URL;
}

/**
 * Who reminders come from: SMTP_FROM, or "Actiemonitor <noreply@…>" at the host people reach the
 * dashboard on (relays refuse senders of domains that are not theirs, so set SMTP_FROM for real use).
 */
export function mailFrom(config: Pick<MailSettings, 'PUBLIC_URL' | 'SMTP_FROM'>): string {
  if (config.SMTP_FROM !== undefined) return config.SMTP_FROM;
  return `Actiemonitor <noreply@${new URL(publicUrl(config)).hostname}>`;
}
