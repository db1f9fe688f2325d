import { Period, PlanEvent } from '@actiemonitor/domain';

export interface ActionLineView {
  id: string;
  code: string;
  title: string;
}

export interface PlanView {
  id: string;
  title: string;
  period: Period;
  sourceDocument: string | null;
  actionLines: ActionLineView[];
  /** Set on a regional plan only: the jeugdzorgregio it belongs to. */
  regionId?: string;
}

export function evolvePlanView(view: PlanView | null, e: PlanEvent): PlanView | null {
  if (e.type === 'PlanRegistered') {
    const { planId, title, period, sourceDocument, regionId } = e.data;
    return { id: planId, title, period, sourceDocument, actionLines: [], ...(regionId ? { regionId } : {}) };
  }
  if (view === null) return null;
  if (e.type === 'ActionLineRegistered') {
    return { ...view, actionLines: [...view.actionLines, { id: e.data.actionLineId, code: e.data.code, title: e.data.title }] };
  }
  return view;
}
