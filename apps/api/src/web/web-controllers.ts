import { AccessibilityController } from './controllers/accessibility.controller';
import { ActionController } from './controllers/action.controller';
import { HomeController } from './controllers/home.controller';
import { LogbookController } from './controllers/logbook.controller';
import { MeetingController } from './controllers/meeting.controller';
import { PartnerController } from './controllers/partner.controller';
import { PlanController } from './controllers/plan.controller';
import { RegionController } from './controllers/region.controller';
import { ReportController } from './controllers/report.controller';
import { ReferencesController } from './controllers/references.controller';
import { ReviewController } from './controllers/review.controller';
import { RoundController } from './controllers/round.controller';
import { SearchController } from './controllers/search.controller';
import { SignInController } from './controllers/sign-in.controller';
import { StaleController } from './controllers/stale.controller';
import { FormWrites } from './forms/form-writes';
import { OidcSignIn } from './session/oidc-sign-in';
import { WebPages } from './web-pages.service';
import { WebReads } from './web-reads';

/** The web dashboard's controllers (one per page) and the services they share; wired in AppModule. */
export const WEB_CONTROLLERS = [
  HomeController,
  PlanController,
  ActionController,
  PartnerController,
  RegionController,
  ReferencesController,
  ReviewController,
  RoundController,
  MeetingController,
  StaleController,
  LogbookController,
  ReportController,
  SearchController,
  SignInController,
  AccessibilityController,
];
export const WEB_PROVIDERS = [WebPages, WebReads, FormWrites, OidcSignIn];
