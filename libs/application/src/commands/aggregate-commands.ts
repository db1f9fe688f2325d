import {
  ActionCommand,
  DeadlineInput,
  MeetingCommand,
  ContextSeriesCommand,
  ParliamentaryReferenceCommand,
  PartnerCommand,
  PlanCommand,
  ReportingRoundCommand,
  TargetCommand,
  ThemeCommand,
} from '@actiemonitor/domain';
import { CommandMeta } from './command-meta';

/** Bus messages: one per aggregate, carrying a domain command and its metadata. */
export class ExecutePartnerCommand {
  constructor(
    readonly command: PartnerCommand,
    readonly meta: CommandMeta,
  ) {}
}
export class ExecutePlanCommand {
  constructor(
    readonly command: PlanCommand,
    readonly meta: CommandMeta,
  ) {}
}
export class ExecuteActionCommand {
  constructor(
    readonly command: ActionCommand,
    readonly meta: CommandMeta,
  ) {}
}
export class ExecuteTargetCommand {
  constructor(
    readonly command: TargetCommand,
    readonly meta: CommandMeta,
  ) {}
}
export class ExecuteRoundCommand {
  constructor(
    readonly command: ReportingRoundCommand,
    readonly meta: CommandMeta,
  ) {}
}
export class ExecuteMeetingCommand {
  constructor(
    readonly command: MeetingCommand,
    readonly meta: CommandMeta,
  ) {}
}

/** An agreement made at a meeting: it becomes an action in the meeting's plan, then the meeting records it. */
export interface MeetingAgreement {
  meetingId: string;
  actionId: string;
  actionLineId: string;
  title: string;
  result: string | null;
  owners: string[];
  deadline: DeadlineInput | null;
}
export class RecordMeetingAgreementCommand {
  constructor(
    readonly agreement: MeetingAgreement,
    readonly meta: CommandMeta,
  ) {}
}
export class ExecuteReferenceCommand {
  constructor(
    readonly command: ParliamentaryReferenceCommand,
    readonly meta: CommandMeta,
  ) {}
}
export class ExecuteThemeCommand {
  constructor(
    readonly command: ThemeCommand,
    readonly meta: CommandMeta,
  ) {}
}
export class ExecuteContextSeriesCommand {
  constructor(
    readonly command: ContextSeriesCommand,
    readonly meta: CommandMeta,
  ) {}
}
