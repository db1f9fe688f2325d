import { applyDecorators, BadRequestException, PipeTransform } from '@nestjs/common';
import { ArrayMaxSize, IsInt, IsNumber, IsOptional, Matches, Max, MaxLength, Min, ValidationOptions } from 'class-validator';
import { APPLICATION_MESSAGES } from '@actiemonitor/application';
import { Message, PARTNER_ID_PATTERN, SHARED_MESSAGES, SLUG_ID_PATTERN, TEXT_LIMITS } from '@actiemonitor/domain';
import { API_MESSAGES } from '../../errors/api.messages';

/**
 * Shape checks at the edge; the domain still checks meaning (known partners, periods, invariants).
 * Every check names the field and says why: the Dutch text as the constraint's message, the English
 * meaning in its context (`reason`), which validationExceptionFactory sends as `extensions.reason`.
 */

/** A class-validator option that refuses with a catalogue message. */
export function says(message: Message, options: ValidationOptions = {}): ValidationOptions {
  return { ...options, message: message.nl, context: { reason: message.en } };
}

/**
 * C0 controls other than tab, newline and carriage return; DEL and the C1 controls; and the bidi
 * overrides and isolates that make text read differently from what it stores ("Trojan Source").
 */
export const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const NO_CONTROL_CHARACTERS = new RegExp(`^[^${FORBIDDEN_CHARACTERS.source.slice(1, -1)}]*$`, 's');

/** Largest magnitude a measured or target value may have: far beyond any count or percentage in the plans. */
export const MAX_MAGNITUDE = 1e12;
/** Largest version number a client may send. */
const MAX_VERSION = 2_000_000_000;

export const IsSlugId = (options: ValidationOptions = {}) => Matches(SLUG_ID_PATTERN, says(API_MESSAGES.slugId, options));
export const IsPartnerId = (options: ValidationOptions = {}) => Matches(PARTNER_ID_PATTERN, says(API_MESSAGES.partnerId, options));
/** `<targetId>-m<n>`, as the server assigns them. */
export const IsMeasurementId = () => Matches(/^[a-z0-9][a-z0-9-]{0,119}$/, says(API_MESSAGES.measurementId));
export const IsCommandId = () =>
  applyDecorators(IsOptional(), Matches(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/, says(APPLICATION_MESSAGES.commandIdInvalid)));

/** Free text with a maximum length and no control characters. */
export const MaxChars = (max: number, options: ValidationOptions = {}) =>
  applyDecorators(
    MaxLength(max, says(API_MESSAGES.maxCharacters(max), options)),
    Matches(NO_CONTROL_CHARACTERS, says(SHARED_MESSAGES.controlCharacters, options)),
  );
export const MaxText = (kind: keyof typeof TEXT_LIMITS) => MaxChars(TEXT_LIMITS[kind]);

/** A list of at most `max` values. */
export const MaxItems = (max: number) => ArrayMaxSize(max, says(API_MESSAGES.maxItems(max)));

/** An optional version number a client read (expectedVersion). */
export const IsVersion = () =>
  applyDecorators(
    IsOptional(),
    IsInt(says(API_MESSAGES.integer)),
    Min(0, says(API_MESSAGES.notNegative)),
    Max(MAX_VERSION, says(API_MESSAGES.tooLarge)),
  );

/** The version of a status report a correction names: 1 or more. */
export const IsReportVersion = () =>
  applyDecorators(IsInt(says(API_MESSAGES.integer)), Min(1, says(API_MESSAGES.notBelow(1))), Max(MAX_VERSION, says(API_MESSAGES.tooLarge)));

/** A finite number of sane size: a measurement, baseline or target value. */
export const IsMeasure = () =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }, says(API_MESSAGES.finiteNumber)),
    Min(-MAX_MAGNITUDE, says(API_MESSAGES.notBelow(-MAX_MAGNITUDE))),
    Max(MAX_MAGNITUDE, says(API_MESSAGES.notAbove(MAX_MAGNITUDE))),
  );

/**
 * Checks a scalar query argument (ValidationPipe only sees input classes): a string of at most
 * `maxLength` characters without control characters, and matching `pattern` when given.
 */
export class TextArgument implements PipeTransform<unknown, unknown> {
  constructor(
    protected readonly field: string,
    private readonly maxLength: number,
    private readonly pattern?: { regex: RegExp; message: Message },
  ) {}

  transform(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    if (typeof value !== 'string') throw refusal(this.field, API_MESSAGES.notText);
    if (value.length === 0 || value.length > this.maxLength) throw refusal(this.field, API_MESSAGES.characterCount(this.maxLength));
    if (FORBIDDEN_CHARACTERS.test(value)) throw refusal(this.field, SHARED_MESSAGES.controlCharacters);
    if (this.pattern && !this.pattern.regex.test(value)) throw refusal(this.field, this.pattern.message);
    return value;
  }
}

/** BAD_USER_INPUT for a query argument: `<field>: <Dutch>` as the message, the English meaning as `reason`. */
export function refusal(field: string, message: Message): BadRequestException {
  return new BadRequestException({ message: `${field}: ${message.nl}`, field, reason: message.en });
}

/** An id or a plan's spelling of a partner (NJi, gemeentes, regio’s): lookups only, so a loose shape. */
export const LookupId = (field: string) => new TextArgument(field, 200);
/** An event stream: `<aggregate>-<id>`, e.g. action-pleegzorg-3-4 or partner-VWS. */
export const StreamId = (field: string) =>
  new TextArgument(field, 130, { regex: /^[a-z]+-[A-Za-z0-9][A-Za-z0-9-]{0,119}$/, message: API_MESSAGES.streamId });

/** A log position as decimal text: what the store can hold (a signed 64-bit integer), not just digits. */
export class PositionArgument extends TextArgument {
  constructor(field: string) {
    super(field, 19, { regex: /^\d+$/, message: API_MESSAGES.position });
  }

  override transform(value: unknown): unknown {
    const checked = super.transform(value);
    if (typeof checked === 'string' && BigInt(checked) > 9_223_372_036_854_775_807n)
      throw refusal(this.field, API_MESSAGES.positionBeyondLog);
    return checked;
  }
}
