import type { RecordedEvent } from '@actiemonitor/event-store';
import { VIEW_KINDS, viewsTouchedBy } from './project-batch';

let position = 0n;
function recorded(type: string, data: Record<string, unknown>): RecordedEvent {
  position += 1n;
  return {
    position,
    streamId: 's',
    version: 1,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { id: 'a', partnerId: null, role: 'SYSTEM' },
      commandId: 'c',
      correlationId: 'c',
      recordedAt: '2026-12-01T00:00:00.000Z',
    },
    hash: '',
    prevHash: '',
  };
}

describe('viewsTouchedBy: what a store loads before a batch is projected', () => {
  it('lists every kind, in the order stores load them, each view once in the order the batch first touches it', () => {
    const touched = viewsTouchedBy([
      recorded('ActionStatusChanged', { actionId: 'b' }),
      recorded('PartnerRegistered', { partnerId: 'VWS' }),
      recorded('ActionStatusChanged', { actionId: 'a' }),
      recorded('ActionStatusChanged', { actionId: 'b' }),
      recorded('PlanRegistered', { planId: 'p' }),
      recorded('ActionLineRegistered', { planId: 'p' }),
    ]);
    expect(Object.keys(touched)).toEqual(VIEW_KINDS);
    expect(touched).toMatchObject({ action: ['b', 'a'], partner: ['VWS'], plan: ['p'], target: [], theme: [] });
  });

  it('gives one event its one view', () => {
    expect(viewsTouchedBy([recorded('ActionStatusChanged', { actionId: 'x' })]).action).toEqual(['x']);
  });
});
