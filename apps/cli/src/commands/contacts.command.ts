import { CLI_MESSAGES } from '../cli.messages';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { DomainError, InvalidInput } from '@actiemonitor/domain';
import { ContactService } from '@actiemonitor/application';

/** The flag each field of ContactService's refusals comes from. */
const FLAGS: Record<string, string> = { partnerId: '--partner', email: '--email', name: '--name' };

interface ContactOptions {
  partner?: string;
  email?: string;
  name?: string;
}

@SubCommand({
  name: 'add',
  description: CLI_MESSAGES.contactsAdd.nl,
})
export class AddContactCommand extends CommandRunner {
  constructor(private readonly contacts: ContactService) {
    super();
  }

  async run(_args: string[], options: ContactOptions): Promise<void> {
    if (!options.partner) return fail(CLI_MESSAGES.contactPartnerRequired.nl);
    if (!options.email) return fail(CLI_MESSAGES.contactEmailRequired.nl);
    try {
      const contact = await this.contacts.register({ partnerId: options.partner, email: options.email, name: options.name ?? null }, 'cli');
      process.stdout.write(`Contactadres ${contact.email} geregistreerd voor ${contact.partnerId} (registered)\n`);
    } catch (error) {
      return refuse(error);
    }
  }

  @Option({ flags: '--partner <id>', description: 'partner-id of schrijfwijze, bv. NVP, NJi' })
  parsePartner(value: string) {
    return value;
  }

  @Option({ flags: '--email <adres>', description: 'e-mailadres, bv. secretariaat@pleegzorg.nl' })
  parseEmail(value: string) {
    return value;
  }

  @Option({ flags: '--name <naam>', description: 'naam van de contactpersoon (optioneel)' })
  parseName(value: string) {
    return value;
  }
}

@SubCommand({ name: 'list', description: CLI_MESSAGES.contactsList.nl })
export class ListContactsCommand extends CommandRunner {
  constructor(private readonly contacts: ContactService) {
    super();
  }

  async run(_args: string[], options: ContactOptions): Promise<void> {
    try {
      for (const c of await this.contacts.list(options.partner ?? null)) {
        process.stdout.write(`${c.partnerId}\t${c.email}\t${c.name ?? '-'}\t${c.registeredAt}\n`);
      }
    } catch (error) {
      return refuse(error);
    }
  }

  @Option({ flags: '--partner <id>', description: 'alleen deze partner' })
  parsePartner(value: string) {
    return value;
  }
}

@SubCommand({
  name: 'remove',
  description: CLI_MESSAGES.contactsRemove.nl,
})
export class RemoveContactCommand extends CommandRunner {
  constructor(private readonly contacts: ContactService) {
    super();
  }

  async run(_args: string[], options: ContactOptions): Promise<void> {
    if (!options.partner) return fail(CLI_MESSAGES.contactPartnerRequired.nl);
    if (!options.email) return fail(CLI_MESSAGES.contactEmailRequired.nl);
    try {
      if (!(await this.contacts.remove(options.partner, options.email))) {
        return fail(`--email: dit adres is niet geregistreerd bij ${options.partner.toUpperCase()} (not registered)`);
      }
      process.stdout.write(`Contactadres gewist (erased)\n`);
    } catch (error) {
      return refuse(error);
    }
  }

  @Option({ flags: '--partner <id>', description: 'partner-id, bv. NVP' })
  parsePartner(value: string) {
    return value;
  }

  @Option({ flags: '--email <adres>', description: 'het adres dat gewist wordt' })
  parseEmail(value: string) {
    return value;
  }
}

@Command({
  name: 'contacts',
  description: CLI_MESSAGES.contacts.nl,
  subCommands: [AddContactCommand, ListContactsCommand, RemoveContactCommand],
})
export class ContactsCommand extends CommandRunner {
  async run(): Promise<void> {
    fail(CLI_MESSAGES.contactsUsage.nl);
  }
}

/** A refusal from the service, worded with the flag the user typed. */
function refuse(error: unknown): void {
  if (error instanceof InvalidInput) return fail(`${FLAGS[error.field] ?? error.field}: ${error.text}`);
  if (error instanceof DomainError) return fail(error.message);
  throw error;
}

function fail(message: string): void {
  process.stderr.write(`Fout: ${message}\n`);
  process.exitCode = 2;
}
