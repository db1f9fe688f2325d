import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { attainment } from '@actiemonitor/domain';
import { regionalReadout, RegionalFiguresReadout, TargetView } from '@actiemonitor/read-models';
import { READ_MODEL_QUERIES, ReadModelQueries } from '../ports';

export type TargetReadout = Omit<TargetView, 'regions'> & { attainment: number | null; regions: RegionalFiguresReadout[] };

export class GetTarget {
  constructor(readonly targetId: string) {}
}
export class GetTargetsOfAction {
  /** With `asOf` (ISO instant): the targets as they were then. */
  constructor(
    readonly actionId: string,
    readonly asOf: string | null = null,
  ) {}
}
export class GetTargetsOfActionLine {
  constructor(
    readonly planId: string,
    readonly actionLineId: string,
  ) {}
}

export function targetReadout(view: TargetView): TargetReadout {
  return {
    ...view,
    attainment: attainment(view.baseline, view.targetValue, view.measurements),
    regions: (view.regions ?? []).map((figures) => regionalReadout(view, figures)),
  };
}

@QueryHandler(GetTarget)
export class GetTargetHandler implements IQueryHandler<GetTarget, TargetReadout | null> {
  constructor(@Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries) {}
  async execute({ targetId }: GetTarget): Promise<TargetReadout | null> {
    const view = await this.readModels.target(targetId);
    return view && targetReadout(view);
  }
}

@QueryHandler(GetTargetsOfAction)
export class GetTargetsOfActionHandler implements IQueryHandler<GetTargetsOfAction, TargetReadout[]> {
  constructor(@Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries) {}
  async execute({ actionId, asOf }: GetTargetsOfAction): Promise<TargetReadout[]> {
    const views =
      asOf === null ? await this.readModels.targetsOfAction(actionId) : await this.readModels.targetsOfActionAsOf(actionId, asOf);
    return views.map(targetReadout);
  }
}

@QueryHandler(GetTargetsOfActionLine)
export class GetTargetsOfActionLineHandler implements IQueryHandler<GetTargetsOfActionLine, TargetReadout[]> {
  constructor(@Inject(READ_MODEL_QUERIES) private readonly readModels: ReadModelQueries) {}
  async execute({ planId, actionLineId }: GetTargetsOfActionLine): Promise<TargetReadout[]> {
    return (await this.readModels.targetsOfActionLine(planId, actionLineId)).map(targetReadout);
  }
}
