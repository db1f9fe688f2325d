import { applyDecorators } from '@nestjs/common';
import { IsOptional, Matches, MaxLength, ValidationOptions } from 'class-validator';
import { PARTNER_ID_PATTERN, SLUG_ID_PATTERN, TEXT_LIMITS } from '@actiemonitor/domain';

/** Shape checks at the edge; the domain still checks meaning (known partners, periods, invariants). */
export const IsSlugId = (options: ValidationOptions = {}) =>
  Matches(SLUG_ID_PATTERN, { message: "kleine letters, cijfers en '-', hoogstens 80 tekens (lower-case slug)", ...options });
export const IsPartnerId = (options: ValidationOptions = {}) =>
  Matches(PARTNER_ID_PATTERN, { message: "hoofdletters, cijfers en '-', bv. VWS of NJI (upper-case acronym)", ...options });
export const IsCommandId = () =>
  applyDecorators(IsOptional(), Matches(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/, { message: "letters, cijfers en ':._-', hoogstens 128 tekens" }));
export const MaxText = (kind: keyof typeof TEXT_LIMITS) =>
  MaxLength(TEXT_LIMITS[kind], { message: `hoogstens ${TEXT_LIMITS[kind]} tekens (too long)` });
