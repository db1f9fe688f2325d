import { Logger, Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@actiemonitor/event-store';
import { PROJECTOR, Projector } from './ports';
import { CqrsModule } from '@nestjs/cqrs';
import { TokenService } from './auth/token.service';
import { ContactService } from './contacts/contact.service';
import { ReminderService } from './reminders/reminder.service';
import { ActionCommandHandler } from './commands/action.command-handler';
import { PartnerCommandHandler } from './commands/partner.command-handler';
import { PlanCommandHandler } from './commands/plan.command-handler';
import { TargetCommandHandler } from './commands/target.command-handler';
import { RoundCommandHandler } from './commands/round.command-handler';
import { RegionalFollowUpCommandHandler } from './commands/regional-follow-up.command-handler';
import { MeetingAgreementHandler, MeetingCommandHandler } from './commands/meeting.command-handler';
import { GetMeetingHandler, GetMeetingOfActionHandler, GetMeetingsHandler } from './queries/meeting.queries';
import { ContextSeriesCommandHandler, ReferenceCommandHandler, ThemeCommandHandler } from './commands/context.command-handlers';
import {
  GetContextSeriesByIdHandler,
  GetContextSeriesHandler,
  GetParliamentaryReferenceHandler,
  GetParliamentaryReferencesHandler,
  GetReferencesOfHandler,
  GetThemeHandler,
  GetThemesHandler,
  GetThemesOfActionHandler,
} from './queries/context.queries';
import {
  GetActionsNeedingUpdateHandler,
  GetPendingUpdatesHandler,
  GetReportingRoundHandler,
  GetReportingRoundsHandler,
  GetStaleActionsHandler,
} from './queries/reporting.queries';
import { DomainContextService } from './commands/domain-context.service';
import { StreamCommandExecutor } from './commands/stream-command-executor';
import { PlanImporter } from './import/plan-importer.service';
import { ReadModelFreshness } from './projection/read-model-freshness';
import { GetActionHandler, GetActionsHandler, GetPartnerStatusesHandler } from './queries/action.queries';
import { GetEventsHandler } from './queries/event.queries';
import { GetChangesHandler, GetReportHandler } from './reports/report.queries';
import { GetActionHistoryHandler, GetLogHeadHandler, GetLogPageHandler, VerifyLogChainHandler } from './queries/history.queries';
import { AsOfReader } from './queries/as-of.reader';
import { ReadModelCache } from './queries/read-model-cache';
import { GetPartnerHandler, GetPartnersHandler, GetPlanHandler, GetPlansHandler } from './queries/plan.queries';
import { GetTargetHandler, GetTargetsOfActionHandler, GetTargetsOfActionLineHandler } from './queries/target.queries';

/**
 * Command and query handlers on the @nestjs/cqrs buses, shared by the API and the CLI.
 * The adapters they need (EVENT_STORE, PROJECTOR, READ_MODEL_QUERIES, TOKEN_REPOSITORY, CONTACT_REPOSITORY, CLOCK)
 * come from the global persistence module chosen by configuration.
 */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    {
      provide: StreamCommandExecutor,
      useFactory: (store: EventStore, freshness: ReadModelFreshness) => new StreamCommandExecutor(store, freshness),
      inject: [EVENT_STORE, ReadModelFreshness],
    },
    {
      provide: ReadModelFreshness,
      useFactory: (store: EventStore, projector: Projector) => new ReadModelFreshness(store, projector, new Logger('ReadModels')).attach(),
      inject: [EVENT_STORE, PROJECTOR],
    },
    DomainContextService,
    PartnerCommandHandler,
    PlanCommandHandler,
    ActionCommandHandler,
    TargetCommandHandler,
    RoundCommandHandler,
    RegionalFollowUpCommandHandler,
    MeetingCommandHandler,
    MeetingAgreementHandler,
    GetReportHandler,
    GetChangesHandler,
    GetMeetingHandler,
    GetMeetingsHandler,
    GetMeetingOfActionHandler,
    ReferenceCommandHandler,
    ThemeCommandHandler,
    ContextSeriesCommandHandler,
    GetParliamentaryReferencesHandler,
    GetParliamentaryReferenceHandler,
    GetReferencesOfHandler,
    GetThemesHandler,
    GetThemeHandler,
    GetThemesOfActionHandler,
    GetContextSeriesHandler,
    GetContextSeriesByIdHandler,
    GetReportingRoundHandler,
    GetReportingRoundsHandler,
    GetPendingUpdatesHandler,
    GetStaleActionsHandler,
    GetActionsNeedingUpdateHandler,
    GetPlansHandler,
    GetPlanHandler,
    GetPartnersHandler,
    GetPartnerHandler,
    GetActionHandler,
    GetActionsHandler,
    GetPartnerStatusesHandler,
    GetTargetHandler,
    GetTargetsOfActionHandler,
    GetTargetsOfActionLineHandler,
    GetEventsHandler,
    GetActionHistoryHandler,
    GetLogPageHandler,
    GetLogHeadHandler,
    VerifyLogChainHandler,
    TokenService,
    ContactService,
    ReminderService,
    PlanImporter,
    AsOfReader,
    ReadModelCache,
  ],
  exports: [CqrsModule, TokenService, ContactService, ReminderService, PlanImporter, AsOfReader, ReadModelCache],
})
export class ApplicationModule {}
