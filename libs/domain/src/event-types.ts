import { ActionEvent } from './action/action.events';
import { PartnerEvent } from './partner/partner';
import { PlanEvent } from './plan/plan';
import { TargetEvent } from './target/target.events';
import { ReportingRoundEvent } from './round/reporting-round';
import { MeetingEvent } from './meeting/meeting';

import { ParliamentaryReferenceEvent } from './context/parliamentary-reference';
import { ThemeEvent } from './context/theme';
import { ContextSeriesEvent } from './context/context-series';

export type AnyDomainEvent =
  | PartnerEvent
  | PlanEvent
  | ActionEvent
  | TargetEvent
  | ReportingRoundEvent
  | MeetingEvent
  | ParliamentaryReferenceEvent
  | ThemeEvent
  | ContextSeriesEvent;

/**
 * The current schema version of every event type. A stored event with an older version is upcast
 * when read (see upcast.ts), never rewritten in the store.
 */
export const CURRENT_SCHEMA_VERSIONS: Record<AnyDomainEvent['type'], number> = {
  PartnerRegistered: 1,
  PlanRegistered: 1,
  ActionLineRegistered: 1,
  ActionRegistered: 1,
  ActionAddedToPlan: 1,
  OwnerAssigned: 1,
  OwnerRemoved: 1,
  ActionRescheduled: 1,
  ActionStatusChanged: 1,
  ActionStatusCorrected: 1,
  ActionLevelSet: 1,
  ProgressUpdateSubmitted: 1,
  ProgressUpdateApproved: 1,
  ProgressUpdateReturned: 1,
  ReportingRoundOpened: 1,
  TargetDefined: 1,
  BaselineRecorded: 1,
  MeasurementRecorded: 1,
  MeasurementCorrected: 1,
  RegionalBaselineRecorded: 1,
  RegionalMeasurementRecorded: 1,
  MeetingRecorded: 1,
  AgreementRecorded: 1,
  ParliamentaryReferenceRegistered: 1,
  ParliamentaryReferenceLinked: 1,
  ThemeDefined: 1,
  ActionLinkedToTheme: 1,
  ContextSeriesDefined: 1,
  ContextFigureRecorded: 1,
};

export function isKnownEventType(type: string): type is AnyDomainEvent['type'] {
  return Object.prototype.hasOwnProperty.call(CURRENT_SCHEMA_VERSIONS, type);
}

/**
 * Brings a stored event to the current schema. Every type is at version 1 today, so this only
 * guards against events from a newer release; when a schema changes, its upcaster goes here.
 */
export function upcast(stored: { type: string; schemaVersion: number; data: object }): AnyDomainEvent {
  if (!isKnownEventType(stored.type)) throw new Error(`unknown event type ${stored.type}`);
  const current = CURRENT_SCHEMA_VERSIONS[stored.type];
  if (stored.schemaVersion > current) {
    throw new Error(`${stored.type} v${stored.schemaVersion} is newer than this release knows (v${current})`);
  }
  return stored as AnyDomainEvent;
}
