import { Forbidden } from '@actiemonitor/domain';
import type { Actor } from '@actiemonitor/event-store';
import { APPLICATION_MESSAGES } from '../application.messages';

/**
 * A jeugdzorgregio's PARTNER token reports status and figures on that region's own regional actions and
 * figures, and nothing else: `regionOfSubject` is the region of the action, plan or figure it writes
 * (null for a national one). Coordinators and the system write anywhere; auditors never reach a write.
 */
export function assertRegionMayWrite(actor: Actor, regionOfSubject: string | null): void {
  if (actor.role !== 'PARTNER') return;
  // A national subject: no partner writes it directly (owners propose updates instead).
  if (regionOfSubject === null) throw new Forbidden(APPLICATION_MESSAGES.partnerMayNot);
  if (regionOfSubject !== actor.partnerId) throw new Forbidden(APPLICATION_MESSAGES.regionOnlyOwn);
}

/** Commands a partner's token may never send, whatever it writes on (the guard refuses them first; this holds behind it). */
export function assertPartnerMay(actor: Actor, allowed: boolean): void {
  if (actor.role === 'PARTNER' && !allowed) throw new Forbidden(APPLICATION_MESSAGES.partnerMayNot);
}
