import { ReportingRoundEvent } from '@actiemonitor/domain';

/** A reporting round as coordinators and owners read it; who has reported comes from the actions. */
export interface RoundView {
  id: string;
  planId: string;
  title: string;
  opensOn: string;
  closesOn: string;
  actionIds: string[];
  openedAt: string;
}

export function evolveRoundView(view: RoundView | null, e: ReportingRoundEvent, recordedAt: string): RoundView | null {
  if (e.type === 'ReportingRoundOpened') {
    const { roundId, planId, title, opensOn, closesOn, actionIds } = e.data;
    return { id: roundId, planId, title, opensOn, closesOn, actionIds, openedAt: recordedAt };
  }
  return view;
}
