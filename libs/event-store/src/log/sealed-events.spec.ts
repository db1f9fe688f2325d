import { canonicalJson } from '../canonical-json';
import type { EventMetadata } from '../event-store.port';
import { metadataCanonicalText } from './sealed-events';

describe('metadataCanonicalText: the hashed metadata text, written out for speed', () => {
  const base: EventMetadata = {
    actor: { id: 'tok-1', partnerId: 'VWS', role: 'COORDINATOR' },
    commandId: 'cmd-1',
    correlationId: 'corr-1',
    recordedAt: '2026-12-01T10:00:00.000Z',
  };

  it.each<[string, EventMetadata]>([
    ['a coordinator', base],
    ['an actor without a partner', { ...base, actor: { id: 'system', partnerId: null, role: 'SYSTEM' } }],
    ['an actor whose partner is left out', { ...base, actor: { id: 'oidc:x', role: 'PARTNER' } as unknown as EventMetadata['actor'] }],
    [
      'ids with quotes, control characters, non-ASCII and astral characters',
      {
        ...base,
        commandId: 'a"b\\c\n\u0001é',
        correlationId: 'regio’s 😀 \u2028',
        actor: { id: 'tök', partnerId: 'NJi', role: 'PARTNER' },
      },
    ],
    [
      'extra members on the actor, which are not part of the record',
      { ...base, actor: { ...base.actor, name: 'x' } as EventMetadata['actor'] },
    ],
  ])('equals canonicalJson of the recorded metadata for %s', (_name, metadata) => {
    const recorded = {
      actor: { id: metadata.actor.id, partnerId: metadata.actor.partnerId, role: metadata.actor.role },
      commandId: metadata.commandId,
      correlationId: metadata.correlationId,
      recordedAt: metadata.recordedAt,
    };
    expect(metadataCanonicalText(metadata)).toBe(canonicalJson(recorded));
  });
});
