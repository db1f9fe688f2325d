import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { DomainError, normalisePartnerId } from '@actiemonitor/domain';
import { Role, ROLES, TokenService } from '@actiemonitor/application';
import { CLI_MESSAGES } from '../cli.messages';

interface CreateOptions {
  role?: string;
  partner?: string;
  name?: string;
  expires?: string;
}

@SubCommand({ name: 'create', description: CLI_MESSAGES.tokensCreate.nl })
export class CreateTokenCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async run(_args: string[], options: CreateOptions): Promise<void> {
    const role = (options.role ?? '').toUpperCase() as Role;
    if (!ROLES.includes(role)) return fail(CLI_MESSAGES.roleChoice(ROLES.join(', ').toLowerCase()).nl);
    if (!options.name) return fail(CLI_MESSAGES.nameRequiredToCreate.nl);
    try {
      const { secret, record } = await this.tokens.create({
        name: options.name,
        role,
        partnerId: options.partner ? normalisePartnerId(options.partner) : null,
        expiresAt: options.expires ?? null,
      });
      const holder = record.partnerId ? `${record.role}, ${record.partnerId}` : record.role;
      process.stderr.write(`${CLI_MESSAGES.tokenCreated(record.name, holder).nl}\n`);
      process.stdout.write(`${secret}\n`);
    } catch (error) {
      if (error instanceof DomainError) return fail(error.message);
      throw error;
    }
  }

  @Option({ flags: '--role <role>', description: CLI_MESSAGES.roleOption.nl })
  parseRole(value: string) {
    return value;
  }

  @Option({ flags: '--partner <id>', description: CLI_MESSAGES.partnerOption.nl })
  parsePartner(value: string) {
    return value;
  }

  @Option({ flags: '--name <label>', description: CLI_MESSAGES.nameOption.nl })
  parseName(value: string) {
    return value;
  }

  @Option({ flags: '--expires <iso>', description: CLI_MESSAGES.expiresOption.nl })
  parseExpires(value: string) {
    return value;
  }
}

@SubCommand({ name: 'revoke', description: CLI_MESSAGES.tokensRevoke.nl })
export class RevokeTokenCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async run(_args: string[], options: { name?: string }): Promise<void> {
    if (!options.name) return fail(CLI_MESSAGES.nameRequired.nl);
    if (!(await this.tokens.revoke(options.name))) return fail(CLI_MESSAGES.noActiveToken(options.name).nl);
    process.stdout.write(`${CLI_MESSAGES.tokenRevoked(options.name).nl}\n`);
  }

  @Option({ flags: '--name <label>', description: CLI_MESSAGES.revokeNameOption.nl })
  parseName(value: string) {
    return value;
  }
}

@SubCommand({ name: 'list', description: CLI_MESSAGES.tokensList.nl })
export class ListTokensCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async run(): Promise<void> {
    for (const t of await this.tokens.list()) {
      const state = t.revokedAt
        ? CLI_MESSAGES.tokenRevokedAt(t.revokedAt)
        : t.expiresAt
          ? CLI_MESSAGES.tokenValidUntil(t.expiresAt)
          : CLI_MESSAGES.tokenActive;
      process.stdout.write(`${t.name}\t${t.role}\t${t.partnerId ?? '-'}\t${t.createdAt}\t${state.nl}\n`);
    }
  }
}

@Command({
  name: 'tokens',
  description: CLI_MESSAGES.tokens.nl,
  subCommands: [CreateTokenCommand, RevokeTokenCommand, ListTokensCommand],
})
export class TokensCommand extends CommandRunner {
  async run(): Promise<void> {
    fail(CLI_MESSAGES.tokensUsage.nl);
  }
}

function fail(message: string): void {
  process.stderr.write(`${CLI_MESSAGES.failed(message).nl}\n`);
  process.exitCode = 2;
}
