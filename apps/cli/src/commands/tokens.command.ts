import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { DomainError, normalisePartnerId } from '@actiemonitor/domain';
import { Role, ROLES, TokenService } from '@actiemonitor/application';

interface CreateOptions {
  role?: string;
  partner?: string;
  name?: string;
  expires?: string;
}

@SubCommand({ name: 'create', description: 'Maak een API-token; het token staat alleen op de laatste regel (create a token)' })
export class CreateTokenCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async run(_args: string[], options: CreateOptions): Promise<void> {
    const role = (options.role ?? '').toUpperCase() as Role;
    if (!ROLES.includes(role)) return fail(`--role: kies uit ${ROLES.join(', ').toLowerCase()}`);
    if (!options.name) return fail('--name: verplicht, een herkenbaar label (required)');
    try {
      const { secret, record } = await this.tokens.create({
        name: options.name,
        role,
        partnerId: options.partner ? normalisePartnerId(options.partner) : null,
        expiresAt: options.expires ?? null,
      });
      process.stderr.write(
        `Token '${record.name}' (${record.role}${record.partnerId ? `, ${record.partnerId}` : ''}) aangemaakt; bewaar het nu, het wordt niet opnieuw getoond.\n`,
      );
      process.stdout.write(`${secret}\n`);
    } catch (error) {
      if (error instanceof DomainError) return fail(error.message);
      throw error;
    }
  }

  @Option({ flags: '--role <role>', description: 'coordinator | partner | auditor' })
  parseRole(value: string) {
    return value;
  }

  @Option({ flags: '--partner <id>', description: 'partner-id, bv. VWS, VNG, JN' })
  parsePartner(value: string) {
    return value;
  }

  @Option({ flags: '--name <label>', description: 'uniek label, bv. vws-coordinator' })
  parseName(value: string) {
    return value;
  }

  @Option({ flags: '--expires <iso>', description: 'vervaldatum, bv. 2027-12-31T23:59:59Z' })
  parseExpires(value: string) {
    return value;
  }
}

@SubCommand({ name: 'revoke', description: 'Trek een token in; het werkt meteen niet meer (revoke a token)' })
export class RevokeTokenCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async run(_args: string[], options: { name?: string }): Promise<void> {
    if (!options.name) return fail('--name: verplicht (required)');
    if (!(await this.tokens.revoke(options.name))) return fail(`--name: geen actief token met de naam '${options.name}'`);
    process.stdout.write(`Token '${options.name}' ingetrokken (revoked)\n`);
  }

  @Option({ flags: '--name <label>', description: 'het label van het token' })
  parseName(value: string) {
    return value;
  }
}

@SubCommand({ name: 'list', description: 'Toon alle tokens, zonder geheimen (list tokens)' })
export class ListTokensCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async run(): Promise<void> {
    for (const t of await this.tokens.list()) {
      const state = t.revokedAt ? `ingetrokken ${t.revokedAt}` : t.expiresAt ? `geldig tot ${t.expiresAt}` : 'actief';
      process.stdout.write(`${t.name}\t${t.role}\t${t.partnerId ?? '-'}\t${t.createdAt}\t${state}\n`);
    }
  }
}

@Command({
  name: 'tokens',
  description: 'API-tokens beheren (manage API tokens)',
  subCommands: [CreateTokenCommand, RevokeTokenCommand, ListTokensCommand],
})
export class TokensCommand extends CommandRunner {
  async run(): Promise<void> {
    fail('gebruik: tokens create | revoke | list');
  }
}

function fail(message: string): void {
  process.stderr.write(`Fout: ${message}\n`);
  process.exitCode = 2;
}
