import type { MailAddress } from './compose-reminders';

export interface OutgoingMail {
  to: MailAddress[];
  subject: string;
  /** Plain text; the sender adds the From address it was configured with. */
  text: string;
}

/** What the mail server did with a message's recipients (it refused the message as a whole by throwing). */
export interface MailReceipt {
  accepted: number;
  rejected: number;
}

/** Hands messages to a mail server (SMTP in production; the adapter lives in the platform). */
export interface MailSender {
  send(mail: OutgoingMail): Promise<MailReceipt>;
  close(): void;
}
