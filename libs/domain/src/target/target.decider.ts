import { Decider } from '../shared/decider';
import { event } from '../shared/domain-event';
import { Conflict, InvalidInput, NotFound } from '../shared/errors';
import { assertSlugId } from '../shared/ids';
import { isCalendarDate } from '../shared/period';
import { SHARED_MESSAGES } from '../shared/shared.messages';
import { optionalText, requireText, TEXT_LIMITS } from '../shared/text';
import { PARTNER_MESSAGES } from '../partner/partner.messages';
import { PlanState } from '../plan/plan';
import { PLAN_MESSAGES } from '../plan/plan.messages';
import { DefineTarget, TargetCommand } from './target.commands';
import { TargetEvent } from './target.events';
import { TARGET_MESSAGES } from './target.messages';
import {
  decideRegionalFigure,
  evolveRegionalFigures,
  initialRegionalFigures,
  RegionalFiguresContext,
  RegionalFiguresState,
} from './regional-figures';

// State: what decisions read, folded from the events.

export interface MeasurementState {
  measurementId: string;
  value: number;
  measuredAt: string;
  source: string | null;
  corrected: boolean;
}

export interface TargetState {
  defined: boolean;
  version: number;
  baseline: number | null;
  /** Every measurement recorded, in recording order, with corrections applied. */
  measurements: MeasurementState[];
  /** Counts every MeasurementRecorded ever, so measurement ids stay stable and unique. */
  recordedCount: number;
  /** The regions' startfotos and measurements. */
  regional: RegionalFiguresState;
}

export const initialTargetState = (): TargetState => ({
  defined: false,
  version: 0,
  baseline: null,
  measurements: [],
  recordedCount: 0,
  regional: initialRegionalFigures(),
});

export function evolveTarget(state: TargetState, e: TargetEvent): TargetState {
  const next = { ...state, version: state.version + 1 };
  switch (e.type) {
    case 'TargetDefined':
      return { ...next, defined: true, baseline: e.data.baseline };
    case 'BaselineRecorded':
      return { ...next, baseline: e.data.baseline };
    case 'MeasurementRecorded':
      return {
        ...next,
        recordedCount: state.recordedCount + 1,
        measurements: [
          ...state.measurements,
          {
            measurementId: e.data.measurementId,
            value: e.data.value,
            measuredAt: e.data.measuredAt,
            source: e.data.source,
            corrected: false,
          },
        ],
      };
    case 'MeasurementCorrected':
      return {
        ...next,
        measurements: state.measurements.map((m) =>
          m.measurementId === e.data.measurementId
            ? { ...m, value: e.data.value, measuredAt: e.data.measuredAt, source: e.data.source, corrected: true }
            : m,
        ),
      };
    case 'RegionalBaselineRecorded':
    case 'RegionalMeasurementRecorded':
      return { ...next, regional: evolveRegionalFigures(state.regional, e) };
    default:
      return next;
  }
}

export interface TargetContext extends Partial<RegionalFiguresContext> {
  knownPartners: ReadonlySet<string>;
  /** For DefineTarget: the plan it belongs to and which of the named actions exist. */
  plan?: PlanState | null;
  existingActionIds?: ReadonlySet<string>;
}

const DIRECTIONS = ['INCREASE', 'DECREASE', 'AT_LEAST', 'QUALITATIVE'];
const MAX_ABS_VALUE = 1e12;

export const targetDecider: Decider<TargetCommand, TargetEvent, TargetState, TargetContext> = {
  initialState: initialTargetState,
  evolve: evolveTarget,
  decide: (command, state, context) => {
    if (command.type === 'DefineTarget') return defineTarget(command, state, context);
    if (!state.defined) throw new NotFound(TARGET_MESSAGES.notFound(command.targetId));
    switch (command.type) {
      case 'RecordBaseline':
        return [
          event('BaselineRecorded', {
            targetId: command.targetId,
            baseline: finiteNumber('baseline', command.baseline),
            baselineDate: calendarDate('baselineDate', command.baselineDate),
            previousBaseline: state.baseline,
            note: optionalText('note', command.note, TEXT_LIMITS.note),
          }),
        ];
      case 'RecordMeasurement':
        return [
          event('MeasurementRecorded', {
            targetId: command.targetId,
            // Ids follow the recording order, so they are stable across replays and readable in exports.
            measurementId: `${command.targetId}-m${state.recordedCount + 1}`,
            value: finiteNumber('value', command.value),
            measuredAt: calendarDate('measuredAt', command.measuredAt),
            source: optionalText('source', command.source, TEXT_LIMITS.source),
          }),
        ];
      case 'CorrectMeasurement': {
        if (!state.measurements.some((m) => m.measurementId === command.measurementId)) {
          throw new InvalidInput('measurementId', TARGET_MESSAGES.unknownMeasurement(command.measurementId, command.targetId));
        }
        return [
          event('MeasurementCorrected', {
            targetId: command.targetId,
            measurementId: command.measurementId,
            value: finiteNumber('value', command.value),
            measuredAt: calendarDate('measuredAt', command.measuredAt),
            source: optionalText('source', command.source, TEXT_LIMITS.source),
            reason: requireText('reason', command.reason, TEXT_LIMITS.reason),
          }),
        ];
      }
      case 'RecordRegionalBaseline':
      case 'RecordRegionalMeasurement':
        return [decideRegionalFigure(command, state.regional, { knownRegions: context.knownRegions ?? new Set() })];
    }
  },
};

function defineTarget(command: DefineTarget, state: TargetState, context: TargetContext): TargetEvent[] {
  if (state.defined) throw new Conflict(TARGET_MESSAGES.alreadyDefined(command.targetId), state.version);
  assertSlugId('targetId', command.targetId);
  if (!context.plan?.registered) throw new NotFound(PLAN_MESSAGES.notFound(command.planId));
  if (!context.plan.actionLines.has(command.actionLineId)) {
    throw new InvalidInput('actionLineId', PLAN_MESSAGES.actionLineNotInPlan(command.actionLineId, command.planId));
  }
  command.actionIds.forEach((id, i) => {
    if (!context.existingActionIds?.has(id)) throw new InvalidInput(`actionIds[${i}]`, TARGET_MESSAGES.unknownAction(id));
  });
  command.owners.forEach((id, i) => {
    if (!context.knownPartners.has(id)) throw new InvalidInput(`owners[${i}]`, PARTNER_MESSAGES.unknown(id));
  });
  if (!DIRECTIONS.includes(command.direction)) throw new InvalidInput('direction', TARGET_MESSAGES.unknownDirection(command.direction));
  return [
    event('TargetDefined', {
      targetId: command.targetId,
      planId: command.planId,
      actionLineId: command.actionLineId,
      actionIds: [...new Set(command.actionIds)],
      owners: [...new Set(command.owners)],
      description: requireText('description', command.description, TEXT_LIMITS.description),
      sourceText: optionalText('sourceText', command.sourceText, TEXT_LIMITS.description),
      unit: optionalText('unit', command.unit, TEXT_LIMITS.unit),
      baseline: command.baseline === null ? null : finiteNumber('baseline', command.baseline),
      baselineDate: command.baselineDate === null ? null : calendarDate('baselineDate', command.baselineDate),
      baselineNote: optionalText('baselineNote', command.baselineNote, TEXT_LIMITS.note),
      targetValue: command.targetValue === null ? null : finiteNumber('targetValue', command.targetValue),
      dueDate: command.dueDate === null ? null : calendarDate('dueDate', command.dueDate),
      direction: command.direction,
      note: optionalText('note', command.note, TEXT_LIMITS.note),
    }),
  ];
}

function finiteNumber(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidInput(field, SHARED_MESSAGES.notFinite);
  if (Math.abs(value) > MAX_ABS_VALUE) throw new InvalidInput(field, SHARED_MESSAGES.outOfRange(-MAX_ABS_VALUE, MAX_ABS_VALUE));
  return value;
}

function calendarDate(field: string, value: string): string {
  if (!isCalendarDate(value)) throw new InvalidInput(field, SHARED_MESSAGES.notCalendarDate(value));
  return value;
}
