import { applyDecorators, BadRequestException, PipeTransform } from '@nestjs/common';
import { IsInt, IsNumber, IsOptional, Matches, Max, MaxLength, Min, ValidationOptions } from 'class-validator';
import { PARTNER_ID_PATTERN, SLUG_ID_PATTERN, TEXT_LIMITS } from '@actiemonitor/domain';

/**
 * Shape checks at the edge; the domain still checks meaning (known partners, periods, invariants).
 * Every check names the field and says why, in Dutch with the English gist.
 */

/**
 * C0 controls other than tab, newline and carriage return; DEL and the C1 controls; and the bidi
 * overrides and isolates that make text read differently from what it stores ("Trojan Source").
 */
export const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const NO_CONTROL_CHARACTERS = new RegExp(`^[^${FORBIDDEN_CHARACTERS.source.slice(1, -1)}]*$`, 's');
const CONTROL_MESSAGE = 'bevat stuurtekens (control characters are not allowed)';

/** Largest magnitude a measured or target value may have: far beyond any count or percentage in the plans. */
export const MAX_MAGNITUDE = 1e12;

export const IsSlugId = (options: ValidationOptions = {}) =>
  Matches(SLUG_ID_PATTERN, { message: "kleine letters, cijfers en '-', hoogstens 80 tekens (lower-case slug)", ...options });
export const IsPartnerId = (options: ValidationOptions = {}) =>
  Matches(PARTNER_ID_PATTERN, { message: "hoofdletters, cijfers en '-', bv. VWS of NJI (upper-case acronym)", ...options });
/** `<targetId>-m<n>`, as the server assigns them. */
export const IsMeasurementId = () =>
  Matches(/^[a-z0-9][a-z0-9-]{0,119}$/, { message: "een meting-id zoals 'pleegzorg-3-inschrijvingen-2017-m1' (measurement id)" });
export const IsCommandId = () =>
  applyDecorators(
    IsOptional(),
    Matches(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/, { message: "letters, cijfers en ':._-', hoogstens 128 tekens" }),
  );

/** Free text with a maximum length and no control characters. */
export const MaxChars = (max: number, options: ValidationOptions = {}) =>
  applyDecorators(
    MaxLength(max, { message: `hoogstens ${max} tekens (too long)`, ...options }),
    Matches(NO_CONTROL_CHARACTERS, { message: CONTROL_MESSAGE, ...options }),
  );
export const MaxText = (kind: keyof typeof TEXT_LIMITS) => MaxChars(TEXT_LIMITS[kind]);

/** An optional version number a client read (expectedVersion). */
export const IsVersion = () =>
  applyDecorators(
    IsOptional(),
    IsInt({ message: 'een geheel getal (an integer)' }),
    Min(0, { message: 'niet negatief (must be ≥ 0)' }),
    Max(2_000_000_000, { message: 'te groot (too large)' }),
  );

/** A finite number of sane size: a measurement, baseline or target value. */
export const IsMeasure = () =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'een eindig getal (a finite number)' }),
    Min(-MAX_MAGNITUDE, { message: `niet kleiner dan -${MAX_MAGNITUDE} (too small)` }),
    Max(MAX_MAGNITUDE, { message: `niet groter dan ${MAX_MAGNITUDE} (too large)` }),
  );

/**
 * Checks a scalar query argument (ValidationPipe only sees input classes): a string of at most
 * `maxLength` characters without control characters, and matching `pattern` when given.
 */
export class TextArgument implements PipeTransform<unknown, unknown> {
  constructor(
    private readonly field: string,
    private readonly maxLength: number,
    private readonly pattern?: { regex: RegExp; reason: string },
  ) {}

  transform(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    const fail = (reason: string) => new BadRequestException({ message: `${this.field}: ${reason}`, field: this.field, reason });
    if (typeof value !== 'string') throw fail('moet tekst zijn (must be a string)');
    if (value.length === 0 || value.length > this.maxLength)
      throw fail(`1 tot ${this.maxLength} tekens (1 to ${this.maxLength} characters)`);
    if (FORBIDDEN_CHARACTERS.test(value)) throw fail(CONTROL_MESSAGE);
    if (this.pattern && !this.pattern.regex.test(value)) throw fail(this.pattern.reason);
    return value;
  }
}

/** An id or a plan's spelling of a partner (NJi, gemeentes, regio’s): lookups only, so a loose shape. */
export const LookupId = (field: string) => new TextArgument(field, 200);
/** An event stream: `<aggregate>-<id>`, e.g. action-pleegzorg-3-4 or partner-VWS. */
export const StreamId = (field: string) =>
  new TextArgument(field, 130, {
    regex: /^[a-z]+-[A-Za-z0-9][A-Za-z0-9-]{0,119}$/,
    reason: "een stroom zoals 'action-pleegzorg-3-4' (stream id)",
  });

/** A log position as decimal text: what the store can hold (a signed 64-bit integer), not just digits. */
export class PositionArgument extends TextArgument {
  constructor(field: string) {
    super(field, 19, { regex: /^\d+$/, reason: 'een positie als tekst, bv. "120" (a decimal position)' });
  }

  override transform(value: unknown): unknown {
    const checked = super.transform(value);
    if (typeof checked === 'string' && BigInt(checked) > 9_223_372_036_854_775_807n) {
      throw new BadRequestException({
        message: 'after: voorbij het einde van het logboek (position out of range)',
        field: 'after',
        reason: 'voorbij het einde van het logboek (position out of range)',
      });
    }
    return checked;
  }
}
