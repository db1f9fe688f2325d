import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { API_MESSAGES } from './api.messages';

/**
 * Turns class-validator's findings into BAD_USER_INPUT naming the first failing field: the Dutch text
 * (the constraint's message) and the English meaning (its context's `reason`, set by `says()`). A
 * constraint without a catalogue message has class-validator's English text: that becomes the reason,
 * and users read the generic Dutch refusal.
 */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const { field, dutch, english } = firstProblem(errors, '');
  return new BadRequestException({ message: `${field}: ${dutch}`, field, reason: english });
}

function firstProblem(errors: ValidationError[], prefix: string): { field: string; dutch: string; english: string } {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const [constraint, text] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (constraint !== undefined && text !== undefined) {
      const english = (error.contexts?.[constraint] as { reason?: unknown } | undefined)?.reason;
      if (typeof english === 'string') return { field: path, dutch: text, english };
      return { field: path, dutch: API_MESSAGES.invalidInput.nl, english: text };
    }
    if (error.children?.length) return firstProblem(error.children, path);
  }
  return { field: prefix || 'input', dutch: API_MESSAGES.invalidInput.nl, english: API_MESSAGES.invalidInput.en };
}
