/** Raised when a stream is not at the version the writer expected: someone else wrote first. */
export class WrongExpectedVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${actualVersion}, expected ${expectedVersion}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** Raised when a commandId is reused for a different stream: an idempotency key names one command. */
export class CommandIdReused extends Error {
  constructor(
    readonly commandId: string,
    readonly originalStreamId: string,
  ) {
    super(`commandId ${commandId} was already used for stream ${originalStreamId}`);
    this.name = 'CommandIdReused';
  }
}
