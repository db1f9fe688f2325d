import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TokenService } from './auth/token.service';
import {
  ActionCommandHandler,
  PartnerCommandHandler,
  PlanCommandHandler,
  TargetCommandHandler,
} from './commands/aggregate-command.handlers';
import { DomainContextService } from './commands/domain-context.service';
import { StreamCommandExecutor } from './commands/stream-command-executor';
import { PlanImporter } from './import/plan-importer.service';
import { GetActionHandler, GetActionsHandler, GetPartnerStatusesHandler } from './queries/action.queries';
import { GetEventsHandler } from './queries/event.queries';
import { GetActionHistoryHandler, GetLogHeadHandler, GetLogPageHandler, VerifyLogChainHandler } from './queries/history.queries';
import { AsOfReader } from './queries/as-of.reader';
import { ReadModelCache } from './queries/read-model-cache';
import { GetPartnerHandler, GetPartnersHandler, GetPlanHandler, GetPlansHandler } from './queries/plan.queries';
import { GetTargetHandler, GetTargetsOfActionHandler, GetTargetsOfActionLineHandler } from './queries/target.queries';

/**
 * Command and query handlers on the @nestjs/cqrs buses, shared by the API and the CLI.
 * The adapters they need (EVENT_STORE, PROJECTOR, READ_MODEL_QUERIES, TOKEN_REPOSITORY, CLOCK)
 * come from the global persistence module chosen by configuration.
 */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    StreamCommandExecutor,
    DomainContextService,
    PartnerCommandHandler,
    PlanCommandHandler,
    ActionCommandHandler,
    TargetCommandHandler,
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
    PlanImporter,
    AsOfReader,
    ReadModelCache,
  ],
  exports: [CqrsModule, TokenService, PlanImporter, AsOfReader, ReadModelCache],
})
export class ApplicationModule {}
