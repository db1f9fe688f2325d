import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** Turns class-validator's findings into BAD_USER_INPUT naming the first failing field and why. */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const [field, reason] = firstProblem(errors, '');
  return new BadRequestException({ message: `${field}: ${reason}`, field, reason });
}

function firstProblem(errors: ValidationError[], prefix: string): [string, string] {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) return [path, Object.values(error.constraints)[0]];
    if (error.children?.length) return firstProblem(error.children, path);
  }
  return [prefix || 'input', 'ongeldige invoer (invalid input)'];
}
