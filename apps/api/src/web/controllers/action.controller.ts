import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ActionReadout, ExecuteActionCommand, ExecuteTargetCommand, TakeUpNationalAction, TargetReadout } from '@actiemonitor/application';
import { dutchCalendarDate, isRoundOpen, PartnerView, PlanView, regionalTotal, rollUp, RoundView } from '@actiemonitor/read-models';
import { formatCalendarDate } from '../format/dutch-dates';
import { historyLine } from '../format/history-sentence';
import {
  actionCommandFrom,
  progressUpdateFrom,
  regionalFigureFrom,
  SAVED_MESSAGES,
  takeUpFrom,
  targetCommandFrom,
} from '../forms/form-commands';
import { ACTION_FORMS, ActionFormName, RefusedForm } from '../forms/form-state';
import { FormWrites } from '../forms/form-writes';
import { WEB_MESSAGES } from '../web.messages';
import { ActionPage, RegionalView } from '../pages/action-page';
import type { RoundChoice } from '../pages/progress-forms';
import { seeOther, sendPage } from '../render';
import { canEdit, canSeeActors, canWriteForRegion, reportingPartner } from '../session/viewer';
import type { PageContext } from '../components/page-context';
import { WebPages } from '../web-pages.service';
import { WebReads } from '../web-reads';

const STATUS_REPORTS = new Set(['ActionStatusChanged', 'ActionStatusCorrected']);
const UPDATE_REVIEW = new Set(['ProgressUpdateSubmitted', 'ProgressUpdateApproved', 'ProgressUpdateReturned']);

@Controller()
export class ActionController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: WebReads,
    private readonly forms: FormWrites,
  ) {}

  @Get('/acties/:actionId')
  async show(@Param('actionId') actionId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.pages.refused(request, reply, 'read')) return;
    const saved = (request.query as Record<string, unknown>).opgeslagen;
    const savedMessage =
      typeof saved === 'string' && (ACTION_FORMS as readonly string[]).includes(saved) ? SAVED_MESSAGES[saved as ActionFormName] : null;
    return this.render(request, reply, actionId, { saved: savedMessage, refused: null, status: 200 });
  }

  @Post('/acties/:actionId/:form')
  async onActionForm(
    @Param('actionId') actionId: string,
    @Param('form') form: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (form === 'voortgangsupdate') {
      // An owner's update: partners may send it too; the domain checks that they own the action.
      return this.write(request, reply, actionId, form, null, 'report', (values) =>
        this.actionMessage(request, progressUpdateFrom(actionId, values)),
      );
    }
    if (form === 'opvolging') {
      // A region's token for its own region, coordinators for any: the application decides.
      return this.write(
        request,
        reply,
        actionId,
        form,
        null,
        'report',
        (values) => new TakeUpNationalAction(takeUpFrom(actionId, values), this.forms.meta(request)),
      );
    }
    if (form !== 'status' && form !== 'termijn' && form !== 'status-correctie')
      return this.pages.notFound(request, reply, WEB_MESSAGES.unknownForm.nl);
    // Status reports: a region's token also reports on its own regional actions (the application's rule).
    return this.write(request, reply, actionId, form, null, form === 'termijn' ? 'write' : 'report', (values) =>
      this.actionMessage(request, actionCommandFrom(form, actionId, values)),
    );
  }

  @Post('/acties/:actionId/:form/:targetId')
  async onTargetForm(
    @Param('actionId') actionId: string,
    @Param('form') form: string,
    @Param('targetId') targetId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (form === 'startfoto' || form === 'regiometing') {
      return this.write(
        request,
        reply,
        actionId,
        form,
        targetId,
        'report',
        (values) => new ExecuteTargetCommand(regionalFigureFrom(form, targetId, values), this.forms.meta(request)),
      );
    }
    if (form !== 'meting' && form !== 'meting-correctie') return this.pages.notFound(request, reply, WEB_MESSAGES.unknownForm.nl);
    return this.write(
      request,
      reply,
      actionId,
      form,
      targetId,
      'write',
      (values) => new ExecuteTargetCommand(targetCommandFrom(form, targetId, values), this.forms.meta(request)),
    );
  }

  private actionMessage(request: FastifyRequest, command: ExecuteActionCommand['command']): ExecuteActionCommand {
    return new ExecuteActionCommand(command, this.forms.meta(request));
  }

  /** One write from a form of this page; then redirect, or this page again with the refusal. */
  private async write(
    request: FastifyRequest,
    reply: FastifyReply,
    actionId: string,
    form: ActionFormName,
    targetId: string | null,
    need: 'write' | 'report',
    toMessage: (values: Record<string, string>) => ExecuteActionCommand | ExecuteTargetCommand | TakeUpNationalAction,
  ) {
    if (this.forms.refused(request, reply, need)) return;
    const outcome = await this.forms.execute(request, reply, {
      form,
      itemId: targetId,
      toMessage,
      onConflict: async (since) => {
        const history = targetId === null ? await this.reads.actionHistory(actionId, null) : [];
        const partners = await this.reads.partnerNames();
        return {
          changes: history
            .filter((e) => e.version > since)
            .map((e) => historyLine(e, { showActor: true, partnerName: (id) => partners.get(id)?.name ?? id })),
        };
      },
    });
    if (outcome.kind === 'answered') return;
    if (outcome.kind === 'refused') return this.render(request, reply, actionId, { saved: null, ...outcome });
    return seeOther(reply, `/acties/${actionId}?opgeslagen=${form}`);
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    actionId: string,
    state: { saved: string | null; refused: RefusedForm | null; status: number },
  ) {
    const context = this.pages.context(request);
    const asOf = context.peildatum?.asOf ?? null;
    const action = await this.reads.action(actionId, asOf);
    if (!action) {
      return this.pages.notFound(
        request,
        reply,
        context.peildatum
          ? `De actie ‘${actionId}’ bestond op ${context.peildatum.label} nog niet.`
          : `Er is geen actie met id ‘${actionId}’.`,
      );
    }
    const [partners, targets, events, plans, rounds, meeting, instances, surroundings] = await Promise.all([
      this.reads.partnerNames(),
      this.reads.targetsOfAction(actionId, asOf),
      this.reads.actionHistory(actionId, asOf),
      Promise.all(action.memberships.map((m) => this.reads.plan(m.planId))),
      Promise.all(action.memberships.map((m) => this.reads.rounds(m.planId, asOf))),
      this.reads.meetingOfAction(actionId, asOf),
      action.regionId ? Promise.resolve([]) : this.reads.actions({ carriesOut: actionId }, asOf),
      this.reads.actionSurroundings(action, asOf),
    ]);
    const showActor = canSeeActors(context.viewer);
    // In public mode the history leaves out the review between owner and coordinator (proposals, notes,
    // comments): what an approval changed is there as the status change that names the update.
    const history = events
      .filter((e) => showActor || !UPDATE_REVIEW.has(e.type))
      .map((e) => historyLine(e, { showActor, partnerName: (id) => partners.get(id)?.name ?? id }));
    const lastReport = [...events].reverse().find((e) => STATUS_REPORTS.has(e.type));
    const reporter = reportingPartner(context.viewer);
    const actionRounds = rounds.flat().filter((r) => r.actionIds.includes(action.id));
    const page = ActionPage({
      context,
      action,
      plans: plans.filter((p): p is PlanView => p !== null),
      partners,
      targets,
      history,
      reportVersion: lastReport?.version ?? null,
      saved: state.saved,
      forms: { csrf: context.csrf, refused: state.refused, commandId: this.forms.commandIds(request, state.refused) },
      rounds: new Map(actionRounds.map((r) => [r.id, r])),
      meeting,
      regional: regionalView(context, action, instances, targets, partners),
      // The update form is for the action's owners, in the present.
      updateRounds:
        reporter && action.owners.includes(reporter) && context.peildatum === null
          ? roundChoices(actionRounds, dutchCalendarDate(this.pages.now()))
          : null,
      surroundings,
    });
    return sendPage(reply, page, context.peildatumError ? 400 : state.status);
  }
}

/**
 * The regional level as this viewer sees it now: who may take the action up (regions without an
 * instance yet), record figures or report as a region. Nothing is offered in an earlier stand.
 */
function regionalView(
  context: PageContext,
  action: ActionReadout,
  instances: ActionReadout[],
  targets: TargetReadout[],
  partners: Map<string, PartnerView>,
): RegionalView {
  const regions = [...partners.values()].filter((p) => p.kind === 'region').sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const present = context.peildatum === null;
  const writable = present ? regions.filter((r) => canWriteForRegion(context.viewer, r.id)) : [];
  const takenUp = new Set(instances.map((i) => i.regionId));
  const regionIds = regions.map((r) => r.id);
  return {
    instances,
    rollUp: rollUp(instances),
    regionCount: regions.length,
    takeUpRegions: action.regionId ? [] : writable.filter((r) => !takenUp.has(r.id)),
    figureRegions: action.regionId ? [] : writable,
    totals: new Map(targets.map((t) => [t.id, regionalTotal({ ...t, regions: t.regions }, regionIds)])),
    reportsAsRegion: action.regionId !== undefined && !canEdit(context.viewer) && canWriteForRegion(context.viewer, action.regionId),
  };
}

/** The rounds an owner can report in: those that have opened, open ones first, then the latest closed. */
function roundChoices(rounds: RoundView[], today: string): RoundChoice[] {
  const open = rounds.filter((r) => isRoundOpen(r, today)).sort((a, b) => a.closesOn.localeCompare(b.closesOn));
  const closed = rounds.filter((r) => r.closesOn < today).sort((a, b) => b.closesOn.localeCompare(a.closesOn));
  return [
    ...open.map((r) => ({ id: r.id, label: `${r.title} (open tot en met ${formatCalendarDate(r.closesOn)})` })),
    ...closed.map((r) => ({ id: r.id, label: `${r.title} (gesloten op ${formatCalendarDate(r.closesOn)}: de update komt te laat)` })),
  ];
}
