/**
 * The part of @kurrent/kurrentdb-client's KurrentDBClient this adapter uses. A real client fits it as
 * it is; the specs pass a fake with the same behaviour (fake-kurrentdb-client.testing.ts), so the
 * mapping and the error handling are tested without a server.
 */
import type { AppendStreamRequest, MultiAppendResult, ReadStreamOptions, ResolvedEvent } from '@kurrent/kurrentdb-client';

export interface KurrentClientLike {
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterableIterator<ResolvedEvent>;
  /** Atomic across streams (KurrentDB 25.1 and later): every stream's expected state holds, or nothing is written. */
  multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult>;
  dispose(): Promise<void>;
}

/** The client's error type strings (ErrorType), compared by value so a second copy of the package still matches. */
export const WRONG_EXPECTED_VERSION = 'wrong-expected-version';
/** What a server reports for a failed expectation in some append paths instead; handled the same way. */
export const APPEND_CONSISTENCY_VIOLATION = 'append-consistency-violation';
export const STREAM_NOT_FOUND = 'stream-not-found';

export function hasErrorType(error: unknown, type: string): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === type;
}
