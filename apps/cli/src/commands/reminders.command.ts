import { CLI_MESSAGES } from '../cli.messages';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DomainError } from '@actiemonitor/domain';
import { dutchDate, MailAddress, MailSender, ReminderService, ReminderSkip } from '@actiemonitor/application';
import { type Configuration, publicUrl } from '@actiemonitor/config';
import { CONFIGURATION, describeSmtpUrl, smtpMailSender } from '@actiemonitor/platform';

interface ReminderOptions {
  round?: string;
  send?: boolean;
}

/** `Naam <adres>`, the name quoted when it holds characters that mean something in an address list. */
function formatAddress(a: MailAddress): string {
  if (!a.name) return a.address;
  return `${/[",<>@;:()[\]\\]/.test(a.name) ? `"${a.name.replace(/(["\\])/g, '\\$1')}"` : a.name} <${a.address}>`;
}

function skipLine(skip: ReminderSkip): string {
  return `${skip.partnerId}: geen contactadres; overgeslagen (${count(skip.items.length)})\n`;
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'actie' : 'acties'}`;
}

@Command({
  name: 'reminders',
  description: CLI_MESSAGES.reminders.nl,
})
export class RemindersCommand extends CommandRunner {
  constructor(
    private readonly reminders: ReminderService,
    @Inject(CONFIGURATION) private readonly config: Configuration,
  ) {
    super();
  }

  async run(_args: string[], options: ReminderOptions): Promise<void> {
    if (!options.round) return fail(CLI_MESSAGES.roundRequired.nl);
    let sender: MailSender | null = null;
    if (options.send) {
      try {
        sender = smtpMailSender(this.config);
      } catch (error) {
        return fail((error as Error).message);
      }
    }
    try {
      const plan = await this.reminders.compose(options.round, { publicUrl: publicUrl(this.config) });
      const out = process.stdout;
      const owing = plan.messages.length + plan.withoutContact.length;
      out.write(
        `Rapportageronde ${plan.roundId} "${plan.roundTitle}", sluit op ${dutchDate(plan.closesOn)}: ` +
          `${owing === 0 ? 'alle updates zijn binnen; geen herinneringen' : `${owing} ${owing === 1 ? 'partner' : 'partners'} met ontbrekende updates`}\n`,
      );
      let failed = 0;
      if (sender === null) {
        for (const message of plan.messages) {
          out.write(`\n=== ${message.partnerId}: ${count(message.items.length)} ===\n`);
          out.write(`To: ${message.to.map(formatAddress).join(', ')}\nSubject: ${message.subject}\n\n${message.text}`);
        }
        if (plan.messages.length > 0 && plan.withoutContact.length > 0) out.write('\n');
        for (const skip of plan.withoutContact) out.write(skipLine(skip));
      } else {
        const skips = new Map(plan.withoutContact.map((skip) => [skip.partnerId, skip]));
        const messages = new Map(plan.messages.map((message) => [message.partnerId, message]));
        for (const partnerId of [...skips.keys(), ...messages.keys()].sort()) {
          const message = messages.get(partnerId);
          if (!message) {
            out.write(skipLine(skips.get(partnerId)!));
            continue;
          }
          await this.reminders.send([message], sender, (outcome) => {
            if (outcome.sent) {
              const refused = outcome.rejected > 0 ? CLI_MESSAGES.addressesRejected(outcome.rejected).nl : '';
              const addresses = `${outcome.accepted} ${outcome.accepted === 1 ? 'adres' : 'adressen'}`;
              out.write(`${partnerId}: verstuurd aan ${addresses}${refused} (${count(message.items.length)})\n`);
            } else {
              failed += 1;
              out.write(`${CLI_MESSAGES.notSent(partnerId, String(outcome.error)).nl}\n`);
            }
          });
        }
      }
      if (sender === null && plan.messages.length > 0) {
        out.write(`\n${CLI_MESSAGES.dryRun(plan.messages.length).nl}\n`);
      }
      if (failed > 0) {
        process.stderr.write(
          `Fout: ${failed} ${failed === 1 ? 'bericht' : 'berichten'} niet verstuurd via ${describeSmtpUrl(this.config.SMTP_URL ?? '')}\n`,
        );
        process.exitCode = 1;
      }
    } catch (error) {
      if (error instanceof DomainError) return fail(error.message);
      throw error;
    } finally {
      sender?.close();
    }
  }

  @Option({ flags: '--round <id>', description: 'de rapportageronde, bv. pleegzorg-2018-q2' })
  parseRound(value: string) {
    return value;
  }

  @Option({ flags: '--send', description: 'verstuur de berichten via SMTP_URL (zonder: alleen tonen)' })
  parseSend() {
    return true;
  }
}

function fail(message: string): void {
  process.stderr.write(`Fout: ${message}\n`);
  process.exitCode = 2;
}
