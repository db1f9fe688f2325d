import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ExecuteMeetingCommand, RecordMeetingAgreementCommand } from '@actiemonitor/application';
import { NotFound } from '@actiemonitor/domain';
import { dutchCalendarDate } from '@actiemonitor/read-models';
import { SAVED_MESSAGES } from '../forms/form-commands';
import type { RefusedForm } from '../forms/form-state';
import { FormWrites } from '../forms/form-writes';
import { agreementActionIdFor, agreementFrom, meetingFrom, meetingIdFor } from '../forms/meeting-commands';
import { MeetingPage } from '../pages/meeting-page';
import { MeetingsPage } from '../pages/meetings-page';
import { seeOther, sendPage } from '../render';
import { canEdit } from '../session/viewer';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';
import { WEB_MESSAGES } from '../web.messages';

/** `/overleggen` and `/overleggen/{id}`: meetings, the agreements made there and what became of them (seed 003). */
@Controller()
export class MeetingController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
    private readonly forms: FormWrites,
  ) {}

  @Get('/overleggen')
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    return this.renderList(request, reply, { refused: null, status: 200 });
  }

  /** A coordinator records a meeting; then on to its page, to add the agreements. */
  @Post('/overleggen')
  async onRecord(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.forms.refused(request, reply, 'write')) return;
    const partners = await this.reads.partnerNames();
    let meetingId = '';
    const outcome = await this.forms.execute(request, reply, {
      form: 'overleg',
      itemId: null,
      toMessage: (values) => {
        const command = meetingFrom(values, partners.values());
        meetingId = command.meetingId;
        return new ExecuteMeetingCommand(command, this.forms.meta(request));
      },
      onConflict: async () => ({
        field: 'subject',
        reason: WEB_MESSAGES.meetingTaken(meetingIdFor(this.forms.field(request, 'heldOn').trim(), this.forms.field(request, 'subject')))
          .nl,
      }),
    });
    if (outcome.kind === 'answered') return;
    if (outcome.kind === 'refused') return this.renderList(request, reply, outcome);
    return seeOther(reply, `/overleggen/${meetingId}?opgeslagen=overleg`);
  }

  @Get('/overleggen/:meetingId')
  async show(@Param('meetingId') meetingId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const opgeslagen = (request.query as Record<string, unknown>).opgeslagen;
    const saved = opgeslagen === 'overleg' || opgeslagen === 'afspraak' ? SAVED_MESSAGES[opgeslagen] : null;
    return this.renderMeeting(request, reply, meetingId, { saved, refused: null, status: 200 });
  }

  /** A coordinator adds an agreement: it becomes an action in the meeting's plan, linked to the meeting. */
  @Post('/overleggen/:meetingId/afspraken')
  async onAgreement(@Param('meetingId') meetingId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.forms.refused(request, reply, 'write')) return;
    let meeting;
    try {
      meeting = await this.reads.meeting(meetingId, null);
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      return this.pages.notFound(request, reply, `Er is geen overleg met id ‘${meetingId}’.`);
    }
    const partners = await this.reads.partnerNames();
    const outcome = await this.forms.execute(request, reply, {
      form: 'afspraak',
      itemId: null,
      toMessage: (values) => new RecordMeetingAgreementCommand(agreementFrom(meeting, values, partners.values()), this.forms.meta(request)),
      onConflict: async () => ({
        field: 'title',
        reason: WEB_MESSAGES.agreementActionTaken(agreementActionIdFor(meeting.heldOn, this.forms.field(request, 'title'))).nl,
      }),
    });
    if (outcome.kind === 'answered') return;
    if (outcome.kind === 'refused') return this.renderMeeting(request, reply, meetingId, { saved: null, ...outcome });
    return seeOther(reply, `/overleggen/${meetingId}?opgeslagen=afspraak#afspraken`);
  }

  private async renderList(request: FastifyRequest, reply: FastifyReply, state: { refused: RefusedForm | null; status: number }) {
    const context = this.pages.context(request);
    const asOf = context.peildatum?.asOf ?? null;
    const [plans, partners] = await Promise.all([this.reads.plans(), this.reads.partnerNames()]);
    const withMeetings = await Promise.all(plans.map(async (plan) => ({ plan, meetings: await this.reads.meetings(plan.id, asOf) })));
    const form =
      canEdit(context.viewer) && context.peildatum === null
        ? { csrf: context.csrf, refused: state.refused, commandId: this.forms.commandIds(request, state.refused) }
        : null;
    const today = dutchCalendarDate(asOf ?? this.pages.now());
    return sendPage(
      reply,
      MeetingsPage({ context, plans: withMeetings, partners, form, today }),
      context.peildatumError ? 400 : state.status,
    );
  }

  private async renderMeeting(
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: string,
    state: { saved: string | null; refused: RefusedForm | null; status: number },
  ) {
    const context = this.pages.context(request);
    const asOf = context.peildatum?.asOf ?? null;
    let meeting;
    try {
      meeting = await this.reads.meeting(meetingId, asOf);
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      return this.pages.notFound(
        request,
        reply,
        context.peildatum
          ? `Het overleg ‘${meetingId}’ was op ${context.peildatum.label} nog niet vastgelegd.`
          : `Er is geen overleg met id ‘${meetingId}’.`,
      );
    }
    const [plan, partners] = await Promise.all([this.reads.plan(meeting.planId), this.reads.partnerNames()]);
    const form =
      canEdit(context.viewer) && context.peildatum === null
        ? { csrf: context.csrf, refused: state.refused, commandId: this.forms.commandIds(request, state.refused) }
        : null;
    return sendPage(
      reply,
      MeetingPage({ context, meeting, plan, partners, saved: state.saved, form }),
      context.peildatumError ? 400 : state.status,
    );
  }
}
