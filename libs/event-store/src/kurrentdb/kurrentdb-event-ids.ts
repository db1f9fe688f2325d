/**
 * Event ids derived from the command id (RFC 4122 version 5: sha1 over a namespace and a name), so the
 * same command sent twice carries the same ids and KurrentDB's own idempotency check recognises the
 * retry, on top of this adapter's command stream.
 */
import { createHash } from 'node:crypto';

/** This adapter's namespace: a random v4 UUID fixed once; it only has to differ from other applications'. */
export const ACTIEMONITOR_ID_NAMESPACE = '6f1c7e0a-3b5d-4f2e-9a8b-2d4c6e8f0a1b';

/** Which copy of an event: in its own stream, in the log stream, or the command record. */
export type EventIdPurpose = 'stream' | 'log' | 'command';

export function eventIdFor(commandId: string, purpose: EventIdPurpose, index: number): string {
  return uuidV5(`${commandId}\u0000${purpose}\u0000${index}`, ACTIEMONITOR_ID_NAMESPACE);
}

export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new RangeError(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
