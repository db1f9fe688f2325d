import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ActionView, dutchCalendarDate, RoundOverview } from '@actiemonitor/read-models';
import { CONTACT_REPOSITORY, ContactRepository } from '../contacts/contact-repository.port';
import { CLOCK, Clock, PROJECTOR, Projector, READ_MODEL_QUERIES, ReadModelQueries } from '../ports';
import { GetReportingRound } from '../queries/reporting.queries';
import { composeReminders, ReminderMessage, ReminderPlan } from './compose-reminders';
import type { MailSender } from './mail-sender.port';

export type ReminderOutcome =
  { partnerId: string; sent: true; accepted: number; rejected: number } | { partnerId: string; sent: false; error: string };

/**
 * Reminders for a reporting round: reads the round overview, the titles and the contact addresses, and
 * hands them to the pure `composeReminders`; sends the result when asked. Sending is not recorded in
 * the event log (the messages hold addresses), only reported to the caller.
 */
@Injectable()
export class ReminderService {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries,
    @Inject(CONTACT_REPOSITORY) private readonly contacts: ContactRepository,
    @Inject(PROJECTOR) private readonly projector: Projector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async compose(roundId: string, options: { publicUrl: string }): Promise<ReminderPlan> {
    // The CLI may run while no server follows the log (or, with KurrentDB, beside read models of its own):
    // bring the read models up to the head first, so an update submitted a moment ago counts.
    await this.projector.catchUp();
    const overview = await this.queryBus.execute<GetReportingRound, RoundOverview>(new GetReportingRound(roundId));
    const actions = (await Promise.all(overview.round.actionIds.map((id) => this.readModels.action(id)))).filter(
      (a): a is ActionView => a !== null,
    );
    return composeReminders({
      overview,
      plan: await this.readModels.plan(overview.round.planId),
      actions,
      partners: await this.readModels.partners(),
      contacts: await this.contacts.list(null),
      publicUrl: options.publicUrl,
      today: dutchCalendarDate(this.clock.now()),
    });
  }

  /** One message after the other; a refusal for one partner does not stop the others. */
  async send(messages: readonly ReminderMessage[], sender: MailSender, onOutcome: (outcome: ReminderOutcome) => void): Promise<void> {
    for (const message of messages) {
      try {
        const receipt = await sender.send({ to: message.to, subject: message.subject, text: message.text });
        onOutcome({ partnerId: message.partnerId, sent: true, ...receipt });
      } catch (error) {
        onOutcome({ partnerId: message.partnerId, sent: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
}
