/**
 * The part of @kurrent/kurrentdb-client's KurrentDBClient this adapter uses. A real client fits it as
 * it is; the specs pass a fake with the same behaviour (fake-kurrentdb-client.testing.ts), so the
 * mapping and the error handling are tested without a server.
 */
import type {
  AppendStreamRequest,
  MultiAppendResult,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToStreamOptions,
} from '@kurrent/kurrentdb-client';

/**
 * What this adapter uses of the client's StreamSubscription (a Node Readable in object mode): its events
 * as an async iterable, which throws when the subscription fails (connection lost), and unsubscribe().
 */
export interface KurrentSubscriptionLike extends AsyncIterable<ResolvedEvent> {
  unsubscribe(): Promise<void>;
}

export interface KurrentClientLike {
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterableIterator<ResolvedEvent>;
  /** Atomic across streams (KurrentDB 25.1 and later): every stream's expected state holds, or nothing is written. */
  multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult>;
  /**
   * A catch-up subscription: the stream's events after `fromRevision` (exclusive, unlike readStream's;
   * START for all of them), then each new one as it is written; it waits for a stream that does not exist yet.
   */
  subscribeToStream(streamName: string, options?: SubscribeToStreamOptions): KurrentSubscriptionLike;
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
