import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { toPeriod } from '@actiemonitor/domain';
import { SYSTEM_ACTOR } from '../auth/principal';
import {
  ExecuteActionCommand,
  ExecuteContextSeriesCommand,
  ExecutePartnerCommand,
  ExecutePlanCommand,
  ExecuteReferenceCommand,
  ExecuteTargetCommand,
  ExecuteThemeCommand,
} from '../commands/aggregate-commands';
import { ContextData, sourceText } from './context-files';
import { CommandMeta, CommandOutcome } from '../commands/command-meta';
import { ActionFileEntry, PlanData, PlanFile } from './plan-files';

export interface ImportReport {
  commands: number;
  /** Commands that recorded events; 0 on a second run over the same files. */
  applied: number;
  events: number;
}

/**
 * Imports the plans' data files as events whose actor is `system`. Every command's id is derived from
 * the entity it creates, so running the import again records nothing, and a file that gains an action
 * later imports just that action.
 */
@Injectable()
export class PlanImporter {
  constructor(private readonly commandBus: CommandBus) {}

  async import(data: PlanData): Promise<ImportReport> {
    const correlationId = `import-${randomUUID()}`;
    const report: ImportReport = { commands: 0, applied: 0, events: 0 };
    const meta = (key: string): CommandMeta => ({ actor: SYSTEM_ACTOR, commandId: `import:${key}`, correlationId });
    const send = async (message: object) => {
      const outcome = await this.commandBus.execute<object, CommandOutcome>(message);
      report.commands += 1;
      if (!outcome.duplicate) report.applied += 1;
    };

    for (const p of data.partners) {
      await send(
        new ExecutePartnerCommand(
          { type: 'RegisterPartner', partnerId: p.id, name: p.name, kind: p.kind, aliases: p.aliases },
          meta(`partner:${p.id}`),
        ),
      );
    }
    for (const plan of data.plans) await this.importPlan(plan, send, meta);
    if (data.context) await this.importContext(data.context, send, meta);
    return report;
  }

  /** References, themes and context figures, after the plans, actions and targets they name. */
  private async importContext(data: ContextData, send: (m: object) => Promise<void>, meta: (key: string) => CommandMeta): Promise<void> {
    for (const r of data.references) {
      const { id, kind, chamber, dossier, number, title, members, date, dateText } = r;
      await send(
        new ExecuteReferenceCommand(
          {
            type: 'RegisterParliamentaryReference',
            referenceId: id,
            kind,
            chamber,
            dossier,
            number,
            title,
            members,
            date,
            dateText,
            source: sourceText(r.source),
          },
          meta(`reference:${id}`),
        ),
      );
      for (const link of r.links) {
        await send(
          new ExecuteReferenceCommand(
            { type: 'LinkParliamentaryReference', referenceId: id, subject: link.subject, subjectId: link.subjectId, note: link.note },
            meta(`reference-link:${id}:${link.subject.toLowerCase()}:${link.subjectId}`),
          ),
        );
      }
    }
    for (const t of data.themes) {
      await send(
        new ExecuteThemeCommand(
          {
            type: 'DefineTheme',
            themeId: t.id,
            planId: t.planId,
            actionLineId: t.actionLineId,
            title: t.title,
            description: t.description,
            source: sourceText(t.source),
          },
          meta(`theme:${t.id}`),
        ),
      );
      for (const a of t.actions) {
        await send(
          new ExecuteThemeCommand(
            { type: 'LinkActionToTheme', themeId: t.id, actionId: a.actionId, note: a.note },
            meta(`theme-action:${t.id}:${a.actionId}`),
          ),
        );
      }
    }
    for (const c of data.contextSeries) {
      await send(
        new ExecuteContextSeriesCommand(
          {
            type: 'DefineContextSeries',
            seriesId: c.id,
            planId: c.planId,
            title: c.title,
            unit: c.unit,
            source: `${c.publisher} — ${sourceText(c.source)}`,
            actionLineId: c.actionLineId,
            targetIds: c.targetIds,
            actionIds: c.actionIds,
            note: c.note,
          },
          meta(`context-series:${c.id}`),
        ),
      );
      for (const [i, f] of c.figures.entries()) {
        await send(
          new ExecuteContextSeriesCommand({ type: 'RecordContextFigure', seriesId: c.id, ...f }, meta(`context-figure:${c.id}:${i + 1}`)),
        );
      }
    }
  }

  private async importPlan(plan: PlanFile, send: (m: object) => Promise<void>, meta: (key: string) => CommandMeta): Promise<void> {
    const period = toPeriod('period', plan.period);
    await send(
      new ExecutePlanCommand(
        { type: 'RegisterPlan', planId: plan.id, title: plan.title, period, sourceDocument: plan.sourceDocument ?? null },
        meta(`plan:${plan.id}`),
      ),
    );
    for (const line of plan.actionLines) {
      await send(
        new ExecutePlanCommand(
          { type: 'RegisterActionLine', planId: plan.id, actionLineId: line.id, code: line.code, title: line.title },
          meta(`action-line:${plan.id}:${line.id}`),
        ),
      );
    }
    for (const line of plan.actionLines) {
      for (const action of line.actions) {
        await send(new ExecuteActionCommand(registerAction(plan.id, line.id, action), meta(`action:${action.id}`)));
        if (action.level) {
          const level = { type: 'SetActionLevel' as const, actionId: action.id, level: action.level.value, source: action.level.source };
          await send(new ExecuteActionCommand(level, meta(`action-level:${action.id}`)));
        }
      }
    }
    for (const shared of plan.sharedActions ?? []) {
      await send(
        new ExecuteActionCommand(
          {
            type: 'AddActionToPlan',
            actionId: shared.actionId,
            planId: plan.id,
            actionLineId: shared.actionLineId,
            note: shared.note ?? null,
          },
          meta(`action-in-plan:${shared.actionId}:${plan.id}`),
        ),
      );
    }
    for (const line of plan.actionLines) {
      for (const t of line.targets ?? []) {
        await send(
          new ExecuteTargetCommand(
            {
              type: 'DefineTarget',
              targetId: t.id,
              planId: plan.id,
              actionLineId: line.id,
              actionIds: t.actionIds,
              owners: t.owners,
              description: t.description,
              sourceText: t.sourceText ?? null,
              unit: t.unit,
              baseline: t.baseline,
              baselineDate: t.baselineDate,
              baselineNote: t.baselineNote ?? null,
              targetValue: t.targetValue,
              dueDate: t.dueDate,
              direction: t.direction,
              note: t.note ?? null,
            },
            meta(`target:${t.id}`),
          ),
        );
      }
    }
  }
}

function registerAction(planId: string, actionLineId: string, a: ActionFileEntry) {
  const notes = [a.narrative && `Toelichting in het plan: ${a.narrative}`, a.provenanceNote, a.note].filter(Boolean).join(' | ');
  return {
    type: 'RegisterAction' as const,
    actionId: a.id,
    planId,
    actionLineId,
    title: a.title,
    result: a.result,
    owners: a.owners,
    ownerScope: a.ownerScope ?? null,
    involved: a.involved ?? [],
    deadline: a.deadline,
    provenance: { origin: a.origin ?? null, sourceText: a.sourceText ?? null, note: notes || null },
  };
}
