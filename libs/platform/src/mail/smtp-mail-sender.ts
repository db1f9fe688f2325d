import { createTransport } from 'nodemailer';
import type { MailReceipt, MailSender, OutgoingMail } from '@actiemonitor/application';
import { type Configuration, mailFrom, redactUrl } from '@actiemonitor/config';

/**
 * Hands messages to the SMTP server in SMTP_URL with nodemailer, one connection per message (reminders
 * are a handful per round). STARTTLS is used whenever the server offers it; smtps:// speaks TLS from
 * the start. Messages say they were sent automatically (RFC 3834), so out-of-office replies stay away.
 */
export class SmtpMailSender implements MailSender {
  private readonly transport;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  }

  async send(mail: OutgoingMail): Promise<MailReceipt> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: mail.to.map((a) => (a.name ? { name: a.name, address: a.address } : a.address)),
      subject: mail.subject,
      text: mail.text,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return { accepted: info.accepted.length, rejected: info.rejected.length };
  }

  close(): void {
    this.transport.close();
  }
}

/** The sender for `cli reminders --send`; refuses, naming the setting, when SMTP_URL is not set. */
export function smtpMailSender(config: Pick<Configuration, 'SMTP_URL' | 'SMTP_FROM' | 'PUBLIC_URL'>): SmtpMailSender {
  if (config.SMTP_URL === undefined) {
    throw new Error('SMTP_URL: niet ingesteld; nodig om te versturen, bv. SMTP_URL=smtp://relay.example.nl:587 (required to send)');
  }
  return new SmtpMailSender(config.SMTP_URL, mailFrom(config));
}

/** SMTP_URL for messages, its password hidden. */
export function describeSmtpUrl(url: string): string {
  return redactUrl(url);
}
