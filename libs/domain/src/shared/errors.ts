/**
 * Typed domain errors. They are mapped once, at the GraphQL edge, to `extensions.code`.
 * Messages are Dutch (users read them) with the English gist alongside.
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

/** The input is wrong; `field` names the input field (dotted path) and `reason` says why. */
export class InvalidInput extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidInput';
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} '${id}' bestaat niet (not found)`);
    this.name = 'NotFound';
  }
}

/** The caller's view is stale: `currentVersion` is what they should reload and send back. */
export class Conflict extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message);
    this.name = 'Conflict';
  }
}

export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message: string) {
    super(message);
    this.name = 'Forbidden';
  }
}
