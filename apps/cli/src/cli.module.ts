import { DynamicModule, Module } from '@nestjs/common';
import { ApplicationModule } from '@actiemonitor/application';
import { PersistenceModule, PersistenceOptions } from '@actiemonitor/platform';
import { ExportCommand } from './commands/export.command';
import { ImportCommand } from './commands/import.command';
import { ReplayCommand } from './commands/replay.command';
import { VerifyCommand } from './commands/verify.command';
import { ReportCommand } from './commands/report.command';
import { CreateTokenCommand, ListTokensCommand, RevokeTokenCommand, TokensCommand } from './commands/tokens.command';
import { AddContactCommand, ContactsCommand, ListContactsCommand, RemoveContactCommand } from './commands/contacts.command';
import { RemindersCommand } from './commands/reminders.command';
import { BackupHelpCommand, CopyLogHelpCommand, RestoreHelpCommand } from './ops/ops-help.commands';

@Module({})
export class CliModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: CliModule,
      imports: [PersistenceModule.forRoot(options), ApplicationModule],
      providers: [
        TokensCommand,
        CreateTokenCommand,
        RevokeTokenCommand,
        ListTokensCommand,
        ContactsCommand,
        AddContactCommand,
        ListContactsCommand,
        RemoveContactCommand,
        RemindersCommand,
        ImportCommand,
        VerifyCommand,
        ReplayCommand,
        ExportCommand,
        ReportCommand,
        BackupHelpCommand,
        RestoreHelpCommand,
        CopyLogHelpCommand,
      ],
    };
  }
}
