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
}

export function evolvePlanView(view: PlanView | null, e: PlanEvent): PlanView | null {
  if (e.type === 'PlanRegistered') {
    return { id: e.data.planId, title: e.data.title, period: e.data.period, sourceDocument: e.data.sourceDocument, actionLines: [] };
  }
  if (view === null) return null;
  if (e.type === 'ActionLineRegistered') {
    return { ...view, actionLines: [...view.actionLines, { id: e.data.actionLineId, code: e.data.code, title: e.data.title }] };
  }
  return view;
}
