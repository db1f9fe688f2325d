import { isAllowed, Principal } from '@actiemonitor/application';

/**
 * Who is looking at a page: someone signed in (with the API's roles), a visitor reading in public mode
 * (PUBLIC_READ), or nobody yet. Pages ask it what they may show; the buses still decide what they do.
 */
export type Viewer = { kind: 'signed-in'; principal: Principal } | { kind: 'public' } | { kind: 'anonymous' };

export const canRead = (viewer: Viewer): boolean => viewer.kind !== 'anonymous';
export const canEdit = (viewer: Viewer): boolean => viewer.kind === 'signed-in' && isAllowed(viewer.principal.role, 'write');
/** Reporting progress is for a user who speaks for an organisation; whether it owns the action is the domain's rule. */
export const canReport = (viewer: Viewer): boolean =>
  viewer.kind === 'signed-in' && isAllowed(viewer.principal.role, 'report') && Boolean(viewer.principal.partnerId);
/** The organisation the viewer reports for, when they may report at all. */
export const reportingPartner = (viewer: Viewer): string | null =>
  canReport(viewer) && viewer.kind === 'signed-in' ? viewer.principal.partnerId : null;
/**
 * Whether the viewer may write for a jeugdzorgregio (take up a national action, report on its regional
 * actions, record its figures): coordinators for every region, a region's own token for that region.
 */
export const canWriteForRegion = (viewer: Viewer, regionId: string): boolean =>
  canEdit(viewer) || (viewer.kind === 'signed-in' && viewer.principal.role === 'PARTNER' && viewer.principal.partnerId === regionId);
export const canReadLog = (viewer: Viewer): boolean => viewer.kind === 'signed-in' && isAllowed(viewer.principal.role, 'readEventLog');
/** Who did what is for signed-in users only: in public mode the history says what and when. */
export const canSeeActors = (viewer: Viewer): boolean => viewer.kind === 'signed-in';

const ROLE_NAMES: Record<Principal['role'], string> = { COORDINATOR: 'coördinator', PARTNER: 'partner', AUDITOR: 'auditor' };

export function viewerLabel(viewer: Viewer): string | null {
  if (viewer.kind !== 'signed-in') return null;
  const { principal } = viewer;
  return `${principal.partnerId ?? principal.name} (${ROLE_NAMES[principal.role]})`;
}
