/** readAll's options as every adapter checks them, so they refuse and cap alike. */
import type { ReadAllOptions } from '../event-store.port';

/** Larger pages are capped to this: one page must not pull much of the log into memory. */
export const READ_ALL_PAGE_CAP = 10_000;

export interface CheckedReadAllOptions {
  after: bigint;
  limit: number;
  streamId?: string;
  /** Normalised to toISOString() form. */
  recordedUpTo?: string;
}

export function checkReadAllOptions(options: ReadAllOptions): CheckedReadAllOptions {
  if (!Number.isSafeInteger(options.limit) || options.limit < 1) {
    throw new RangeError(`readAll limit must be a positive integer, got ${options.limit}`);
  }
  const checked: CheckedReadAllOptions = { after: options.after, limit: Math.min(options.limit, READ_ALL_PAGE_CAP) };
  if (options.streamId !== undefined) checked.streamId = options.streamId;
  if (options.recordedUpTo !== undefined) checked.recordedUpTo = normaliseInstant(options.recordedUpTo);
  return checked;
}

/** "2025-01-01T10:00:00Z" and "+01:00" offsets name the same instants as toISOString() output; compare as instants. */
export function normaliseInstant(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`recordedUpTo is not a valid instant: ${iso}`);
  return instant.toISOString();
}

/**
 * Never earlier than the previous event's time, even if this machine's clock is behind another
 * instance's or steps back: position order stays time order, so "recorded up to T" is a prefix of the log.
 */
export function nextRecordedAt(now: Date, previousRecordedAt: string | null): string {
  const candidate = now.toISOString();
  return previousRecordedAt !== null && candidate < previousRecordedAt ? previousRecordedAt : candidate;
}
